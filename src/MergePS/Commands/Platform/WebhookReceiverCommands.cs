using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Text.Json;
using MergePS.Client;
using MergePS.Json;
using MergePS.Platform;

namespace MergePS.Commands;

/// <summary>Get-MergeWebhookReceiver: the linked account's receivers of third-party webhooks (into Merge).</summary>
[Cmdlet(VerbsCommon.Get, "MergeWebhookReceiver")]
[OutputType(typeof(WebhookReceiver))]
public sealed class GetMergeWebhookReceiverCommand : MergePlatformCmdletBase
{
    /// <summary>Only receivers of these events.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? Event { get; set; }

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        var request = new MergeRequest(HttpMethod.Get, MergePlatform.PathFor(category, "webhook-receivers")) { AccountToken = token };
        foreach (WebhookReceiver receiver in Send(request, PlatformJsonContext.Default.ListWebhookReceiver, AccountTarget()) ?? Enumerable.Empty<WebhookReceiver>())
        {
            if (Event is null || Event.Any(e => string.Equals(e, receiver.Event, System.StringComparison.OrdinalIgnoreCase)))
            {
                WriteObject(receiver);
            }
        }
    }
}

/// <summary>New-MergeWebhookReceiver: registers a receiver of one third-party webhook event for the linked account.</summary>
[Cmdlet(VerbsCommon.New, "MergeWebhookReceiver", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(WebhookReceiver))]
public sealed class NewMergeWebhookReceiverCommand : MergePlatformCmdletBase
{
    /// <summary>The third-party event to receive.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Event { get; set; } = null!;

    /// <summary>Whether the receiver is active.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public bool IsActive { get; set; }

    /// <summary>The receiver's key, for integrations that sign their webhooks.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Key { get; set; }

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        if (!ShouldProcess(AccountTarget(), $"Register a receiver for '{Event}' ({(IsActive ? "active" : "inactive")})"))
        {
            return;
        }

        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        var body = new WebhookReceiverRequest { Event = Event, IsActive = IsActive, Key = Key };
        string json = JsonSerializer.Serialize(body, PlatformJsonContext.Default.WebhookReceiverRequest);
        var request = new MergeRequest(HttpMethod.Post, MergePlatform.PathFor(category, "webhook-receivers"))
        {
            AccountToken = token,
            Content = JsonContent(json),
        };
        if (Send(request, PlatformJsonContext.Default.WebhookReceiver, Event) is { } receiver)
        {
            WriteObject(receiver);
        }
    }
}
