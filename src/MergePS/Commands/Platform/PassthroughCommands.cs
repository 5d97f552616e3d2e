using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using MergePS.Client;
using MergePS.Json;
using MergePS.Platform;

namespace MergePS.Commands;

/// <summary>
/// Invoke-MergePassthrough: sends a request to the linked account's third-party API through Merge, which
/// adds the account's credentials. -Async queues it with Merge and waits for the result (or, with -NoWait,
/// returns the receipt for Receive-MergePassthrough).
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "MergePassthrough", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RemoteResponse), typeof(AsyncPassthroughReciept))]
public sealed class InvokeMergePassthroughCommand : MergePlatformCmdletBase
{
    /// <summary>The third-party request's method: GET, OPTIONS, HEAD, POST, PUT, PATCH or DELETE.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("GET", "OPTIONS", "HEAD", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
    public string Method { get; set; } = null!;

    /// <summary>The path in the third party's API, e.g. /v1/employees.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>The request body: a string is sent as it is; a hashtable or object is sent as JSON.</summary>
    [Parameter(ValueFromPipeline = true)]
    public object? Body { get; set; }

    /// <summary>Headers for the third party (Merge adds the account's authorization itself).</summary>
    [Parameter]
    [ValidateNotNull]
    public IDictionary? Headers { get; set; }

    /// <summary>The body's format: JSON, XML or MULTIPART. JSON when -Body is an object.</summary>
    [Parameter]
    [ValidateSet("JSON", "XML", "MULTIPART", IgnoreCase = true)]
    public string? RequestFormat { get; set; }

    /// <summary>The form fields of a MULTIPART request: hashtables with name, data, and optionally encoding (RAW, BASE64, GZIP_BASE64), file_name, content_type.</summary>
    [Parameter]
    [ValidateNotNull]
    public object[]? MultipartFormData { get; set; }

    /// <summary>Another base URL of the third party's API for this request.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BaseUrlOverride { get; set; }

    /// <summary>Asks Merge to wrap every value of the answer as {type, value}.</summary>
    [Parameter]
    public SwitchParameter NormalizeResponse { get; set; }

    /// <summary>Queues the request with Merge (async-passthrough) and waits for its result.</summary>
    [Parameter]
    public SwitchParameter Async { get; set; }

    /// <summary>With -Async: returns the receipt at once instead of waiting.</summary>
    [Parameter]
    public SwitchParameter NoWait { get; set; }

    /// <summary>With -Async: how long to wait for the result, in seconds (300 by default).</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int TimeoutSec { get; set; } = 300;

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        DataPassthroughRequest? body = BuildBody();
        if (body is null)
        {
            return;
        }

        if (!ShouldProcess(AccountTarget(), $"{body.Method} {Path} on the third party{(Async ? " (async)" : string.Empty)}"))
        {
            return;
        }

        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        string json = JsonSerializer.Serialize(body, PlatformJsonContext.Default.DataPassthroughRequest);
        var request = new MergeRequest(HttpMethod.Post, MergePlatform.PathFor(category, Async ? "async-passthrough" : "passthrough"))
        {
            AccountToken = token,
            Content = JsonContent(json),
        };
        if (!Async)
        {
            if (Send(request, PlatformJsonContext.Default.RemoteResponse, Path) is { } response)
            {
                WriteObject(response);
            }

            return;
        }

        if (Send(request, PlatformJsonContext.Default.AsyncPassthroughReciept, Path) is not { AsyncPassthroughReceiptId: { } receiptId } receipt)
        {
            return;
        }

        WriteVerbose($"Merge queued the request; receipt {receiptId}.");
        if (NoWait)
        {
            WriteObject(receipt);
            return;
        }

