using System;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Text.Json.Nodes;
using MergePS.Client;
using MergePS.Json;
using MergePS.Platform;

namespace MergePS.Commands;

/// <summary>Get-MergeLinkedAccount: the organization's linked accounts, every filter Merge takes, paged (org level).</summary>
[Cmdlet(VerbsCommon.Get, "MergeLinkedAccount", SupportsPaging = true)]
[OutputType(typeof(AccountDetailsAndActions))]
public sealed class GetMergeLinkedAccountCommand : MergePlatformListCmdletBase
{
    private static readonly string[] s_statuses = { "COMPLETE", "IDLE", "INCOMPLETE", "RELINK_NEEDED" };

    /// <summary>Only these linked accounts (Merge ids); with -IncludeDuplicates, exactly one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("LinkedAccountId")]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>Only accounts whose end user has this email address.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndUserEmailAddress { get; set; }

    /// <summary>Only accounts whose end user belongs to this organization.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndUserOrganizationName { get; set; }

    /// <summary>Only accounts of these end users (your own ids for them).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? EndUserOriginId { get; set; }

    /// <summary>Only accounts of this integration (its name, e.g. BambooHR).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? IntegrationName { get; set; }

    /// <summary>COMPLETE, IDLE, INCOMPLETE or RELINK_NEEDED.</summary>
    [Parameter]
    [ValidateSet("COMPLETE", "IDLE", "INCOMPLETE", "RELINK_NEEDED", IgnoreCase = true)]
    public string? Status { get; set; }

    /// <summary>Test linked accounts only (Merge lists production accounts otherwise).</summary>
    [Parameter]
    public SwitchParameter IsTestAccount { get; set; }

    /// <summary>With one -Id of a complete production account: also its production duplicates.</summary>
    [Parameter]
    public SwitchParameter IncludeDuplicates { get; set; }

    protected override bool AccountScoped => false;

    /// <summary>-Category filters the accounts (it also takes mktg) and, when it is a path category, picks the prefix.</summary>
    protected override bool CategoryIsFilter => true;

    protected override void ProcessRecord()
    {
        var query = new QueryString()
            .Add("category", Category?.ToLowerInvariant())
            .Add("end_user_email_address", EndUserEmailAddress)
            .Add("end_user_organization_name", EndUserOrganizationName)
            .Add("integration_name", IntegrationName)
            .Add("status", Canonical(Status, s_statuses))
            .Add("is_test_account", IsTestAccount.IsPresent)
            .Add("include_duplicates", IncludeDuplicates.IsPresent);
        if (Id is { Length: 1 })
        {
            query.Add("id", Id[0].Trim());
        }
        else if (Id is { Length: > 1 })
        {
            query.Add("ids", Id.Select(i => i.Trim()));
        }

        if (EndUserOriginId is { Length: 1 })
        {
            query.Add("end_user_origin_id", EndUserOriginId[0]);
        }
        else if (EndUserOriginId is { Length: > 1 })
        {
            query.Add("end_user_origin_ids", EndUserOriginId);
        }

        string category = MergePlatform.IsCategory(Category) ? Category!.ToLowerInvariant() : MergePlatform.DefaultCategory;
        WritePages(MergePlatform.PathFor(category, "linked-accounts"), query, PlatformJsonContext.Default.PageAccountDetailsAndActions, null, PageSize, Cursor);
    }
}

/// <summary>Get-MergeAccountDetail: what Merge knows of the current (or given) linked account; also remembers its category and id in the session.</summary>
[Cmdlet(VerbsCommon.Get, "MergeAccountDetail")]
[OutputType(typeof(AccountDetails))]
public sealed class GetMergeAccountDetailCommand : MergePlatformCmdletBase
{
    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        MergeAccount? account = SessionAccount();
        AccountDetails details;
        try
        {
            if (Category is not null)
            {
                details = Run(ct => MergePlatform.GetAccountDetailsAsync(ResolvedSession.Client, Category.ToLowerInvariant(), token!, Log, ct));
            }
            else
            {
                (string category, AccountDetails found) = Run(ct => MergePlatform.DiscoverAsync(ResolvedSession.Client, token!, Log, ct, account?.Category));
                details = found;
                Remember(account, category, null);
            }
        }
        catch (MergeException ex)
        {
            ReportError(ex, account?.Name);
            return;
        }

        Remember(account, details.Category, details.Id);
        WriteObject(details);
    }
}

/// <summary>Remove-MergeLinkedAccount: deletes the current (or given) linked account in Merge; its token stops working.</summary>
[Cmdlet(VerbsCommon.Remove, "MergeLinkedAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveMergeLinkedAccountCommand : MergePlatformCmdletBase
{
    /// <summary>Deletes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        MergeAccount? account = SessionAccount();
        string target = AccountTarget();
        if (!ShouldProcessUnlessForced(Force, target, "Delete the linked account in Merge (its data and connection are removed; the token stops working)"))
        {
            return;
        }

        string? category = ResolveCategory(token);
        if (category is null)
        {
            return;
        }

        var request = new MergeRequest(HttpMethod.Post, MergePlatform.PathFor(category, "delete-account")) { AccountToken = token };
        if (SendRaw(request, target) is null)
        {
            return;
        }

        WriteVerbose($"Deleted {target} in Merge.");
        if (account is not null && ResolvedSession.RemoveAccount(account.Name))
        {
            WriteVerbose($"Removed account '{account.Name}' from the session.");
        }
    }
}

/// <summary>Update-MergeLinkedAccount: changes a Calendar linked account's settings (enterprise key management).</summary>
[Cmdlet(VerbsData.Update, "MergeLinkedAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LinkedAccountPatchResponse))]
public sealed class UpdateMergeLinkedAccountCommand : MergePlatformCmdletBase
{
    /// <summary>The linked account's Merge id; by default the one the account token belongs to.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("LinkedAccountId")]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    /// <summary>Whether enterprise key management (EKM) is on for the account.</summary>
    [Parameter(Mandatory = true)]
    public bool EkmEnabled { get; set; }

    protected override bool AccountScoped => true;

    /// <summary>Calendar unless -Category says otherwise: the operation exists for Calendar only.</summary>
    private string PathCategory => Category?.ToLowerInvariant() ?? "calendar";

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        MergeAccount? account = SessionAccount();
        string? id = Id ?? account?.LinkedAccountId;
        if (id is null)
        {
            // The id is in the path: learn it from account-details (Calendar's own prefix).
            try
            {
                AccountDetails details = Run(ct => MergePlatform.GetAccountDetailsAsync(ResolvedSession.Client, PathCategory, token!, Log, ct));
                Remember(account, details.Category, details.Id);
                id = details.Id;
            }
            catch (MergeException ex)
            {
                ReportError(ex, account?.Name);
                return;
            }
        }

        if (!ShouldProcess("linked account " + id, $"Set ekm_enabled to {(EkmEnabled ? "true" : "false")}"))
        {
            return;
        }

        string json = new JsonObject { ["ekm_enabled"] = EkmEnabled }.ToJsonString();
        var request = new MergeRequest(new HttpMethod("PATCH"), MergePlatform.PathFor(PathCategory, "linked-accounts/" + Uri.EscapeDataString(id!.Trim())))
        {
            AccountToken = token,
            Content = JsonContent(json),
        };
        if (Send(request, PlatformJsonContext.Default.LinkedAccountPatchResponse, id) is { } result)
        {
            WriteObject(result);
        }
    }
}
