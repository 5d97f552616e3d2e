using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MergePS.Tests.Infrastructure;

/// <summary>
/// An in-memory HTTP server for the client: records every request (method, URI, headers, body) and
/// answers from a queue of responders, falling back to a function when the queue is empty.
/// </summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _queue = new();
    private readonly List<RecordedRequest> _requests = new();
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _fallback;

    /// <summary>Every request seen so far, in the order they arrived.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Answers the next request with whatever the function returns (or throws).</summary>
    public StubHandler Enqueue(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _queue.Enqueue(responder);
        return this;
    }

    public StubHandler Enqueue(HttpStatusCode status, string? body = null, string? contentType = "application/json", params (string Name, string Value)[] headers)
        => Enqueue((_, _) => Task.FromResult(Response(status, body, contentType, headers)));

    public StubHandler EnqueueJson(string json, params (string Name, string Value)[] headers)
        => Enqueue(HttpStatusCode.OK, json, "application/json", headers);

    /// <summary>The next request fails as a transport error would (connection refused, reset).</summary>
    public StubHandler EnqueueException(Exception exception)
        => Enqueue((_, _) => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>The next request never gets an answer; it ends only when its token is cancelled.</summary>
    public StubHandler EnqueueHang() => Enqueue((_, token) => HangAsync(token));

    /// <summary>
    /// Waits for the token, as a server that never answers would. So that a client which forgets to
    /// cancel fails the test instead of hanging the run, it gives up after <see cref="HangLimit"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> HangAsync(CancellationToken token)
    {
        await Task.Delay(HangLimit, token);
        throw new InvalidOperationException($"StubHandler: the client left a hung request running for {HangLimit.TotalSeconds} s without cancelling it.");
    }

    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    /// <summary>Answers every request the queue does not cover.</summary>
    public StubHandler RespondWith(Func<RecordedRequest, HttpResponseMessage> responder)
    {
        _fallback = (message, _) => Task.FromResult(responder(RecordedRequest.Latest(this, message)));
        return this;
    }

    public StubHandler RespondWith(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _fallback = responder;
        return this;
    }

    public static HttpResponseMessage Response(HttpStatusCode status, string? body = null, string? contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8);
            response.Content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        }

        foreach ((string name, string value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content ??= new ByteArrayContent(Array.Empty<byte>());
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    internal RecordedRequest? FindRecord(HttpRequestMessage message)
    {
        lock (_requests)
        {
            return _requests.LastOrDefault(r => ReferenceEquals(r.Message, message));
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var record = new RecordedRequest(request, body);
        lock (_requests)
        {
            _requests.Add(record);
        }

        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder =
            _queue.TryDequeue(out var queued) ? queued
            : _fallback ?? throw new InvalidOperationException(
                $"StubHandler: no response queued for request #{Requests.Count}: {request.Method} {request.RequestUri}");
        HttpResponseMessage response = await responder(request, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}

/// <summary>A copy of what the client sent, taken before the client disposed the message.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(HttpRequestMessage message, string? body)
    {
        Message = message;
        Method = message.Method;
        Uri = message.RequestUri ?? throw new InvalidOperationException("A request without a URI.");
        Body = body;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        if (message.Content is not null)
        {
            foreach (var header in message.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        Headers = headers;
        QueryParameters = ParseQuery(Uri.Query);
    }

    internal HttpRequestMessage Message { get; }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string? Body { get; }

    /// <summary>The query, each name and value unescaped; a name given twice keeps both values.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>The single value of a query parameter, or null when absent.</summary>
    public string? Query(string name)
    {
        string[] values = QueryParameters.Where(p => p.Key == name).Select(p => p.Value).ToArray();
        return values.Length switch
        {
            0 => null,
            1 => values[0],
            _ => throw new InvalidOperationException($"Query parameter '{name}' was sent {values.Length} times: {Uri.Query}"),
        };
    }

    public override string ToString() => $"{Method} {Uri}";

    internal static RecordedRequest Latest(StubHandler handler, HttpRequestMessage message)
        => handler.FindRecord(message) ?? throw new InvalidOperationException("The request was not recorded.");

    private static List<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? part : part.Substring(0, equals);
            string value = equals < 0 ? string.Empty : part.Substring(equals + 1);
            pairs.Add(new KeyValuePair<string, string>(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        return pairs;
    }
}
