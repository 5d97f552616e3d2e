using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding;

/// <summary>What one account's generation needs: the seed, the account's data key, the reference
/// instant, the category's models, and the ids generated so far (for relations).</summary>
public sealed class SeedContext
{
    private readonly ConcurrentDictionary<string, string[]> _ids = new(StringComparer.Ordinal);

    public SeedContext(int seed, string dataKey, DateTime anchor, IReadOnlyDictionary<string, ModelSchema> schemas, int employees)
    {
        Seed = seed;
        DataKey = dataKey;
        Anchor = anchor;
        Schemas = schemas;
        Employees = employees;
    }

    public int Seed { get; }

    public string DataKey { get; }

    /// <summary>"Now" for the generated history: every generated timestamp is relative to it.</summary>
    public DateTime Anchor { get; }

    public IReadOnlyDictionary<string, ModelSchema> Schemas { get; }

    public int Employees { get; }

    /// <summary>Builds a table that is generated lazily, so its ids can be asked for on demand.</summary>
    public Func<string, Table?>? Resolve { get; set; }

    public Rng RngFor(string model, string part = "") => Rng.For(Seed, DataKey, model, part);

    public ModelSchema? Schema(string model) => Schemas.TryGetValue(model, out ModelSchema? schema) ? schema : null;

    public void RegisterIds(string model, Row[] rows)
    {
        ModelSchema? schema = Schema(model);
        if (schema is null || schema.Id < 0)
        {
            return;
        }

        var ids = new List<string>(rows.Length);
        foreach (Row row in rows)
        {
            if (!row.Shell && row.Values[schema.Id] is string id)
            {
                ids.Add(id);
            }
        }

        _ids[model] = ids.ToArray();
    }

    /// <summary>Ids of a model's non-shell records, for pointing relations at real rows.</summary>
    public string[] IdsOf(string model)
    {
        if (_ids.TryGetValue(model, out string[]? ids))
        {
            return ids;
        }

        Table? table = Resolve?.Invoke(model);
        if (table is not null)
        {
            RegisterIds(model, table.Current.Rows);
            return _ids[model];
        }

        return Array.Empty<string>();
    }
}
