using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using MergePS.Client;
using MergePS.Json;
using MergePS.Platform;

namespace MergePS.Commands;

/// <summary>Get-MergeSyncStatus: the sync state of each Common Model of the linked account, paged.</summary>
[Cmdlet(VerbsCommon.Get, "MergeSyncStatus", SupportsPaging = true)]
[OutputType(typeof(SyncStatus))]
public sealed class GetMergeSyncStatusCommand : MergePlatformListCmdletBase
{
    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        if (ResolveCategory(token) is { } category)
        {
            WritePages(MergePlatform.PathFor(category, "sync-status"), new QueryString(), PlatformJsonContext.Default.PageSyncStatus, token, PageSize, Cursor);
        }
    }
}

/// <summary>Start-MergeSync: forces a resync of every model of the linked account (consumes a sync credit).</summary>
[Cmdlet(VerbsLifecycle.Start, "MergeSync", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SyncStatus))]
public sealed class StartMergeSyncCommand : MergePlatformCmdletBase
{
    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        string target = AccountTarget();
        if (!ShouldProcess(target, "Force a resync of all models (uses a sync credit)"))
        {
            return;
        }

        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        var request = new MergeRequest(HttpMethod.Post, MergePlatform.PathFor(category, "sync-status/resync")) { AccountToken = token };
        if (Send(request, PlatformJsonContext.Default.ListSyncStatus, target) is { } statuses)
        {
            foreach (SyncStatus status in statuses)
            {
                WriteObject(status);
            }
        }
    }
}

/// <summary>Get-MergeIssue: the organization's integration issues (org level), every filter Merge takes; -Id retrieves.</summary>
[Cmdlet(VerbsCommon.Get, "MergeIssue", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Issue))]
public sealed class GetMergeIssueCommand : MergePlatformListCmdletBase
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    /// <summary>Retrieves these issues by id.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = null!;

    /// <summary>ONGOING or RESOLVED.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("ONGOING", "RESOLVED", IgnoreCase = true)]
    public string? Status { get; set; }

    /// <summary>Only issues of this linked account (its Merge id).</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? LinkedAccountId { get; set; }

    /// <summary>Only issues of this integration.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? IntegrationName { get; set; }

    /// <summary>Only issues of this end user organization.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? EndUserOrganizationName { get; set; }

    /// <summary>Only issues whose most recent action came after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? StartDate { get; set; }

    /// <summary>Only issues whose most recent action came before this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? EndDate { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime? FirstIncidentTimeAfter { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime? FirstIncidentTimeBefore { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime? LastIncidentTimeAfter { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime? LastIncidentTimeBefore { get; set; }

    /// <summary>Also lists muted issues.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter IncludeMuted { get; set; }

    /// <summary>Org level: the issues are the organization's. -Account or -AccountToken narrow the list to that linked account.</summary>
    protected override bool AccountScoped => false;

    protected override void ProcessRecord()
    {
        string path = MergePlatform.PathFor(ResolveCategory(null)!, "issues");
        if (ParameterSetName == IdSet)
        {
            foreach (string id in Id)
            {
                var request = new MergeRequest(HttpMethod.Get, path + "/" + Uri.EscapeDataString(id.Trim()));
                if (Send(request, PlatformJsonContext.Default.Issue, id) is { } issue)
                {
                    WriteObject(issue);
                }
            }

            return;
        }

        // Merge also filters by account_token; the token is kept out of the URL (and logs) by filtering on the
        // account's id instead, which account-details gives once per session account.
        string? linkedAccountId = LinkedAccountId;
        if (linkedAccountId is null && (Account is not null || AccountToken is not null))
        {
            linkedAccountId = LinkedAccountIdOfAccount();
            if (linkedAccountId is null)
            {
                return;
            }
        }

        var query = new QueryString()
            .Add("status", Status?.ToUpperInvariant())
            .Add("linked_account_id", linkedAccountId)
            .Add("integration_name", IntegrationName)
            .Add("end_user_organization_name", EndUserOrganizationName)
            .Add("start_date", StartDate)
            .Add("end_date", EndDate)
            .Add("first_incident_time_after", FirstIncidentTimeAfter)
            .Add("first_incident_time_before", FirstIncidentTimeBefore)
            .Add("last_incident_time_after", LastIncidentTimeAfter)
            .Add("last_incident_time_before", LastIncidentTimeBefore)
            .Add("include_muted", IncludeMuted.IsPresent);
        WritePages(path, query, PlatformJsonContext.Default.PageIssue, null, PageSize, Cursor);
    }

    private string? LinkedAccountIdOfAccount()
    {
        // The base resolves tokens only for account-scoped cmdlets; this one is org level.
        MergeAccount? account = SessionAccount();
        SecureString? token = AccountToken ?? account?.AccountToken;
        if (token is null)
        {
            WriteError(ArgumentError(
                MergeErrorIds.InvalidArgument,
                "-Account must name one account of the session.",
                "Name one account; Get-MergeContext lists them.",
                Account));
            return null;
        }

        if (account?.LinkedAccountId is { } known)
        {
            return known;
        }

        try
        {
            (string category, AccountDetails details) = Run(ct => MergePlatform.DiscoverAsync(ResolvedSession.Client, token, Log, ct, account?.Category));
            Remember(account, category, details.Id);
            return details.Id;
        }
        catch (MergeException ex)
        {
            ReportError(ex, account?.Name);
            return null;
        }
    }
}

