using System;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MergePS.Json;
using MergePS.Models;
using MergePS.Platform;

namespace MergePS.Client;

/// <summary>
/// Webhooks Merge sends to your endpoint: the signature check and the typed reading of the envelope
/// <c>{hook, linked_account, data}</c>. The signature (header <c>X-Merge-Webhook-Signature</c>) is the
/// base64url HMAC-SHA256 of the exact raw body, keyed with the organization's webhook signature key.
/// </summary>
public static class MergeWebhook
{
    public const string SignatureHeader = "X-Merge-Webhook-Signature";

    /// <summary>The signature of a body, base64url with its <c>=</c> padding (as Merge sends it).</summary>
    public static string ComputeSignature(byte[] key, byte[] body)
    {
        using var hmac = new HMACSHA256(key);
        return Convert.ToBase64String(hmac.ComputeHash(body)).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The signature with a SecureString key; the key is text only inside this call.</summary>
    public static string ComputeSignature(SecureString key, byte[] body)
    {
        byte[] keyBytes = Encoding.UTF8.GetBytes(Secret.Reveal(key));
        try
        {
            return ComputeSignature(keyBytes, body);
        }
        finally
        {
            Array.Clear(keyBytes, 0, keyBytes.Length);
        }
    }

    /// <summary>
    /// True when <paramref name="signature"/> is the body's signature. Trailing <c>=</c> is ignored on both
    /// sides (signatures arrive with and without padding); standard base64 (<c>+</c>, <c>/</c>) is read as
    /// base64url. The comparison takes the same time wherever the first difference is.
    /// </summary>
    public static bool Verify(SecureString key, byte[] body, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        string expected = ComputeSignature(key, body).TrimEnd('=');
        string actual = signature!.Trim().TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
    }

    /// <summary>Constant-time equality: every byte is compared whatever the earlier ones were.</summary>
    public static bool FixedTimeEquals(byte[] a, byte[] b)
    {
        int difference = a.Length ^ b.Length;
        int length = Math.Max(a.Length, b.Length);
        for (int i = 0; i < length; i++)
        {
            byte x = i < a.Length ? a[i] : (byte)0;
            byte y = i < b.Length ? b[i] : (byte)0;
            difference |= x ^ y;
        }

        return difference == 0;
    }

    /// <summary>Reads a webhook body into a <see cref="MergeWebhookEvent"/>; <c>data</c> becomes the typed model
    /// of the linked account's category when the event names one (<c>Employee.changed</c> → <c>MergePS.Hris.Employee</c>).</summary>
    public static MergeWebhookEvent Parse(string body)
    {
        using JsonDocument document = JsonDocument.Parse(body);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A Merge webhook body is a JSON object.");
        }

        var result = new MergeWebhookEvent();
        if (root.TryGetProperty("hook", out JsonElement hook) && hook.ValueKind == JsonValueKind.Object)
        {
            result.Hook = new MergeWebhookHook
            {
                Id = Text(hook, "id"),
                Event = Text(hook, "event"),
                Target = Text(hook, "target"),
            };
        }

        if (root.TryGetProperty("linked_account", out JsonElement account) && account.ValueKind == JsonValueKind.Object)
        {
            result.LinkedAccount = account.Deserialize(PlatformJsonContext.Default.AccountDetails);
        }

        string? eventName = result.Hook?.Event;
        int dot = eventName?.LastIndexOf('.') ?? -1;
        result.Event = eventName;
        result.ModelName = dot > 0 ? eventName!.Substring(0, dot) : eventName;
        result.Action = dot > 0 ? eventName!.Substring(dot + 1) : null;
        result.Category = result.LinkedAccount?.Category?.ToLowerInvariant();

        if (root.TryGetProperty("data", out JsonElement data))
        {
            JsonTypeInfo? type = DataType(result.ModelName, result.Action, result.Category);
            result.DataType = type?.Type;
            result.Data = type is not null && data.ValueKind == JsonValueKind.Object
                ? data.Deserialize(type)
                : data.Clone();
        }

        return result;
    }

    /// <summary>
    /// The model a webhook's <c>data</c> holds: a Common Model of the account's category for
    /// <c>{Model}.added|changed|removed</c> (names with a category prefix, e.g. <c>CRMAccount</c>,
    /// <c>TicketingAccount</c>, <c>FileStorageFile</c>, are also tried without it), an Issue for
    /// <c>Issue.*</c>; null (raw JSON) for account, sync and async notifications.
    /// </summary>
    public static JsonTypeInfo? DataType(string? modelName, string? action, string? category)
    {
        if (modelName is null)
        {
            return null;
        }

        if (string.Equals(modelName, "Issue", StringComparison.OrdinalIgnoreCase))
        {
            return PlatformJsonContext.Default.Issue;
        }

        if (action is null || category is null || !MergePlatform.Categories.TryGetValue(category, out string? pascal)
            || !(action.Equals("added", StringComparison.OrdinalIgnoreCase) || action.Equals("changed", StringComparison.OrdinalIgnoreCase)
                || action.Equals("removed", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        foreach (string candidate in Candidates(modelName, pascal))
        {
            Type? type = typeof(MergeModel).Assembly.GetType("MergePS." + pascal + "." + candidate, throwOnError: false, ignoreCase: true);
            if (type is not null && typeof(MergeModel).IsAssignableFrom(type)
                && MergeJson.Options.TypeInfoResolver?.GetTypeInfo(type, MergeJson.Options) is JsonTypeInfo info)
            {
                return info;
            }
        }

        return null;
    }

    private static string[] Candidates(string modelName, string pascal)
    {
        string withoutCategory = modelName.StartsWith(pascal, StringComparison.OrdinalIgnoreCase) && modelName.Length > pascal.Length
            ? modelName.Substring(pascal.Length)
            : modelName;
        return new[] { modelName, withoutCategory };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A webhook Merge sent, read: which hook fired, for which linked account, and the data.</summary>
public sealed class MergeWebhookEvent
{
    /// <summary>The hook's event name, e.g. <c>Employee.changed</c>, <c>LinkedAccount.sync_completed</c>.</summary>
    public string? Event { get; set; }

    /// <summary>The part before the last dot: <c>Employee</c>, <c>LinkedAccount</c>, <c>Issue</c>.</summary>
    public string? ModelName { get; set; }

    /// <summary>The part after the last dot: <c>added</c>, <c>changed</c>, <c>removed</c>, <c>synced</c>, ...</summary>
    public string? Action { get; set; }

    /// <summary>The linked account's category, lower case.</summary>
    public string? Category { get; set; }

    public MergeWebhookHook? Hook { get; set; }

    public AccountDetails? LinkedAccount { get; set; }

    /// <summary>The typed model when the event names one of the category's models; otherwise the raw JSON
    /// (a JsonElement, which the cmdlet turns into objects).</summary>
    public object? Data { get; set; }

    /// <summary>The .NET type of <see cref="Data"/> when it was typed.</summary>
    public Type? DataType { get; set; }

    public override string ToString() => Event ?? "(no event)";
}

/// <summary>The <c>hook</c> of a webhook envelope.</summary>
public sealed class MergeWebhookHook
{
    public string? Id { get; set; }

    public string? Event { get; set; }

    /// <summary>The URL Merge delivered to.</summary>
    public string? Target { get; set; }

    public override string ToString() => Event ?? Id ?? string.Empty;
}
