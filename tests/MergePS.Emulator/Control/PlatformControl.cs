using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MergePS.Emulator.Accounts;
using MergePS.Emulator.Api;
using MergePS.Emulator.Data;
using MergePS.Emulator.Serialization;
using Microsoft.AspNetCore.Http;

namespace MergePS.Emulator.Control;

/// <summary>
/// Control endpoints for what happens outside the API: an end user finishing Merge Link
/// (<c>POST /_emulator/link</c>) and Merge sending a signed webhook (<c>POST /_emulator/webhooks</c>).
/// </summary>
public sealed class PlatformControl
{
    /// <summary>The signature key used when a webhook request names none.</summary>
    public const string DefaultWebhookKey = "test-webhook-signature-key";

    private static readonly HttpClient s_http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    private readonly AccountRegistry _accounts;
    private readonly DataStore _store;

    public PlatformControl(AccountRegistry accounts, DataStore store)
    {
        _accounts = accounts;
        _store = store;
    }

    /// <summary>
    /// <c>{"link_token", "category"?, "integration"?}</c> → the end user completed Link: a new linked account of
    /// the link token's (first emulated) category, and <c>{"public_token", "linked_account_id", "category"}</c>.
    /// </summary>
    public async Task Link(HttpContext http)
    {
        JsonObject? body = await ReadObject(http);
        string? linkToken = body?["link_token"]?.GetValue<string>();
        JsonObject? details;
        lock (_accounts.Platform.Lock)
        {
            details = linkToken is not null && _accounts.Platform.LinkTokens.Remove(linkToken, out JsonObject? found) ? found : null;
        }

        if (details is null)
        {
            await JsonResponse.Detail(http, 404, "Unknown or used link token.");
            return;
        }

        var offered = (details["categories"] as JsonArray ?? new JsonArray()).Select(c => c?.ToString() ?? string.Empty).ToList();
        string? category = body!["category"]?.GetValue<string>() ?? offered.FirstOrDefault(c => _store.Categories.ContainsKey(c));
        if (category is null || !_store.Categories.ContainsKey(category) || !offered.Contains(category))
        {
            await JsonResponse.Detail(http, 400, "The link token offers no category the emulator serves.");
            return;
        }

        LinkedAccount account = _accounts.Link(
            category,
            body["integration"]?.GetValue<string>() ?? details["integration"]?.GetValue<string>(),
            details["end_user_organization_name"]!.GetValue<string>(),
            details["end_user_email_address"]!.GetValue<string>(),
            details["end_user_origin_id"]!.GetValue<string>());
        string publicToken = "public-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        lock (_accounts.Platform.Lock)
        {
            _accounts.Platform.PublicTokens[publicToken] = account;
        }

        await JsonResponse.Write(http, 200, w => new JsonObject
        {
            ["public_token"] = publicToken,
            ["linked_account_id"] = account.Id,
            ["category"] = account.Category,
            ["integration"] = account.IntegrationSlug,
        }.WriteTo(w));
    }

    /// <summary>
    /// <c>{"url", "event", "account_token", "key"?, "id"?, "data"?}</c> → Merge's webhook delivery: the envelope
    /// <c>{hook, linked_account, data}</c> POSTed to <c>url</c> (loopback only) with X-Merge-Webhook-Signature, the
    /// padded base64url HMAC-SHA256 of the exact bytes sent; one attempt and up to two retries on 5xx, connection
    /// errors and timeouts (10 s). Answers <c>{"delivered", "attempts", "status", "signature", "body"}</c>.
    /// </summary>
    public async Task SendWebhook(HttpContext http)
    {
        JsonObject? request = await ReadObject(http);
        string? url = request?["url"]?.GetValue<string>();
        string? eventName = request?["event"]?.GetValue<string>();
        LinkedAccount? account = request?["account_token"]?.GetValue<string>() is { } token ? _accounts.Find(token) : null;
        if (url is null || eventName is null || account is null)
        {
            await JsonResponse.Detail(http, 400, "Pass url, event and the account_token of an existing account.");
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? target) || target.Scheme != Uri.UriSchemeHttp
            || !(target.IsLoopback || (IPAddress.TryParse(target.Host.Trim('[', ']'), out IPAddress? ip) && IPAddress.IsLoopback(ip))))
        {
            await JsonResponse.Detail(http, 400, "Webhooks are only sent to http:// loopback addresses.");
            return;
        }

        JsonNode? data = request!["data"]?.DeepClone() ?? Data(eventName, account, request["id"]?.GetValue<string>());
        if (data is null)
        {
            await JsonResponse.Detail(http, 404, "No record for that event in the account's data.");
            return;
        }

