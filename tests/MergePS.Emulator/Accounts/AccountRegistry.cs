using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Accounts;

/// <summary>Every seeded Linked Account, found by its token. Tokens are deterministic
/// (<c>hris-token-1</c>) so tests can hard-code them; ids derive from the seed.</summary>
public sealed class AccountRegistry
{
    public const int DefaultAccountsPerCategory = 3;

    private static readonly (string Name, string Domain)[] Organizations =
    {
        ("Acme Corporation", "acme.example"), ("Globex Inc.", "globex.example"), ("Initech LLC", "initech.example"),
        ("Umbrella Health", "umbrella.example"), ("Stark Industries", "stark.example"), ("Wayne Enterprises", "wayne.example"),
    };

    private readonly IReadOnlyList<string> _categories;
    private readonly int _seed;
    private readonly DateTime _anchor;
    private readonly int _perCategory;
    private readonly object _lock = new();
    private ConcurrentDictionary<string, LinkedAccount> _byToken = new(StringComparer.Ordinal);
    private List<LinkedAccount> _all = new();

    public AccountRegistry(IReadOnlyList<string> categories, int seed, DateTime anchor, int perCategory = DefaultAccountsPerCategory)
    {
        _categories = categories;
        _seed = seed;
        _anchor = anchor;
        _perCategory = perCategory;
        Reset();
    }

    /// <summary>Accounts in category order, then number; deleted accounts are gone.</summary>
    public IReadOnlyList<LinkedAccount> All
    {
        get
        {
            lock (_lock)
            {
                return _all.ToList();
            }
        }
    }

    public LinkedAccount? Find(string token) => _byToken.TryGetValue(token, out LinkedAccount? account) ? account : null;

    /// <summary>The platform endpoints' memory (link and public tokens, issues, audit trail, per-account settings).</summary>
    public PlatformState Platform { get; } = new();

    /// <summary>A Merge Link that completed: a new account (with its own data set) in the category.</summary>
    public LinkedAccount Link(string category, string? integrationSlug, string organizationName, string emailAddress, string originId)
    {
        lock (_lock)
        {
            int number = _all.Where(a => a.Category == category).Select(a => a.Number).DefaultIfEmpty(0).Max() + 1;
            var integration = Integrations.For(category, integrationSlug) ?? Integrations.For(category, number);
            var account = new LinkedAccount
            {
                Id = Guid.NewGuid().ToString(),
                Category = category,
                Token = category + "-token-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Number = number,
                IntegrationName = integration.Name,
                IntegrationSlug = integration.Slug,
                IntegrationColor = integration.Color,
                EndUserOrganizationName = organizationName,
                EndUserEmailAddress = emailAddress,
                EndUserOriginId = originId,
                CompletedAt = DateTime.UtcNow,
            };
            _all.Add(account);
            _byToken[account.Token] = account;
            return account;
        }
    }

    public void Reset()
    {
        var all = new List<LinkedAccount>();
        foreach (string category in _categories)
        {
            for (int n = 1; n <= _perCategory; n++)
            {
                all.Add(Create(category, n, category + "-token-" + n));
            }
        }

        lock (_lock)
        {
            _all = all;
            _byToken = new ConcurrentDictionary<string, LinkedAccount>(all.ToDictionary(a => a.Token, StringComparer.Ordinal), StringComparer.Ordinal);
        }

        Platform.Reset(all, _categories, _anchor, _seed);
    }

    /// <summary>delete-account: the token stops working at once.</summary>
    public void Delete(LinkedAccount account)
    {
        lock (_lock)
        {
            _all.Remove(account);
            _byToken.TryRemove(account.Token, out _);
        }
    }

    /// <summary>account-token/regenerate: a new token for the same account and data; the old one stops working.</summary>
    public LinkedAccount Regenerate(LinkedAccount account)
    {
        lock (_lock)
        {
            int generation = 2;
            string token;
            do
            {
                token = account.Category + "-token-" + account.Number + "-r" + generation++;
            }
            while (_byToken.ContainsKey(token));

            var renewed = new LinkedAccount
            {
                Id = account.Id,
                Category = account.Category,
                Token = token,
                Number = account.Number,
                IntegrationName = account.IntegrationName,
                IntegrationSlug = account.IntegrationSlug,
                IntegrationColor = account.IntegrationColor,
                EndUserOrganizationName = account.EndUserOrganizationName,
                EndUserEmailAddress = account.EndUserEmailAddress,
                EndUserOriginId = account.EndUserOriginId,
                Status = account.Status,
                CompletedAt = account.CompletedAt,
            };
            int index = _all.IndexOf(account);
            _all[index] = renewed;
            _byToken.TryRemove(account.Token, out _);
            _byToken[token] = renewed;
            return renewed;
        }
    }

    private LinkedAccount Create(string category, int number, string token)
    {
        var rng = Rng.For(_seed, "account", category, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var integration = Integrations.For(category, number);
        var organization = Organizations[(Array.IndexOf(_categories.ToArray(), category) + number - 1) % Organizations.Length];
        return new LinkedAccount
        {
            Id = rng.Uuid(),
            Category = category,
            Token = token,
            Number = number,
            IntegrationName = integration.Name,
            IntegrationSlug = integration.Slug,
            IntegrationColor = integration.Color,
            EndUserOrganizationName = organization.Name,
            EndUserEmailAddress = "it-admin@" + organization.Domain,
            EndUserOriginId = organization.Domain.Split('.')[0] + "-" + category + "-" + number,
            CompletedAt = _anchor.AddDays(-rng.Between(30, 700)).AddSeconds(rng.Next(86400)),
        };
    }
}
