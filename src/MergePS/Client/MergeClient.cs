using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

using MergePS.Models;

namespace MergePS.Client;

/// <summary>
/// The HTTP core: one HttpClient per session, auth headers added per request (so one client serves
/// many linked accounts), one retry policy, typed errors. No PowerShell types.
/// </summary>
public sealed class MergeClient : IDisposable
{
    private const int MaxErrorBodyChars = 4096;
    private static readonly string[] s_requestIdHeaders = { "X-Request-Id", "X-Merge-Request-Id", "X-Amzn-RequestId" };

    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly SecureString _apiKey;
    private readonly MergeClientOptions _options;
    private readonly Random _jitter = new();
    private readonly AccountRateLimiter? _limiter;

    public MergeClient(
        Uri baseUri,
        SecureString apiKey,
        MergeClientOptions options,
        HttpMessageHandler? handler = null,
        MergeClientStatistics? statistics = null)
    {
        Statistics = statistics ?? new MergeClientStatistics();
        _baseUri = baseUri;
        _apiKey = apiKey;
        _options = options;
        _limiter = options.MaxRequestsPerMinute is int perMinute and > 0 ? new AccountRateLimiter(perMinute) : null;
        _http = new HttpClient(handler ?? CreateHandler(options), disposeHandler: true)
        {
            // Per-attempt timeouts are ours (linked to the caller's token), so the client's own is off.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    public MergeClientStatistics Statistics { get; }

    /// <summary>Test seam: replaces the waiting between attempts.</summary>
    internal Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = (delay, token) => Task.Delay(delay, token);

    public static HttpMessageHandler CreateHandler(MergeClientOptions options) => new HttpClientHandler
    {
        // A redirect would carry Authorization and X-Account-Token to wherever it points.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        MaxConnectionsPerServer = options.MaxConnectionsPerServer,
        UseCookies = false,
    };

    /// <summary>Sends a request and parses the JSON body with a source-generated type.</summary>
    public Task<T> SendAsync<T>(MergeRequest request, JsonTypeInfo<T> typeInfo, IMergeLog log, CancellationToken cancellationToken)
        => ExecuteAsync(request, (response, token) => ReadJsonAsync(request, response, typeInfo, token), log, cancellationToken);

    /// <summary>Sends a request and parses the JSON body when the type is only known at run time.</summary>
    public Task<object> SendAsync(MergeRequest request, JsonTypeInfo typeInfo, IMergeLog log, CancellationToken cancellationToken)
        => ExecuteAsync(request, async (response, token) =>
        {
            using Stream stream = await OpenBodyAsync(request, response).ConfigureAwait(false);
            using CancellationTokenRegistration abort = token.Register(static s => ((Stream)s!).Dispose(), stream);
            object? value = await JsonSerializer.DeserializeAsync(stream, typeInfo, token).ConfigureAwait(false);
            return value ?? throw EmptyBody(request, response);
        }, log, cancellationToken);

    /// <summary>
    /// Streams a binary body to <paramref name="consume"/>. Attempts are retried only until the
    /// response headers arrive; the body itself is read once, with no per-attempt timeout, since
    /// large downloads take as long as they take.
    /// </summary>
    public async Task DownloadAsync(
        MergeRequest request,
        Func<Stream, long?, string?, CancellationToken, Task> consume,
        IMergeLog log,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await ExecuteAsync(request, (r, _) =>
        {
            // Ownership moves to this method; ExecuteAsync must not dispose the response it returns.
            return Task.FromResult(r);
        }, log, cancellationToken, disposeResponse: false).ConfigureAwait(false);
        using (response)
        {
            using Stream body = await OpenBodyAsync(request, response).ConfigureAwait(false);
            string? fileName = response.Content?.Headers.ContentDisposition?.FileNameStar ?? response.Content?.Headers.ContentDisposition?.FileName;
            await consume(body, response.Content?.Headers.ContentLength, fileName?.Trim('"'), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a request whose success body, if any, is not needed.</summary>
    public Task SendAsync(MergeRequest request, IMergeLog log, CancellationToken cancellationToken)
        => ExecuteAsync(request, (_, _) => Task.FromResult(true), log, cancellationToken);

    /// <summary>Sends a request and returns the body as text, for raw requests.</summary>
    public Task<MergeRawResponse> SendRawAsync(MergeRequest request, IMergeLog log, CancellationToken cancellationToken)
        => ExecuteAsync(request, async (response, token) =>
        {
            string body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return new MergeRawResponse(
                (int)response.StatusCode,
                body,
                response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IEnumerable<string>>>())
                    .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase));
        }, log, cancellationToken);

    /// <summary>Starts a cursor-paged listing; nothing is sent until the first page is asked for.</summary>
    public CursorPager<T> Page<T>(MergeRequest request, JsonTypeInfo<Page<T>> typeInfo, IMergeLog log)
        => new(this, request, typeInfo, log);

    /// <summary>
    /// The retry loop. An attempt is the whole exchange, body included, so a connection reset or a
    /// truncated page is retried like a 503 instead of surfacing as a half-read listing.
    /// </summary>
    internal async Task<T> ExecuteAsync<T>(
        MergeRequest request,
        Func<HttpResponseMessage, CancellationToken, Task<T>> readBody,
        IMergeLog log,
        CancellationToken cancellationToken,
        bool disposeResponse = true)
    {
        TimeSpan waited = TimeSpan.Zero;
        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_limiter is not null)
            {
                await _limiter.WaitAsync(request.AccountToken, Delay, cancellationToken).ConfigureAwait(false);
            }

            MergeApiException failure;
            using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptCts.CancelAfter(_options.Timeout);
                var stopwatch = Stopwatch.StartNew();
                try
                {
                    using HttpRequestMessage message = BuildMessage(request);
                    Statistics.CountRequest();
                    HttpResponseMessage response = await _http
                        .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token)
                        .ConfigureAwait(false);
                    bool handedOver = false;
                    try
                    {
                        log.Debug(DescribeExchange(message, response, stopwatch.Elapsed));
                        if (response.IsSuccessStatusCode)
                        {
                            T result = await readBody(response, attemptCts.Token).ConfigureAwait(false);
                            handedOver = !disposeResponse;
                            return result;
                        }

                        failure = await ToApiExceptionAsync(request, response).ConfigureAwait(false);
                    }
                    finally
                    {
                        if (!handedOver)
                        {
                            response.Dispose();
                        }
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException ex)
                {
                    failure = new MergeApiException(
                        MergeErrorIds.Timeout,
                        $"{request.Method} {request.Display} did not complete within {_options.Timeout.TotalSeconds:0.#} s.",
                        "Retry later, or raise the timeout with Connect-Merge -Timeout.",
                        null, request.Method.Method, request.Display, null, null, inner: ex);
                }
                catch (MergeApiException ex)
                {
                    failure = ex;
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException)
                {
                    failure = new MergeApiException(
                        MergeErrorIds.ConnectionFailed,
                        $"{request.Method} {request.Display} failed: {Innermost(ex).Message}",
                        "Check the network and the base URI (Get-MergeContext), then retry.",
                        null, request.Method.Method, request.Display, null, null, inner: ex);
                }
                catch (JsonException ex)
                {
                    failure = InvalidResponse(request, ex);
                }
            }

            TimeSpan? delay = RetryDelay(request, failure, attempt, waited);
            if (delay is null)
            {
                throw failure;
            }

            Statistics.CountRetry();
            waited += delay.Value;
            string reason = failure.StatusCode is HttpStatusCode status
                ? ((int)status).ToString(CultureInfo.InvariantCulture)
                : failure.ErrorId;
            log.Verbose(string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1}: {2}; retry {3} of {4} in {5:0.0} s.",
                request.Method, request.Path, reason, attempt, _options.MaxAttempts - 1, delay.Value.TotalSeconds));
            if (failure.StatusCode == (HttpStatusCode)429 && Statistics.Throttles > 1)
            {
                log.Warning(string.Format(
                    CultureInfo.InvariantCulture,
                    "Merge is throttling this session ({0} times so far); waiting {1:0.0} s.",
                    Statistics.Throttles, delay.Value.TotalSeconds));
            }

