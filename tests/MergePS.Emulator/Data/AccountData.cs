using System;
using System.Collections.Generic;
using System.Diagnostics;
using MergePS.Emulator.Accounts;
using MergePS.Emulator.Seeding;

namespace MergePS.Emulator.Data;

/// <summary>One linked account's own data set (or a category's org-level data).</summary>
public sealed class AccountData
{
    private readonly IDictionary<string, Lazy<Table>> _tables;

    public AccountData(CategoryRuntime category, string dataKey, LinkedAccount? account, EmulatorOptions options)
    {
        Category = category;
        DataKey = dataKey;
        Account = account;
        SyntheticEmployees = account is null ? 0 : options.SyntheticEmployeesFor(account.Number);
        var ctx = new SeedContext(options.Seed, dataKey, options.Anchor, category.Schemas, options.Employees);
        var watch = Stopwatch.StartNew();
        _tables = category.Seeder.Seed(ctx, category.TableModels);
        ctx.Resolve = Table;
        CoreGenerationTime = watch.Elapsed;
        Seed = ctx;
    }

    /// <summary>The generation context, reused to synthesize objects that have no table.</summary>
    public SeedContext Seed { get; }

    public CategoryRuntime Category { get; }

    /// <summary>Employees served on the fly from their index (0: the table is served).</summary>
    public int SyntheticEmployees { get; }

    public string DataKey { get; }

    public LinkedAccount? Account { get; }

    /// <summary>Time spent on the tables built up front (lazy ones come later, on first read).</summary>
    public TimeSpan CoreGenerationTime { get; }

    public IEnumerable<string> Models => _tables.Keys;

    public bool IsBuilt(string model) => _tables.TryGetValue(model, out Lazy<Table>? lazy) && lazy.IsValueCreated;

    public Table? Table(string model) => _tables.TryGetValue(model, out Lazy<Table>? lazy) ? lazy.Value : null;
}
