using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using MergePS.Client;
using MergePS.Models;
using MergePS.Platform;

namespace MergePS.Commands;

/// <summary>
/// Base of the cmdlets over Merge's cross-category ("platform") operations. They are the same under every
/// category's prefix: org-level ones go to -Category or HRIS; account-scoped ones to -Category, else to the
/// linked account's own category, learned once from account-details and kept on the session's account.
/// </summary>
public abstract class MergePlatformCmdletBase : MergeApiCmdletBase
{
    private static readonly TimeSpan s_progressDelay = TimeSpan.FromSeconds(1);

    /// <summary>The category whose prefix the call goes to (hris, ats, accounting, ticketing, crm,
    /// filestorage, knowledgebase, chat, calendar, email). Account-scoped calls default to the linked
    /// account's category, org-level calls to hris.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PlatformCategoryCompleter))]
    public string? Category { get; set; }

    /// <summary>True when -Category is a filter of the operation rather than (only) the path's category.</summary>
    protected virtual bool CategoryIsFilter => false;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (Category is not null && !CategoryIsFilter && !MergePlatform.IsCategory(Category))
        {
            ThrowTerminatingError(ArgumentError(
                MergeErrorIds.InvalidArgument,
                $"'{Category}' is not a Merge category.",
                "Use one of: " + string.Join(", ", MergePlatform.CategoryNames) + ".",
                Category));
        }
    }

    /// <summary>The session account this call acts for: -Account, else the current one; null with -AccountToken.</summary>
    protected MergeAccount? SessionAccount()
    {
        if (AccountToken is not null)
        {
            return null;
        }

        if (Account is { Length: > 0 })
        {
            IReadOnlyList<MergeAccount> named = ResolveAccounts();
            return named.Count == 1 ? named[0] : null;
        }

        return ResolvedSession.CurrentAccount;
    }

    /// <summary>
    /// The category prefix of this call. Null (after reporting the error) when the account's category
    /// could not be learned.
    /// </summary>
    protected string? ResolveCategory(SecureString? token)
    {
        if (Category is not null && MergePlatform.IsCategory(Category))
        {
            return Category.ToLowerInvariant();
        }

        if (!AccountScoped || token is null)
        {
            return MergePlatform.DefaultCategory;
        }

        MergeAccount? account = SessionAccount();
        if (account?.Category is { } known && MergePlatform.IsCategory(known))
        {
            return known.ToLowerInvariant();
        }

        try
        {
            (string category, AccountDetails details) = Run(ct => MergePlatform.DiscoverAsync(ResolvedSession.Client, token, Log, ct));
            Remember(account, category, details.Id);
            return category;
        }
        catch (MergeException ex)
        {
            ReportError(ex, account?.Name);
            return null;
        }
    }

    /// <summary>Keeps what Merge said about a session account on it, so later calls skip the lookup.</summary>
    protected static void Remember(MergeAccount? account, string? category, string? linkedAccountId)
    {
        if (account is null)
        {
            return;
        }

        if (MergePlatform.IsCategory(category))
        {
            account.Category = category!.ToLowerInvariant();
        }

        if (!string.IsNullOrEmpty(linkedAccountId))
        {
            account.LinkedAccountId = linkedAccountId;
        }
    }

    /// <summary>What ShouldProcess names: the account's name, or the token's hint.</summary>
    protected string AccountTarget()
    {
        if (AccountToken is not null)
        {
            return "linked account " + Secret.Hint(AccountToken);
        }

        MergeAccount? account = SessionAccount();
        return account is null ? "the organization" : $"linked account '{account.Name}' ({account.TokenHint})";
    }

    /// <summary>
    /// ShouldProcess, except that -Force skips the confirmation prompt. -WhatIf still wins over -Force:
    /// nothing is sent.
    /// </summary>
    protected bool ShouldProcessUnlessForced(bool force, string target, string action)
    {
        if (force && !WhatIfRequested())
        {
            return true;
        }

        return ShouldProcess(target, action);
    }

    private bool WhatIfRequested()
    {
        if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? bound))
        {
            return bound is SwitchParameter { IsPresent: true } || bound is true;
        }

        object? preference = GetVariableValue("WhatIfPreference");
        return LanguagePrimitives.IsTrue(preference);
    }

    protected static Func<HttpContent> JsonContent(string json) =>
        () => new StringContent(json, Encoding.UTF8, "application/json");

    /// <summary>Sends one request and returns its typed body; null after reporting a failure.</summary>
    protected T? Send<T>(MergeRequest request, JsonTypeInfo<T> type, object? target)
        where T : class
    {
        try
        {
            return Run(ct => ResolvedSession.Client.SendAsync(request, type, Log, ct));
        }
        catch (MergeException ex)
        {
            ReportError(ex, target);
            return null;
        }
        catch (JsonException ex)
        {
            ReportError(new MergeApiException(
                MergeErrorIds.InvalidResponse, $"{request.Method} {request.Display} returned JSON of another shape: {ex.Message}",
                "Retry; if it persists, report it.", null, request.Method.Method, request.Display, null, null, inner: ex), target);
            return null;
        }
    }

    /// <summary>Sends one request whose answer is read as text (empty bodies allowed); null after reporting a failure.</summary>
    protected MergeRawResponse? SendRaw(MergeRequest request, object? target)
    {
        try
        {
            return Run(ct => ResolvedSession.Client.SendRawAsync(request, Log, ct));
        }
        catch (MergeException ex)
        {
            ReportError(ex, target);
            return null;
        }
    }

    /// <summary>
    /// Streams a cursor-paged listing item by item as each page arrives, honouring -First/-Skip
    /// (SupportsPaging), <paramref name="pageSize"/> and <paramref name="cursor"/>.
    /// </summary>
    protected void WritePages<T>(string path, QueryString query, JsonTypeInfo<Page<T>> type, SecureString? token, int? pageSize, string? cursor)
    {
        ulong skip = PagingParameters?.Skip ?? 0;
        ulong first = PagingParameters?.First ?? ulong.MaxValue;
        if (first == 0)
        {
            return;
        }

        ulong wanted = first > ulong.MaxValue - skip ? ulong.MaxValue : first + skip;
        query.Add("page_size", pageSize ?? (int)Math.Min(100UL, Math.Max(1UL, wanted)));
        query.Add("cursor", cursor);
        CursorPager<T> pager = ResolvedSession.Client.Page(new MergeRequest(HttpMethod.Get, path, query) { AccountToken = token }, type, Log);
        ulong written = 0;
        var clock = Stopwatch.StartNew();
        var progress = new ProgressRecord(Math.Abs(path.GetHashCode()) % 100000, "Merge " + path, "Reading pages");
        bool progressShown = false;
        try
        {
            while (true)
            {
                Page<T>? page = Run(ct => pager.NextAsync(ct));
                if (page is null)
                {
                    break;
                }

                foreach (T item in page.Results)
                {
                    if (skip > 0)
                    {
                        skip--;
                        continue;
                    }

                    WriteObject(item);
                    if (++written >= first)
                    {
                        return;
                    }
                }

                if (pager.IsDone)
                {
                    break;
                }

                if (clock.Elapsed > s_progressDelay)
                {
                    progressShown = true;
                    progress.StatusDescription = string.Format(CultureInfo.CurrentCulture, "{0:N0} records in {1:N0} pages", written, pager.PagesFetched);
                    WriteProgress(progress);
                }
            }
        }
        catch (MergeException ex)
        {
            ReportError(ex, path);
        }
        finally
        {
            if (progressShown && !Stopping)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        if (PagingParameters?.IncludeTotalCount == true)
        {
            WriteObject(PagingParameters.NewTotalCount(written, 0.0));
        }
    }

    /// <summary>Writes each value of a map keyed by Common Model name, with a CommonModel note property.</summary>
    protected void WriteByModel<T>(IDictionary<string, IReadOnlyList<T>>? map, IReadOnlyCollection<string>? only)
    {
        if (map is null)
        {
            return;
        }

        foreach (KeyValuePair<string, IReadOnlyList<T>> entry in map.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (only is { Count: > 0 } && !only.Contains(entry.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (T item in entry.Value ?? Array.Empty<T>())
            {
                PSObject wrapped = PSObject.AsPSObject(item!);
                wrapped.Properties.Add(new PSNoteProperty("CommonModel", entry.Key));
                WriteObject(wrapped);
            }
        }
    }

    /// <summary>Merge's warnings on a write become warning records, its errors error records, its logs verbose lines.</summary>
    protected void ReportProblems(IReadOnlyList<WarningValidationProblem>? warnings, IReadOnlyList<ErrorValidationProblem>? errors, IReadOnlyList<DebugModeLog>? logs, object? target)
    {
        foreach (WarningValidationProblem warning in warnings ?? Array.Empty<WarningValidationProblem>())
        {
            WriteWarning($"{warning.ProblemType}: {warning.Detail ?? warning.Title}");
        }

        foreach (DebugModeLog log in logs ?? Array.Empty<DebugModeLog>())
        {
            WriteVerbose($"Merge log: {log.LogId} {log.DashboardView}");
        }

        foreach (ErrorValidationProblem error in errors ?? Array.Empty<ErrorValidationProblem>())
        {
            string message = $"{error.ProblemType}: {error.Detail ?? error.Title}";
            var exception = new MergeConfigurationException(MergeErrorIds.WriteProblem, message, "Fix the value Merge names and retry.");
            WriteError(new ErrorRecord(exception, MergeErrorIds.WriteProblem + "." + (error.ProblemType ?? "ERROR"), ErrorCategory.InvalidData, target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = exception.RecommendedAction },
            });
        }
    }

    /// <summary>A hashtable, object or JSON string as a JSON node; null after reporting a bad value.</summary>
    protected JsonNode? ToJson(object? value, string parameter)
    {
        try
        {
            object? unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
            return unwrapped is string text ? JsonNode.Parse(text) : PSJson.ToNode(value);
        }
        catch (JsonException ex)
        {
            WriteError(ArgumentError(MergeErrorIds.InvalidArgument, $"-{parameter} is not valid JSON: {ex.Message}", "Pass a hashtable, an object or a JSON string.", value));
        }
        catch (MergeException ex)
        {
            WriteError(ToErrorRecord(ex, value));
        }

        return null;
    }

    /// <summary>Converts a value through JSON into one of the generated request models.</summary>
    protected T? ToModel<T>(object value, JsonTypeInfo<T> type, string parameter)
        where T : class
    {
        if (value is PSObject { BaseObject: T already })
        {
            return already;
        }

        if (value is T direct)
        {
            return direct;
        }

        JsonNode? node = ToJson(value, parameter);
        if (node is null)
        {
            return null;
        }

        try
        {
            return node.Deserialize(type);
        }
        catch (JsonException ex)
        {
            WriteError(ArgumentError(MergeErrorIds.InvalidArgument, $"-{parameter} does not have the expected shape: {ex.Message}", "See the cmdlet's help for the fields.", value));
            return null;
        }
    }
}

/// <summary>Base of platform cmdlets that list pages: -PageSize and -Cursor.</summary>
public abstract class MergePlatformListCmdletBase : MergePlatformCmdletBase
{
    /// <summary>Records per page (1-100).</summary>
    [Parameter]
    [ValidateRange(1, 100)]
    public int? PageSize { get; set; }

    /// <summary>Starts the listing at this cursor (from an earlier failure's recommended action).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Cursor { get; set; }
}

/// <summary>Completes -Category with the ten Merge categories.</summary>
public sealed class PlatformCategoryCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return MergePlatform.CategoryNames
            .Where(c => c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(c => new CompletionResult(c, c, CompletionResultType.ParameterValue, c));
    }
}