            await Delay(delay.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    private TimeSpan? RetryDelay(MergeRequest request, MergeApiException failure, int attempt, TimeSpan waited)
    {
        int? status = failure.StatusCode is HttpStatusCode code ? (int)code : null;
        if (status == 429)
        {
            Statistics.CountThrottle(failure.RetryAfter);
        }

        bool retryable = status switch
        {
            429 => true,
            408 or 500 or 502 or 503 or 504 => request.IsIdempotent,
            null => request.IsIdempotent && failure.ErrorId is MergeErrorIds.Timeout or MergeErrorIds.ConnectionFailed or MergeErrorIds.InvalidResponse,
            _ => false,
        };
        if (!retryable || attempt >= _options.MaxAttempts)
        {
            return null;
        }

        TimeSpan delay;
        if (failure.RetryAfter is TimeSpan retryAfter)
        {
            delay = retryAfter;
        }
        else
        {
            double backoff = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
            double jitter;
            lock (_jitter)
            {
                jitter = 0.5 + _jitter.NextDouble();
            }

            delay = TimeSpan.FromMilliseconds(backoff * jitter);
        }

        if (delay > _options.MaxRetryDelay)
        {
            delay = _options.MaxRetryDelay;
        }

        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return waited + delay > _options.MaxRetryWait ? null : delay;
    }

    private HttpRequestMessage BuildMessage(MergeRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(_baseUri, request.Path + request.Query));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret.Reveal(_apiKey));
        if (request.AccountToken is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Account-Token", Secret.Reveal(request.AccountToken));
        }