        try
        {
            RemoteResponse? result = Run(ct => MergePlatform.WaitForAsyncPassthroughAsync(
                ResolvedSession.Client, category, token!, receiptId, TimeSpan.FromSeconds(TimeoutSec), Log, ct));
            if (result is null)
            {
                WriteError(new ErrorRecord(
                    new TimeoutException($"The async passthrough {receiptId} had no result after {TimeoutSec} s."),
                    MergeErrorIds.Timeout, ErrorCategory.OperationTimeout, receiptId)
                {
                    ErrorDetails = new ErrorDetails($"The async passthrough {receiptId} had no result after {TimeoutSec} s.")
                    {
                        RecommendedAction = $"Fetch it later with Receive-MergePassthrough -ReceiptId {receiptId} -Wait.",
                    },
                });
                return;
            }

            WriteObject(result);
        }
        catch (MergeException ex)
        {
            ReportError(ex, receiptId);
        }
        catch (JsonException ex)
        {
            WriteError(new ErrorRecord(ex, MergeErrorIds.InvalidResponse, ErrorCategory.InvalidResult, receiptId));
        }
    }

    private DataPassthroughRequest? BuildBody()
    {
        var body = new DataPassthroughRequest
        {
            Method = Method.ToUpperInvariant(),
            Path = Path,
            BaseUrlOverride = BaseUrlOverride,
            RequestFormat = RequestFormat?.ToUpperInvariant(),
            NormalizeResponse = NormalizeResponse.IsPresent ? true : null,
        };
        object? payload = Body is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : Body;
        if (payload is string text)
        {
            body.Data = text;
        }
        else if (payload is not null)
        {
            if (ToJson(payload, nameof(Body)) is not { } node)
            {
                return null;
            }

            body.Data = node.ToJsonString();
            body.RequestFormat ??= "JSON";
        }

        if (Headers is not null)
        {
            var headers = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in Headers)
            {
                string value = Convert.ToString(entry.Value is PSObject w ? w.BaseObject : entry.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                using JsonDocument document = JsonDocument.Parse(JsonSerializer.Serialize(value, PlatformJsonContext.Default.String));
                headers[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = document.RootElement.Clone();
            }

            body.Headers = headers;
        }

        if (MultipartFormData is not null)
        {
            var fields = new List<MultipartFormFieldRequest>();
            foreach (object field in MultipartFormData)
            {
                if (ToModel(field, PlatformJsonContext.Default.MultipartFormFieldRequest, nameof(MultipartFormData)) is not { } part)
                {
                    return null;
                }

                fields.Add(part);
            }

            body.MultipartFormData = fields;
            body.RequestFormat ??= "MULTIPART";
        }

        return body;
    }
}

/// <summary>Receive-MergePassthrough: the result of an async passthrough request, by its receipt.</summary>
[Cmdlet(VerbsCommunications.Receive, "MergePassthrough")]
[OutputType(typeof(RemoteResponse))]
public sealed class ReceiveMergePassthroughCommand : MergePlatformCmdletBase
{
    /// <summary>The receipt id Invoke-MergePassthrough -Async -NoWait returned.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("AsyncPassthroughReceiptId")]
    [ValidateNotNullOrEmpty]
    public string ReceiptId { get; set; } = null!;

    /// <summary>Waits until the result is there (up to -TimeoutSec).</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait: how long to wait, in seconds (300 by default).</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int TimeoutSec { get; set; } = 300;

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        try
        {
            if (Wait)
            {
                RemoteResponse? result = Run(ct => MergePlatform.WaitForAsyncPassthroughAsync(
                    ResolvedSession.Client, category, token!, ReceiptId, TimeSpan.FromSeconds(TimeoutSec), Log, ct));
                if (result is null)
                {
                    WriteWarning($"The async passthrough {ReceiptId} had no result after {TimeoutSec} s.");
                    return;
                }

                WriteObject(result);
                return;
            }

            (RemoteResponse? ready, string? pending) = Run(ct => MergePlatform.GetAsyncPassthroughAsync(ResolvedSession.Client, category, token!, ReceiptId, Log, ct));
            if (ready is not null)
            {
                WriteObject(ready);
            }
            else
            {
                WriteWarning($"The async passthrough {ReceiptId} is not finished: {pending}");
            }
        }
        catch (MergeException ex)
        {
            ReportError(ex, ReceiptId);
        }
        catch (JsonException ex)
        {
            WriteError(new ErrorRecord(ex, MergeErrorIds.InvalidResponse, ErrorCategory.InvalidResult, ReceiptId));
        }
    }
}
