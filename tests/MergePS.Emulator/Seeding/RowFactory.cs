using System;
using System.Collections.Generic;
using System.Globalization;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding;

/// <summary>Creates records with the fields every Common Model shares (id, remote_id, created_at,
/// modified_at, remote_was_deleted, field_mappings); the rest is filled by a recipe.</summary>
public static class RowFactory
{
    public static readonly RawJson EmptyFieldMappings = new("{\"organization_defined_targets\":{},\"linked_account_defined_targets\":{}}");

    /// <summary>Two years of history, so created/modified filters have something to cut.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(730);

    /// <summary>
    /// <paramref name="regular"/> records (of which <paramref name="deleted"/> are remote_was_deleted)
    /// plus <paramref name="shells"/> shell records, interleaved at random, created_at ascending.
    /// </summary>
    public static RowSet Create(ModelSchema schema, Rng rng, DateTime anchor, int regular, int deleted, int shells)
    {
        int total = regular + shells;
        var all = new Row[total];
        var regularRows = new Row[regular];
        var shellAt = Positions(rng, total, shells);
        var deletedAt = Positions(rng, regular, Math.Min(deleted, regular));
        long remoteBase = rng.Between(10000, 90000);
        double span = (History - TimeSpan.FromDays(1)).TotalSeconds;
        DateTime start = anchor - History;
        int r = 0;
        for (int i = 0; i < total; i++)
        {
            DateTime created = Second(start.AddSeconds((i + rng.NextDouble()) / total * span));
            bool shell = shellAt.Contains(i);
            DateTime modified = shell || rng.Chance(0.4) ? created : Second(created + ((anchor - created) * rng.NextDouble()));
            string remoteId = (remoteBase + i).ToString(CultureInfo.InvariantCulture);
            if (shell)
            {
                all[i] = NewShell(schema, rng.Uuid(), remoteId, created, modified);
            }
            else
            {
                all[i] = NewRow(schema, rng.Uuid(), remoteId, created, modified, deletedAt.Contains(r));
                regularRows[r++] = all[i];
            }
        }

        return new RowSet(all, regularRows);
    }

    /// <summary>A record with its own timestamps (for children that follow their parent's history).</summary>
    public static Row NewRow(ModelSchema schema, string id, string? remoteId, DateTime created, DateTime modified, bool deleted)
    {
        var values = new object?[schema.Slots];
        Set(values, schema.Id, id);
        Set(values, schema.RemoteId, remoteId);
        Set(values, schema.CreatedAt, created);
        Set(values, schema.ModifiedAt, modified);
        Set(values, schema.RemoteWasDeleted, Boxes.Of(deleted));
        Set(values, schema.FieldMappings, EmptyFieldMappings);
        return new Row(values);
    }

    public static Row NewShell(ModelSchema schema, string id, string? remoteId, DateTime created, DateTime modified)
    {
        var values = new object?[schema.Slots];
        foreach (FieldSchema field in schema.Fields)
        {
            values[field.Index] = field.EmptyValue;
        }

        Set(values, schema.Id, id);
        Set(values, schema.RemoteId, remoteId);
        Set(values, schema.CreatedAt, created);
        Set(values, schema.ModifiedAt, modified);
        Set(values, schema.RemoteWasDeleted, Boxes.False);
        return new Row(values, shell: true);
    }

    public static DateTime Second(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    public static void Set(object?[] values, int index, object? value)
    {
        if (index >= 0)
        {
            values[index] = value;
        }
    }

    private static HashSet<int> Positions(Rng rng, int range, int count)
    {
        var set = new HashSet<int>();
        while (set.Count < count && set.Count < range)
        {
            set.Add(rng.Next(range));
        }

        return set;
    }
}

/// <summary>Rows in table order, and the non-shell ones a recipe fills.</summary>
public sealed record RowSet(Row[] All, Row[] Regular);
