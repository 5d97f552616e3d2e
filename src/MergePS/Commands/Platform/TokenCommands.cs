using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using MergePS.Client;
using MergePS.Json;
using MergePS.Platform;

namespace MergePS.Commands;

/// <summary>New-MergeLinkToken: starts a Merge Link session for an end user (org level); every body field Merge takes.</summary>
[Cmdlet(VerbsCommon.New, "MergeLinkToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(LinkToken))]
public sealed class NewMergeLinkTokenCommand : MergePlatformCmdletBase
{
    /// <summary>The end user's email address (identification only; Merge sends no email).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateLength(1, 100)]
    public string EndUserEmailAddress { get; set; } = null!;

    /// <summary>The end user's organization.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateLength(1, 100)]
    public string EndUserOrganizationName { get; set; } = null!;

    /// <summary>Your own id for the end user; one linked account per origin id and category.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateLength(1, 100)]
    public string EndUserOriginId { get; set; } = null!;

    /// <summary>The categories Merge Link offers (hris, ats, accounting, ticketing, crm, mktg, filestorage, knowledgebase, ...).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PlatformCategoryCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Categories { get; set; } = null!;

    /// <summary>The slug of one integration to preselect (e.g. bamboohr).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Integration { get; set; }

    /// <summary>Minutes the link token stays valid: 30 to 720, or up to 10080 for a magic link.</summary>
    [Parameter]
    [ValidateRange(30, 10080)]
    public int? LinkExpiryMinutes { get; set; }

    /// <summary>Also creates a magic link URL to send to the end user.</summary>
    [Parameter]
    public SwitchParameter MagicLink { get; set; }

    /// <summary>Creates a magic link URL on the Admin Needed screen of the linking flow.</summary>
    [Parameter]
    public SwitchParameter HideAdminMagicLink { get; set; }

    /// <summary>Models and fields to disable for the new account: objects or hashtables with model_id, enabled_actions (READ, WRITE) and disabled_fields.</summary>
    [Parameter]
    [ValidateNotNull]
    public object[]? CommonModels { get; set; }

    /// <summary>Per-category Common Model permissions for the new account: a hashtable of category to a list of {model_name, model_permissions, field_permissions}.</summary>
    [Parameter]
    [ValidateNotNull]
    public object? CategoryCommonModelScopes { get; set; }

    /// <summary>The language of Merge Link: en or de.</summary>
    [Parameter]
    [ValidateSet("en", "de", IgnoreCase = true)]
    public string? Language { get; set; }

    /// <summary>Disables the initial, periodic and forced syncs of the new account.</summary>
    [Parameter]
    public SwitchParameter DisableSyncs { get; set; }

    /// <summary>Integration-specific options, as a hashtable.</summary>
    [Parameter]
    [ValidateNotNull]
    public object? IntegrationSpecificConfig { get; set; }

    /// <summary>The screen the end user sees once linking completes: SELECTIVE_SYNC.</summary>
    [Parameter]
    [ValidateSet("SELECTIVE_SYNC", IgnoreCase = true)]
    public string? CompletedAccountInitialScreen { get; set; }

    /// <summary>The id of a linked destination to use.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LinkedDestinationId { get; set; }

    /// <summary>The id of stored credentials to link with.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CredentialId { get; set; }

    /// <summary>Whether enterprise key management (EKM) is on for the new account.</summary>
    [Parameter]
    public bool? EkmEnabled { get; set; }

    protected override bool AccountScoped => false;

    protected override void ProcessRecord()
    {
        var body = new EndUserDetailsRequest
        {
            EndUserEmailAddress = EndUserEmailAddress,
            EndUserOrganizationName = EndUserOrganizationName,
            EndUserOriginId = EndUserOriginId,
            Categories = Categories.Select(c => c.ToLowerInvariant()).ToList(),
            Integration = Integration,
            LinkExpiryMins = LinkExpiryMinutes,
            ShouldCreateMagicLinkUrl = MagicLink.IsPresent ? true : null,
            HideAdminMagicLink = HideAdminMagicLink.IsPresent ? true : null,
            Language = Language?.ToLowerInvariant(),
            AreSyncsDisabled = DisableSyncs.IsPresent ? true : null,
            CompletedAccountInitialScreen = CompletedAccountInitialScreen?.ToUpperInvariant(),
            LinkedDestinationId = LinkedDestinationId,
            CredentialId = CredentialId,
            EkmEnabled = EkmEnabled,
        };
        if (CommonModels is not null)
        {
            var scopes = new System.Collections.Generic.List<CommonModelScopesBodyRequest>();
            foreach (object item in CommonModels)
            {
                if (ToModel(item, PlatformJsonContext.Default.CommonModelScopesBodyRequest, nameof(CommonModels)) is not { } scope)
                {
                    return;
                }

                scopes.Add(scope);
            }

            body.CommonModels = scopes;
        }

        if (CategoryCommonModelScopes is not null)
        {
            if (ToMap(CategoryCommonModelScopes, nameof(CategoryCommonModelScopes)) is not { } map)
            {
                return;
            }

            body.CategoryCommonModelScopes = map;
        }

        if (IntegrationSpecificConfig is not null)
        {
            if (ToMap(IntegrationSpecificConfig, nameof(IntegrationSpecificConfig)) is not { } map)
            {
                return;
            }

            body.IntegrationSpecificConfig = map;
        }

        if (!ShouldProcess($"end user '{EndUserOriginId}' ({EndUserOrganizationName})", "Create a Merge Link token"))
        {
            return;
        }

        string json = JsonSerializer.Serialize(body, PlatformJsonContext.Default.EndUserDetailsRequest);
        var request = new MergeRequest(HttpMethod.Post, MergePlatform.PathFor(ResolveCategory(null)!, "link-token"))
        {
            Content = JsonContent(json),
        };
        if (Send(request, PlatformJsonContext.Default.LinkToken, EndUserOriginId) is { } token)
        {
            WriteObject(token);
        }
    }

    private System.Collections.Generic.Dictionary<string, JsonElement>? ToMap(object value, string parameter)
    {
        if (ToJson(value, parameter) is not JsonObject node)
        {
            WriteError(ArgumentError(MergeErrorIds.InvalidArgument, $"-{parameter} must be a hashtable or an object.", "Pass @{ key = value }.", value));
            return null;
        }

        var map = new System.Collections.Generic.Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var pair in node)
        {
            using JsonDocument document = JsonDocument.Parse(pair.Value?.ToJsonString() ?? "null");
            map[pair.Key] = document.RootElement.Clone();
        }

        return map;
    }
}

/// <summary>Get-MergeAccountToken: exchanges the public token Merge Link returned for the linked account's permanent token (org level).</summary>
[Cmdlet(VerbsCommon.Get, "MergeAccountToken")]
[OutputType(typeof(AccountToken))]
public sealed class GetMergeAccountTokenCommand : MergePlatformCmdletBase
{
    /// <summary>The public token Merge Link's onSuccess callback received. It works once.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PublicToken { get; set; } = null!;

    protected override bool AccountScoped => false;

    protected override void ProcessRecord()
    {
        try
        {
            WriteObject(Run(ct => MergePlatform.ExchangePublicTokenAsync(ResolvedSession.Client, ResolveCategory(null)!, PublicToken, Log, ct)));
        }
        catch (MergeException ex)
        {
            ReportError(ex, PublicToken);
        }
    }
}

/// <summary>Reset-MergeAccountToken: replaces the linked account's token with a new one (the old one stops working) and updates the session account.</summary>
[Cmdlet(VerbsCommon.Reset, "MergeAccountToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SecureString), typeof(string))]
public sealed class ResetMergeAccountTokenCommand : MergePlatformCmdletBase
{
    /// <summary>Writes the new token as plain text instead of a SecureString.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>Replaces the token without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        MergeAccount? account = SessionAccount();
        string target = AccountTarget();
        if (!ShouldProcessUnlessForced(Force, target, "Regenerate the account token (the current token stops working)"))
        {
            return;
        }

        string? category = ResolveCategory(token);
        if (category is null)
        {
            return;
        }

        var request = new MergeRequest(HttpMethod.Post, MergePlatform.PathFor(category, "account-token/regenerate")) { AccountToken = token };
        if (Send(request, PlatformJsonContext.Default.RegenerateAccountToken, target) is not { AccountToken: { Length: > 0 } renewed } result)
        {
            return;
        }

        SecureString secure = Secret.FromString(renewed);
        if (account is not null)
        {
            bool current = string.Equals(ResolvedSession.CurrentAccountName, account.Name, StringComparison.OrdinalIgnoreCase);
            MergeAccount updated = ResolvedSession.SetAccount(account.Name, secure, makeCurrent: current);
            Remember(updated, account.Category ?? category, result.LinkedAccountId ?? account.LinkedAccountId);
            WriteVerbose($"Account '{updated.Name}' now uses the new token ({updated.TokenHint}).");
        }

        WriteObject(AsPlainText ? renewed : secure);
    }
}

/// <summary>Base of the API key cmdlets: a name in, the new key out as a SecureString (or text).</summary>
public abstract class MergeApiKeyCmdletBase : MergePlatformCmdletBase
{
    /// <summary>The key's name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = null!;

    /// <summary>Writes the new key as plain text instead of a SecureString.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>Goes ahead without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override bool AccountScoped => false;

    protected abstract string Relative { get; }

    protected abstract string Action { get; }

    protected abstract string Body(string name);

    protected override void ProcessRecord()
    {
        if (!ShouldProcessUnlessForced(Force, $"API key '{Name}'", Action))
        {
            return;
        }

        string json = Body(Name);
        var request = new MergeRequest(HttpMethod.Post, MergePlatform.PathFor(ResolveCategory(null)!, Relative)) { Content = JsonContent(json) };
        if (Send(request, PlatformJsonContext.Default.RemoteKey, Name) is { Key: { Length: > 0 } key } remote)
        {
            WriteVerbose($"Merge returned key '{remote.Name}'.");
            WriteObject(AsPlainText ? key : Secret.FromString(key));
        }
    }
}

/// <summary>New-MergeApiKey: creates a remote production API key (org level).</summary>
[Cmdlet(VerbsCommon.New, "MergeApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SecureString), typeof(string))]
public sealed class NewMergeApiKeyCommand : MergeApiKeyCmdletBase
{
    protected override string Relative => "generate-key";

    protected override string Action => "Create a remote production API key";

    protected override string Body(string name) =>
        JsonSerializer.Serialize(new GenerateRemoteKeyRequest { Name = name }, PlatformJsonContext.Default.GenerateRemoteKeyRequest);
}

/// <summary>Reset-MergeApiKey: exchanges a production API key for a new one (org level); the old key stops working.</summary>
[Cmdlet(VerbsCommon.Reset, "MergeApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SecureString), typeof(string))]
public sealed class ResetMergeApiKeyCommand : MergeApiKeyCmdletBase
{
    protected override string Relative => "regenerate-key";

    protected override string Action => "Regenerate the API key (the current key stops working)";

    protected override string Body(string name) =>
        JsonSerializer.Serialize(new RemoteKeyForRegenerationRequest { Name = name }, PlatformJsonContext.Default.RemoteKeyForRegenerationRequest);
}
