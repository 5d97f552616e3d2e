using System.Collections.Generic;

namespace MergePS.Emulator.Accounts;

/// <summary>Real integrations per category, so that seeded accounts look like what users link.</summary>
public static class Integrations
{
    private static readonly Dictionary<string, (string Name, string Slug, string Color)[]> ByCategory = new()
    {
        ["hris"] = new[] { ("BambooHR", "bamboohr", "#73C41D"), ("Workday", "workday", "#005CB9"), ("Gusto", "gusto", "#F45D48"), ("Rippling", "rippling", "#FDB71C") },
        ["ats"] = new[] { ("Greenhouse", "greenhouse", "#24A47F"), ("Lever", "lever", "#2C2C2C"), ("Ashby", "ashby", "#5C4AE4"), ("Workable", "workable", "#00A0A0") },
        ["accounting"] = new[] { ("QuickBooks Online", "quickbooks-online", "#2CA01C"), ("Xero", "xero", "#13B5EA"), ("NetSuite", "netsuite", "#1A2B3C"), ("Sage Intacct", "sage-intacct", "#00DC06") },
        ["ticketing"] = new[] { ("Jira", "jira", "#0052CC"), ("Zendesk", "zendesk", "#03363D"), ("Linear", "linear", "#5E6AD2"), ("Asana", "asana", "#F06A6A") },
        ["crm"] = new[] { ("Salesforce", "salesforce", "#00A1E0"), ("HubSpot", "hubspot", "#FF7A59"), ("Pipedrive", "pipedrive", "#017737"), ("Close", "close", "#1463FF") },
        ["filestorage"] = new[] { ("Google Drive", "google-drive", "#1FA463"), ("Dropbox", "dropbox", "#0061FF"), ("Box", "box", "#0061D5"), ("OneDrive", "onedrive", "#0078D4") },
        ["knowledgebase"] = new[] { ("Confluence", "confluence", "#1868DB"), ("Notion", "notion", "#000000"), ("Guru", "guru", "#6C4CF6"), ("SharePoint", "sharepoint", "#038387") },
        ["chat"] = new[] { ("Slack", "slack", "#4A154B"), ("Microsoft Teams", "microsoft-teams", "#6264A7"), ("Discord", "discord", "#5865F2"), ("Google Chat", "google-chat", "#00AC47") },
        ["calendar"] = new[] { ("Google Calendar", "google-calendar", "#4285F4"), ("Outlook Calendar", "outlook-calendar", "#0078D4"), ("Calendly", "calendly", "#006BFF"), ("Zoom", "zoom", "#2D8CFF") },
        ["email"] = new[] { ("Gmail", "gmail", "#EA4335"), ("Outlook", "outlook", "#0078D4"), ("Front", "front", "#A857F1"), ("Zoho Mail", "zoho-mail", "#E42527") },
    };

    private static readonly (string Name, string Slug, string Color)[] Fallback =
    {
        ("Acme Connect", "acme-connect", "#444444"), ("Globex Sync", "globex-sync", "#884400"), ("Initech Link", "initech-link", "#004488"),
    };

    /// <summary>The category's integration with this slug, or null.</summary>
    public static (string Name, string Slug, string Color)? For(string category, string? slug)
    {
        var list = ByCategory.TryGetValue(category, out var found) ? found : Fallback;
        foreach (var integration in list)
        {
            if (string.Equals(integration.Slug, slug, System.StringComparison.OrdinalIgnoreCase))
            {
                return integration;
            }
        }

        return null;
    }

    public static (string Name, string Slug, string Color) For(string category, int number)
    {
        var list = ByCategory.TryGetValue(category, out var found) ? found : Fallback;
        return list[(number - 1) % list.Length];
    }
}