        message.Headers.UserAgent.ParseAdd(_options.UserAgent);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.Headers is not null)
        {
            foreach (var header in request.Headers)
            {
                if (IsSecretHeader(header.Key))
                {
                    continue;
                }

                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (request.Content is not null)
        {
            message.Content = request.Content();
        }

        return message;
    }

    private static bool IsSecretHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("X-Account-Token", StringComparison.OrdinalIgnoreCase);

    private static string DescribeExchange(HttpRequestMessage message, HttpResponseMessage response, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.Append(message.Method).Append(' ').Append(message.RequestUri)
            .Append(" -> ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase)
            .Append(" in ").Append(elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)).Append(" ms");
        foreach (var header in message.Headers)
        {
            text.Append("\n  > ").Append(header.Key).Append(": ")
                .Append(IsSecretHeader(header.Key) ? "[redacted]" : string.Join(", ", header.Value));
        }

        foreach (var header in response.Headers)
        {
            text.Append("\n  < ").Append(header.Key).Append(": ").Append(string.Join(", ", header.Value));
        }

        return text.ToString();
    }

    private static async Task<Stream> OpenBodyAsync(MergeRequest request, HttpResponseMessage response)
    {
        if (response.Content is null)
        {
            throw EmptyBody(request, response);
        }

        return await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
    }

    private static async Task<T> ReadJsonAsync<T>(MergeRequest request, HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken token)
    {
        using Stream stream = await OpenBodyAsync(request, response).ConfigureAwait(false);
        using CancellationTokenRegistration abort = token.Register(static s => ((Stream)s!).Dispose(), stream);
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync(stream, typeInfo, token).ConfigureAwait(false);
        }
        catch (ObjectDisposedException) when (token.IsCancellationRequested)
        {
            throw new OperationCanceledException(token);
        }

        return value ?? throw EmptyBody(request, response);
    }

    private static MergeApiException EmptyBody(MergeRequest request, HttpResponseMessage response) => new(
        MergeErrorIds.InvalidResponse,
        $"{request.Method} {request.Display} returned {(int)response.StatusCode} with an empty body where JSON was expected.",
        "Retry; if it persists, report it with the request id.",
        response.StatusCode, request.Method.Method, request.Display, null, RequestId(response));

    private static MergeApiException InvalidResponse(MergeRequest request, JsonException ex) => new(
        MergeErrorIds.InvalidResponse,
        $"{request.Method} {request.Display} returned a body that is not the JSON expected: {ex.Message}",
        "Retry; if it persists, check the base URI points at the Merge API (Get-MergeContext).",
        null, request.Method.Method, request.Display, null, null, inner: ex);

    private static async Task<MergeApiException> ToApiExceptionAsync(MergeRequest request, HttpResponseMessage response)
    {
        string body = string.Empty;
        if (response.Content is not null)
        {
            try
            {
                body = await ReadLimitedAsync(response.Content).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                body = string.Empty;
            }
        }

        int status = (int)response.StatusCode;
        string detail = MergeErrorBody.Describe(body, response.Content?.Headers.ContentType?.MediaType);
        (string id, string action) = status switch
        {
            400 or 422 => (MergeErrorIds.BadRequest, "Check the parameters and values against the cmdlet's help."),
            401 => (MergeErrorIds.Unauthorized, "Check the API key (Connect-Merge) and the account token (Set-MergeAccount)."),
            403 => (MergeErrorIds.Forbidden, "The key or linked account lacks access to this data; check the account's scopes in Merge."),
            404 => (MergeErrorIds.NotFound, "Check the id, and that the linked account's integration supports this resource."),
            408 => (MergeErrorIds.Timeout, "Retry later."),
            429 => (MergeErrorIds.RateLimited, "Wait and retry, or lower the request rate for this linked account."),
            >= 300 and < 400 => (MergeErrorIds.Redirected, "Check the base URI; redirects are not followed so credentials stay on the Merge host."),
            >= 500 => (MergeErrorIds.ServerError, "Retry later; if it persists, check Merge's status page."),
            _ => (MergeErrorIds.HttpError, "Check the request; see the response body for details."),
        };

        string message = $"{request.Method} {request.Display} returned {status} {response.ReasonPhrase}: {detail}";
        return new MergeApiException(
            id, message, action, response.StatusCode, request.Method.Method, request.Display, body, RequestId(response),
            retryAfter: RetryAfter(response));
    }

    private static async Task<string> ReadLimitedAsync(HttpContent content)
    {
        using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        char[] buffer = new char[MaxErrorBodyChars];
        int read = await reader.ReadBlockAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
        return new string(buffer, 0, read);
    }

    private static string? RequestId(HttpResponseMessage response)
    {
        foreach (string name in s_requestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    /// <summary>Retry-After comes as seconds or as an HTTP date; both are honoured.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is TimeSpan delta)
        {
            return delta;
        }

        if (header.Date is DateTimeOffset date)
        {
            TimeSpan until = date - DateTimeOffset.UtcNow;
            return until > TimeSpan.Zero ? until : TimeSpan.Zero;
        }

        return null;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}

/// <summary>A response returned as text, for raw requests.</summary>
public sealed class MergeRawResponse
{
    public MergeRawResponse(int statusCode, string body, System.Collections.Generic.IReadOnlyDictionary<string, string> headers)
    {
        StatusCode = statusCode;
        Body = body;
        Headers = headers;
    }

    public int StatusCode { get; }

    public string Body { get; }

    public System.Collections.Generic.IReadOnlyDictionary<string, string> Headers { get; }
}
