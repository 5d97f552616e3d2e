using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using MergePS.Json;
using MergePS.Platform;

namespace MergePS.Client;

/// <summary>
/// The cross-category ("platform") operations: the same under every category's prefix
/// (<c>catalog/platform/platform.json</c>). Org-level ones answer the same whichever category is used;
/// account-scoped ones must go to the linked account's own category, which this class can discover.
/// </summary>
public static class MergePlatform
{
    /// <summary>The prefix org-level calls use when no category is given.</summary>
    public const string DefaultCategory = "hris";

    /// <summary>Path category → the PascalCase name of its models' namespace (<c>MergePS.Hris</c>, ...).</summary>
    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["hris"] = "Hris",
        ["ats"] = "Ats",
        ["accounting"] = "Accounting",
        ["ticketing"] = "Ticketing",
        ["crm"] = "Crm",
        ["filestorage"] = "FileStorage",
        ["knowledgebase"] = "KnowledgeBase",
        ["chat"] = "Chat",
        ["calendar"] = "Calendar",
        ["email"] = "Email",
    };

    /// <summary>The ten path categories, HRIS first.</summary>
    public static IReadOnlyList<string> CategoryNames { get; } = Categories.Keys.ToList();

    public static bool IsCategory(string? name) => name is not null && Categories.ContainsKey(name);

    /// <summary><c>{category}/v1/{relative}</c>, the category in lower case.</summary>
    public static string PathFor(string category, string relative) =>
        category.ToLowerInvariant() + "/v1/" + relative.TrimStart('/');

    /// <summary>GET account-details under one category.</summary>
    public static Task<AccountDetails> GetAccountDetailsAsync(
        MergeClient client, string category, SecureString accountToken, IMergeLog log, CancellationToken cancellationToken)
    {
        var request = new MergeRequest(HttpMethod.Get, PathFor(category, "account-details")) { AccountToken = accountToken };
        return client.SendAsync(request, PlatformJsonContext.Default.AccountDetails, log, cancellationToken);
    }

    /// <summary>
    /// Finds the category of the linked account a token belongs to. A token answers only under its own
    /// category's prefix (elsewhere Merge answers 404, as for an endpoint the integration lacks), so
    /// account-details is asked under <paramref name="firstGuess"/> (or HRIS) first, then under the others.
    /// </summary>
    public static async Task<(string Category, AccountDetails Details)> DiscoverAsync(
        MergeClient client, SecureString accountToken, IMergeLog log, CancellationToken cancellationToken, string? firstGuess = null)
    {
        IEnumerable<string> order = new[] { firstGuess ?? DefaultCategory }.Concat(CategoryNames)
            .Where(IsCategory)
            .Select(c => c.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal);
        MergeApiException? last = null;
        foreach (string category in order)
        {
            try
            {
                AccountDetails details = await GetAccountDetailsAsync(client, category, accountToken, log, cancellationToken).ConfigureAwait(false);
                string found = IsCategory(details.Category) ? details.Category!.ToLowerInvariant() : category;
                log.Verbose($"The linked account {details.Id} is in category {found}.");
                return (found, details);
            }
            catch (MergeApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                last = ex;
            }
        }

        throw new MergeApiException(
            MergeErrorIds.NotFound,
            "No category's account-details knows this account token.",
            "Pass -Category with the linked account's category, or check the token with Get-MergeLinkedAccount.",
            HttpStatusCode.NotFound, "GET", "/{category}/v1/account-details", last?.ResponseBody, last?.RequestId);
    }

    /// <summary>Exchanges the public token Merge Link returns for the linked account's permanent token (org level).</summary>
    public static Task<AccountToken> ExchangePublicTokenAsync(
        MergeClient client, string category, string publicToken, IMergeLog log, CancellationToken cancellationToken)
    {
        var request = new MergeRequest(HttpMethod.Get, PathFor(category, "account-token/" + Uri.EscapeDataString(publicToken.Trim())));
        return client.SendAsync(request, PlatformJsonContext.Default.AccountToken, log, cancellationToken);
    }

    /// <summary>
    /// GET async-passthrough/{id}: the third party's answer once it is there, else null and Merge's status
    /// text (Merge answers a JSON string while the request is pending).
    /// </summary>
    public static async Task<(RemoteResponse? Result, string? Pending)> GetAsyncPassthroughAsync(
        MergeClient client, string category, SecureString accountToken, string receiptId, IMergeLog log, CancellationToken cancellationToken)
    {
        var request = new MergeRequest(HttpMethod.Get, PathFor(category, "async-passthrough/" + Uri.EscapeDataString(receiptId.Trim())))
        {
            AccountToken = accountToken,
        };
        MergeRawResponse raw = await client.SendRawAsync(request, log, cancellationToken).ConfigureAwait(false);
        string body = raw.Body.Trim();
        if (body.Length == 0)
        {
            return (null, "No answer yet.");
        }

        using System.Text.Json.JsonDocument document = System.Text.Json.JsonDocument.Parse(body);
        if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            return (System.Text.Json.JsonSerializer.Deserialize(document.RootElement, PlatformJsonContext.Default.RemoteResponse), null);
        }

        return (null, document.RootElement.ValueKind == System.Text.Json.JsonValueKind.String ? document.RootElement.GetString() : body);
    }

    /// <summary>Asks for an async passthrough's result until it is there or <paramref name="timeout"/> has passed
    /// (then null); waits 0.5 s, then twice as long each time, at most 5 s.</summary>
    public static async Task<RemoteResponse?> WaitForAsyncPassthroughAsync(
        MergeClient client, string category, SecureString accountToken, string receiptId, TimeSpan timeout, IMergeLog log, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan wait = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            (RemoteResponse? result, string? pending) = await GetAsyncPassthroughAsync(client, category, accountToken, receiptId, log, cancellationToken).ConfigureAwait(false);
            if (result is not null)
            {
                return result;
            }

            if (clock.Elapsed + wait > timeout)
            {
                return null;
            }

            log.Verbose($"Async passthrough {receiptId}: {pending}; asking again in {wait.TotalSeconds:0.#} s.");
            await client.Delay(wait, cancellationToken).ConfigureAwait(false);
            wait = TimeSpan.FromMilliseconds(Math.Min(5000, wait.TotalMilliseconds * 2));
        }
    }

    /// <summary>
    /// Whether a path (relative to /api, without query) is one of the org-level platform operations,
    /// which must not carry X-Account-Token, for <paramref name="method"/>.
    /// </summary>
    public static bool IsOrgLevel(string method, string path)
    {
        string[] segments = path.Split('?')[0].Trim('/').Split('/');
        foreach ((string opMethod, string template, bool accountScoped) in PlatformTable.Operations)
        {
            if (!accountScoped && string.Equals(opMethod, method, StringComparison.OrdinalIgnoreCase) && Matches(template, segments))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a path is any platform operation (of any method).</summary>
    public static bool IsPlatformPath(string path)
    {
        string[] segments = path.Split('?')[0].Trim('/').Split('/');
        return PlatformTable.Operations.Any(o => Matches(o.Path, segments));
    }

    private static bool Matches(string template, string[] segments)
    {
        string[] parts = template.Trim('/').Split('/');
        if (parts.Length != segments.Length)
        {
            return false;
        }

        for (int i = 0; i < parts.Length; i++)
        {
            bool ok = parts[i] switch
            {
                "{category}" => IsCategory(segments[i]),
                _ when parts[i].StartsWith("{", StringComparison.Ordinal) => segments[i].Length > 0,
                _ => string.Equals(parts[i], segments[i], StringComparison.Ordinal),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