        var envelope = new JsonObject
        {
            ["hook"] = new JsonObject
            {
                ["id"] = request["hook_id"]?.GetValue<string>() ?? "5c3c5c8b-1f0e-4bd8-9d7a-6ab0d1c7e0f1",
                ["event"] = eventName,
                ["target"] = url,
            },
            ["linked_account"] = LinkedAccountJson(account),
            ["data"] = data,
        };
        byte[] body = Encoding.UTF8.GetBytes(envelope.ToJsonString());
        string key = request["key"]?.GetValue<string>() ?? DefaultWebhookKey;
        string signature;
        using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key)))
        {
            signature = Convert.ToBase64String(hmac.ComputeHash(body)).Replace('+', '-').Replace('/', '_');
        }

        int attempts = 0;
        int? status = null;
        string? failure = null;
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            attempts = attempt;
            try
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
                message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                message.Headers.TryAddWithoutValidation("X-Merge-Webhook-Signature", signature);
                message.Headers.UserAgent.ParseAdd("Merge-Webhooks/1.0");
                using HttpResponseMessage response = await s_http.SendAsync(message, http.RequestAborted);
                status = (int)response.StatusCode;
                failure = null;
                if (status < 500)
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                failure = ex.Message;
                status = null;
            }

            if (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), http.RequestAborted);
            }
        }

        await JsonResponse.Write(http, 200, w => new JsonObject
        {
            ["delivered"] = status is >= 200 and < 300,
            ["attempts"] = attempts,
            ["status"] = status,
            ["error"] = failure,
            ["signature"] = signature,
            ["body"] = Encoding.UTF8.GetString(body),
        }.WriteTo(w));
    }

    /// <summary>The <c>data</c> of an event: the record (as a retrieve returns it) for <c>{Model}.added|changed|removed</c>,
    /// the account for <c>LinkedAccount.*</c>, an issue for <c>Issue.*</c>, a sync summary for <c>*.synced</c> and sync events.</summary>
    private JsonNode? Data(string eventName, LinkedAccount account, string? id)
    {
        int dot = eventName.LastIndexOf('.');
        string model = dot > 0 ? eventName.Substring(0, dot) : eventName;
        string action = dot > 0 ? eventName.Substring(dot + 1) : string.Empty;
        CategoryRuntime category = _store.Categories[account.Category];
        if (model == "LinkedAccount")
        {
            if (action is "sync_completed" or "synced" or "fully_synced_initial")
            {
                return SyncSummary(category, account);
            }

            JsonObject details = LinkedAccountJson(account);
            if (action == "linked")
            {
                details["account_token"] = account.Token;
                details["is_relink"] = false;
            }

            return details;
        }

        if (model == "Issue")
        {
            IssueRecord? issue;
            lock (_accounts.Platform.Lock)
            {
                issue = _accounts.Platform.Issues.FirstOrDefault(i => i.Account.Id == account.Id && (id is null || i.Id == id));
            }

            return issue is null ? null : new JsonObject
            {
                ["id"] = issue.Id,
                ["status"] = issue.Status,
                ["error_description"] = issue.ErrorDescription,
                ["end_user"] = new JsonObject { ["end_user_organization_name"] = account.EndUserOrganizationName, ["linked_account_id"] = account.Id },
                ["first_incident_time"] = issue.FirstIncident.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["last_incident_time"] = issue.LastIncident.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["is_muted"] = issue.IsMuted,
                ["error_details"] = new JsonArray(issue.Details.Select(d => (JsonNode?)d).ToArray()),
            };
        }

        string? modelName = new[] { model, model.Length > category.Catalog.Pascal.Length && model.StartsWith(category.Catalog.Pascal, StringComparison.OrdinalIgnoreCase) ? model.Substring(category.Catalog.Pascal.Length) : model }
            .FirstOrDefault(m => category.Schema(m) is not null);
        if (modelName is null)
        {
            return new JsonObject();
        }

        if (action == "synced")
        {
            JsonObject summary = SyncSummary(category, account);
            summary["synced_fields"] = new JsonArray(category.Schema(modelName)!.Fields.Select(f => (JsonNode?)f.Name).ToArray());
            return summary;
        }

        AccountData data = _store.For(account);
        ModelSchema schema = category.Schema(modelName)!;
        Table? table = data.Table(modelName);
        Row? row = id is not null ? table?.Find(id) : table?.Current.Rows.FirstOrDefault(r => !r.Shell);
        if (row is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            RowWriter.Write(writer, schema, row, new WriteOptions(data) { RemotePath = "/" + (category.ResourceFor(modelName)?.Name ?? "records") });
        }

        return JsonNode.Parse(buffer.ToArray());
    }

    private static JsonObject SyncSummary(CategoryRuntime category, LinkedAccount account)
    {
        var status = new JsonObject();
        foreach (string model in category.Catalog.Resources.Select(r => r.Model).Distinct().OrderBy(m => m, StringComparer.Ordinal))
        {
            status[category.Name + "." + model] = new JsonObject
            {
                ["last_sync_finished"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["last_sync_result"] = "DONE",
                ["data_fresh_as_of"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["sync_status_reason"] = null,
            };
        }

        return new JsonObject
        {
            ["is_initial_sync"] = false,
            ["integration_name"] = account.IntegrationName,
            ["integration_id"] = account.IntegrationSlug,
            ["sync_status"] = status,
        };
    }

    /// <summary>The envelope's <c>linked_account</c> (reference §8.2).</summary>
    private static JsonObject LinkedAccountJson(LinkedAccount account) => new()
    {
        ["id"] = account.Id,
        ["integration"] = account.IntegrationName,
        ["integration_slug"] = account.IntegrationSlug,
        ["category"] = account.Category,
        ["end_user_origin_id"] = account.EndUserOriginId,
        ["end_user_organization_name"] = account.EndUserOrganizationName,
        ["end_user_email_address"] = account.EndUserEmailAddress,
        ["status"] = account.Status,
        ["webhook_listener_url"] = "https://api.merge.dev/api/integrations/webhook-listener/" + account.Id.Replace("-", string.Empty, StringComparison.Ordinal),
        ["is_duplicate"] = null,
        ["account_type"] = "PRODUCTION",
    };

    private static async Task<JsonObject?> ReadObject(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        string text = await reader.ReadToEndAsync();
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
