using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using MergePS.Emulator.Accounts;

namespace MergePS.Emulator.Data;

/// <summary>Every account's data, generated on first use and kept until a reset.</summary>
public sealed class DataStore
{
    private readonly EmulatorOptions _options;
    private ConcurrentDictionary<string, Lazy<AccountData>> _data = new(StringComparer.Ordinal);

    public DataStore(EmulatorOptions options, IReadOnlyDictionary<string, CategoryRuntime> categories)
    {
        _options = options;
        Categories = categories;
    }

    public IReadOnlyDictionary<string, CategoryRuntime> Categories { get; }

    public AccountData For(LinkedAccount account) => Get(Categories[account.Category], account.DataKey, account);

    /// <summary>Data for org-level operations, which take no account token.</summary>
    public AccountData ForOrganization(CategoryRuntime category) => Get(category, "org-" + category.Name, null);

    public IEnumerable<AccountData> Generated
    {
        get
        {
            foreach (Lazy<AccountData> lazy in _data.Values)
            {
                if (lazy.IsValueCreated)
                {
                    yield return lazy.Value;
                }
            }
        }
    }

    public void Reset() => _data = new ConcurrentDictionary<string, Lazy<AccountData>>(StringComparer.Ordinal);

    private AccountData Get(CategoryRuntime category, string key, LinkedAccount? account) =>
        _data.GetOrAdd(key, k => new Lazy<AccountData>(() => new AccountData(category, k, account, _options))).Value;
}