/// <summary>Get-MergeAuditTrail: the organization's audit log (org level), paged.</summary>
[Cmdlet(VerbsCommon.Get, "MergeAuditTrail", SupportsPaging = true)]
[OutputType(typeof(AuditLogEvent))]
public sealed class GetMergeAuditTrailCommand : MergePlatformListCmdletBase
{
    /// <summary>Only events after this time.</summary>
    [Parameter]
    public DateTime? StartDate { get; set; }

    /// <summary>Only events before this time.</summary>
    [Parameter]
    public DateTime? EndDate { get; set; }

    /// <summary>Only events of this type (e.g. CREATED_REMOTE_PRODUCTION_API_KEY, DELETED_LINKED_ACCOUNT).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AuditEventTypeCompleter))]
    public string? EventType { get; set; }

    /// <summary>Only events of the user with this email address (as it was at the time).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? UserEmail { get; set; }

    protected override bool AccountScoped => false;

    protected override void ProcessRecord()
    {
        var query = new QueryString()
            .Add("start_date", StartDate)
            .Add("end_date", EndDate)
            .Add("event_type", EventType?.ToUpperInvariant())
            .Add("user_email", UserEmail);
        WritePages(MergePlatform.PathFor(ResolveCategory(null)!, "audit-trail"), query, PlatformJsonContext.Default.PageAuditLogEvent, null, PageSize, Cursor);
    }
}

/// <summary>Get-MergeAvailableAction: what the linked account's integration supports: models, operations, fields, passthrough.</summary>
[Cmdlet(VerbsCommon.Get, "MergeAvailableAction")]
[OutputType(typeof(AvailableActions))]
public sealed class GetMergeAvailableActionCommand : MergePlatformCmdletBase
{
    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        var request = new MergeRequest(HttpMethod.Get, MergePlatform.PathFor(category, "available-actions")) { AccountToken = token };
        if (Send(request, PlatformJsonContext.Default.AvailableActions, AccountTarget()) is { } actions)
        {
            WriteObject(actions);
        }
    }
}

/// <summary>Completes -EventType with the audit event types the catalogue lists.</summary>
public sealed class AuditEventTypeCompleter : System.Management.Automation.IArgumentCompleter
{
    public IEnumerable<System.Management.Automation.CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, System.Management.Automation.Language.CommandAst commandAst, System.Collections.IDictionary fakeBoundParameters)
    {
        string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        foreach (string type in PlatformTable.EnumValues.TryGetValue("AuditLogEvent.event_type", out string[]? types) ? types : Array.Empty<string>())
        {
            if (type.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return new System.Management.Automation.CompletionResult(type, type, System.Management.Automation.CompletionResultType.ParameterValue, type);
            }
        }
    }
}
