using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Accounts;

/// <summary>
/// What the platform endpoints remember between requests: the organization's link tokens, public tokens,
/// issues, audit trail, API keys and target fields, and each linked account's scopes, field mappings,
/// webhook receivers, sync state and async passthrough receipts. Rebuilt (and re-seeded) on reset.
/// </summary>
public sealed class PlatformState
{
    private readonly object _lock = new();

    public object Lock => _lock;

    /// <summary>Link token → the end user details it was created with.</summary>
    public Dictionary<string, JsonObject> LinkTokens { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Public token (from a completed Link) → the account it exchanges for; each works once.</summary>
    public Dictionary<string, LinkedAccount> PublicTokens { get; private set; } = new(StringComparer.Ordinal);

    public List<IssueRecord> Issues { get; private set; } = new();

    public List<AuditRecord> AuditTrail { get; private set; } = new();

    /// <summary>Remote production keys by name.</summary>
    public Dictionary<string, string> Keys { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Organization-wide target fields by category.</summary>
    public Dictionary<string, List<TargetField>> TargetFields { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Per linked account (by id, which survives token regeneration).</summary>
    public Dictionary<string, AccountPlatformData> Accounts { get; private set; } = new(StringComparer.Ordinal);

    public AccountPlatformData For(LinkedAccount account)
    {
        lock (_lock)
        {
            if (!Accounts.TryGetValue(account.Id, out AccountPlatformData? data))
            {
                data = new AccountPlatformData();
                Accounts[account.Id] = data;
            }

            return data;
        }
    }

    public void AddAudit(string eventType, string description, string role = "API", string? userName = null, string? userEmail = null)
    {
        lock (_lock)
        {
            AuditTrail.Add(new AuditRecord(Guid.NewGuid().ToString(), userName, userEmail, role, "127.0.0.1", eventType, description, DateTime.UtcNow));
        }
    }

    /// <summary>Back to the seeded state: a few issues and audit events over the accounts, one target field per category.</summary>
    public void Reset(IReadOnlyList<LinkedAccount> accounts, IEnumerable<string> categories, DateTime anchor, int seed)
    {
        var issues = new List<IssueRecord>();
        var audit = new List<AuditRecord>();
        var rng = Rng.For(seed, "platform");
        foreach (LinkedAccount account in accounts.Where(a => a.Number is 2 or 3))
        {
            DateTime first = anchor.AddDays(-rng.Between(20, 90)).AddSeconds(rng.Next(86400));
            DateTime last = first.AddDays(rng.Between(1, 15));
            bool ongoing = account.Number == 2;
            issues.Add(new IssueRecord(
                rng.Uuid(),
                account,
                ongoing ? "ONGOING" : "RESOLVED",
                ongoing ? "Missing Permissions" : "Invalid Credentials",
                first,
                last,
                IsMuted: account.Category is "ats" && !ongoing,
                Details: ongoing
                    ? new[] { "The connected user lacks read access to some " + account.IntegrationName + " records." }
                    : new[] { "The " + account.IntegrationName + " credentials were rejected; the account was relinked." }));
        }

        (string Type, string Description, string Role, string Name, string Email)[] seeded =
        {
            ("INVITED_USER", "Invited a new user to the organization.", "ADMIN", "Dana Whitfield", "dana.whitfield@your-company.example"),
            ("CREATED_TEST_API_KEY", "Created a test API key.", "DEVELOPER", "Sam Okafor", "sam.okafor@your-company.example"),
            ("ENABLED_INTEGRATION", "Enabled the BambooHR integration.", "ADMIN", "Dana Whitfield", "dana.whitfield@your-company.example"),
            ("CHANGED_SCOPES", "Changed the default scopes of HRIS.", "ADMIN", "Dana Whitfield", "dana.whitfield@your-company.example"),
            ("TWO_FACTOR_AUTH_ENABLED", "Turned on two-factor authentication.", "MEMBER", "Priya Raman", "priya.raman@your-company.example"),
            ("REGENERATED_WEBHOOK_SIGNATURE", "Regenerated the webhook signature key.", "DEVELOPER", "Sam Okafor", "sam.okafor@your-company.example"),
        };
        for (int i = 0; i < seeded.Length; i++)
        {
            var s = seeded[i];
            audit.Add(new AuditRecord(rng.Uuid(), s.Name, s.Email, s.Role, "203.0.113." + (10 + i).ToString(CultureInfo.InvariantCulture),
                s.Type, s.Description, anchor.AddDays(-60 + (i * 9)).AddHours(9 + i)));
        }

        var targets = new Dictionary<string, List<TargetField>>(StringComparer.Ordinal);
        foreach (string category in categories)
        {
            targets[category] = new List<TargetField>();
        }

        lock (_lock)
        {
            LinkTokens = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            PublicTokens = new Dictionary<string, LinkedAccount>(StringComparer.Ordinal);
            Issues = issues;
            AuditTrail = audit;
            Keys = new Dictionary<string, string>(StringComparer.Ordinal);
            TargetFields = targets;
            Accounts = new Dictionary<string, AccountPlatformData>(StringComparer.Ordinal);
        }
    }
}

public sealed record IssueRecord(
    string Id, LinkedAccount Account, string Status, string ErrorDescription, DateTime FirstIncident, DateTime LastIncident, bool IsMuted, string[] Details);

public sealed record AuditRecord(
    string Id, string? UserName, string? UserEmail, string Role, string IpAddress, string EventType, string Description, DateTime CreatedAt);

public sealed record TargetField(string CommonModel, string Name, string? Description);

/// <summary>One linked account's platform state.</summary>
public sealed class AccountPlatformData
{
    /// <summary>Scopes set with linked-account-scopes, by model name: {model_permissions, field_permissions}.</summary>
    public Dictionary<string, JsonObject> Scopes { get; } = new(StringComparer.Ordinal);

    public List<JsonObject> FieldMappings { get; } = new();

    public List<JsonObject> WebhookReceivers { get; } = new();

    /// <summary>Receipt id → the result and how many times it has been asked for.</summary>
    public Dictionary<string, (JsonObject Result, int Polls)> AsyncPassthrough { get; } = new(StringComparer.Ordinal);

    /// <summary>When the last forced resync started (null: never).</summary>
    public DateTime? ResyncStartedAt { get; set; }

    public bool? EkmEnabled { get; set; }
}
