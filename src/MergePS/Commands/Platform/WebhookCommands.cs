using System;
using System.Collections;
using System.Management.Automation;
using System.Security;
using System.Text;
using System.Text.Json;
using MergePS.Client;

namespace MergePS.Commands;

/// <summary>Shared input of the webhook cmdlets: the raw body as text or bytes.</summary>
public abstract class MergeWebhookCmdletBase : MergeCmdletBase
{
    /// <summary>The raw request body exactly as received: a string (read as UTF-8) or a byte array, or an object (a
    /// received request) whose Body property holds it.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public object Body { get; set; } = null!;

    /// <summary>The body's bytes; null (after reporting) for a value that is neither text nor bytes.</summary>
    protected byte[]? BodyBytes()
    {
        object value = Body is PSObject wrapped ? wrapped.BaseObject : Body;
        if (value is not (string or byte[] or object[]) && PSObject.AsPSObject(Body).Properties["Body"]?.Value is { } inner)
        {
            value = inner is PSObject innerWrapped ? innerWrapped.BaseObject : inner;
        }

        switch (value)
        {
            case byte[] bytes:
                return bytes;
            case string text:
                return Encoding.UTF8.GetBytes(text);
            case object[] items when Array.TrueForAll(items, i => (i is PSObject p ? p.BaseObject : i) is byte):
                byte[] copy = new byte[items.Length];
                for (int i = 0; i < items.Length; i++)
                {
                    copy[i] = (byte)(items[i] is PSObject p ? p.BaseObject : items[i]);
                }

                return copy;
            default:
                WriteError(ArgumentError(MergeErrorIds.InvalidArgument, $"-Body must be the raw body as a string or bytes, not {value.GetType().Name}.",
                    "Pass the request body exactly as received (e.g. $request.Body, or Get-Content -Raw / -AsByteStream).", value));
                return null;
        }
    }
}

/// <summary>
/// Test-MergeWebhookSignature: whether a webhook body carries a valid X-Merge-Webhook-Signature: the base64url
/// HMAC-SHA256 of the exact raw body with your organization's webhook signature key, compared in constant time.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MergeWebhookSignature")]
[OutputType(typeof(bool))]
public sealed class TestMergeWebhookSignatureCommand : MergeWebhookCmdletBase
{
    /// <summary>The X-Merge-Webhook-Signature header's value (with or without = padding).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Signature { get; set; } = null!;

    /// <summary>The webhook signature key from Merge's dashboard (not the API key): a SecureString, or a string converted at once.</summary>
    [Parameter(Mandatory = true, Position = 2)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString Key { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (BodyBytes() is { } bytes)
        {
            WriteObject(MergeWebhook.Verify(Key, bytes, Signature));
        }
    }
}

/// <summary>
/// ConvertFrom-MergeWebhook: reads a webhook body into a typed event: the hook, the linked account, and the
/// data as the model of the account's category (an Employee.changed webhook's data is a MergePS.Hris.Employee).
/// With -Signature and -Key the signature is checked first.
/// </summary>
[Cmdlet(VerbsData.ConvertFrom, "MergeWebhook")]
[OutputType(typeof(MergeWebhookEvent))]
public sealed class ConvertFromMergeWebhookCommand : MergeWebhookCmdletBase
{
    /// <summary>The X-Merge-Webhook-Signature header's value; with -Key, a body whose signature does not match is rejected.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? Signature { get; set; }

    /// <summary>The webhook signature key, to check -Signature.</summary>
    [Parameter(Position = 2)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString? Key { get; set; }

    /// <summary>The request's headers (a hashtable or dictionary); X-Merge-Webhook-Signature is read from them when -Signature is not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public IDictionary? Headers { get; set; }

    protected override void ProcessRecord()
    {
        if (BodyBytes() is not { } bytes)
        {
            return;
        }

        string? signature = Signature ?? HeaderSignature();
        if (Key is not null)
        {
            if (!MergeWebhook.Verify(Key, bytes, signature))
            {
                var exception = new MergeConfigurationException(
                    MergeErrorIds.InvalidWebhookSignature,
                    signature is null ? "The webhook has no X-Merge-Webhook-Signature to check." : "The webhook's signature does not match its body.",
                    "Reject the request. Check that the key is the webhook signature key and that the body is passed exactly as received.");
                WriteError(ToErrorRecord(exception, signature));
                return;
            }
        }
        else if (signature is not null)
        {
            WriteWarning("The webhook's signature was not checked: pass -Key with the webhook signature key.");
        }

        MergeWebhookEvent parsed;
        try
        {
            parsed = MergeWebhook.Parse(Encoding.UTF8.GetString(bytes));
        }
        catch (JsonException ex)
        {
            WriteError(ArgumentError(MergeErrorIds.InvalidArgument, "The body is not a Merge webhook: " + ex.Message, "Pass the raw JSON body Merge posted.", null));
            return;
        }

        if (parsed.Data is JsonElement raw)
        {
            parsed.Data = JsonToPowerShell.ToValue(raw, asHashtable: false);
        }

        WriteObject(parsed);
    }

    private string? HeaderSignature()
    {
        if (Headers is null)
        {
            return null;
        }

        foreach (DictionaryEntry entry in Headers)
        {
            if (string.Equals(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture), MergeWebhook.SignatureHeader, StringComparison.OrdinalIgnoreCase))
            {
                object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                return value is IEnumerable sequence and not string
                    ? string.Join(",", System.Linq.Enumerable.Cast<object>(sequence))
                    : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
