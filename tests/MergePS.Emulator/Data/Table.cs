using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace MergePS.Emulator.Data;

/// <summary>The records of one model for one linked account. Readers take <see cref="Current"/> and
/// never lock; writers build a new snapshot under a lock (writes are rare: tests only).</summary>
public sealed class Table
{
    private readonly object _writeLock = new();
    private volatile TableSnapshot _current;

    public Table(ModelSchema schema, Row[] rows)
    {
        Schema = schema;
        _current = new TableSnapshot(schema, rows);
    }

    public ModelSchema Schema { get; }

    public TableSnapshot Current => _current;

    public Row? Find(string id) => _current.Find(id);

    public void Append(Row row)
    {
        lock (_writeLock)
        {
            Row[] old = _current.Rows;
            var rows = new Row[old.Length + 1];
            Array.Copy(old, rows, old.Length);
            rows[old.Length] = row;
            _current = new TableSnapshot(Schema, rows);
        }
    }

    /// <summary>Replaces the record with the same id; false when there is none.</summary>
    public bool Replace(string id, Func<Row, Row> update)
    {
        lock (_writeLock)
        {
            TableSnapshot snapshot = _current;
            if (!snapshot.ById.TryGetValue(id, out int index))
            {
                return false;
            }

            var rows = (Row[])snapshot.Rows.Clone();
            rows[index] = update(rows[index]);
            _current = new TableSnapshot(Schema, rows, snapshot.ById);
            return true;
        }
    }
}

/// <summary>An immutable view of a table: rows in default order (ascending created_at), an id
/// index, and sorted permutations cached per order_by value.</summary>
public sealed class TableSnapshot
{
    private readonly ModelSchema _schema;
    private readonly ConcurrentDictionary<string, int[]> _orderings = new(StringComparer.Ordinal);

    public TableSnapshot(ModelSchema schema, Row[] rows, Dictionary<string, int>? byId = null)
    {
        _schema = schema;
        Rows = rows;
        if (byId is null)
        {
            byId = new Dictionary<string, int>(rows.Length, StringComparer.Ordinal);
            if (schema.Id >= 0)
            {
                for (int i = 0; i < rows.Length; i++)
                {
                    if (rows[i].Values[schema.Id] is string id)
                    {
                        byId[id] = i;
                    }
                }
            }
        }

        ById = byId;
    }

    public Row[] Rows { get; }

    public Dictionary<string, int> ById { get; }

    public Row? Find(string id) => ById.TryGetValue(id, out int index) ? Rows[index] : null;

    /// <summary>Row positions sorted by a field (stable, nulls last ascending), or null for the default order.</summary>
    public int[]? Ordering(string? orderBy)
    {
        if (string.IsNullOrEmpty(orderBy))
        {
            return null;
        }

        bool descending = orderBy[0] == '-';
        string name = descending ? orderBy.Substring(1) : orderBy;
        int field = _schema.IndexOf(name);
        if (field < 0)
        {
            return null;
        }

        return _orderings.GetOrAdd(orderBy, _ => Sort(field, descending));
    }

    private int[] Sort(int field, bool descending)
    {
        var keys = new object?[Rows.Length];
        var order = new int[Rows.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = Rows[i][field];
        }

        Array.Sort(order, (a, b) =>
        {
            int c = ValueComparer.Compare(keys[a], keys[b]);
            if (c == 0)
            {
                return a.CompareTo(b);
            }

            return descending ? -c : c;
        });
        return order;
    }
}

/// <summary>Orders stored values of the same kind; null sorts after everything.</summary>
public static class ValueComparer
{
    public static int Compare(object? a, object? b)
    {
        if (a is null)
        {
            return b is null ? 0 : 1;
        }

        if (b is null)
        {
            return -1;
        }

        return (a, b) switch
        {
            (DateTime x, DateTime y) => x.CompareTo(y),
            (decimal x, decimal y) => x.CompareTo(y),
            (long x, long y) => x.CompareTo(y),
            (bool x, bool y) => x.CompareTo(y),
            (string x, string y) => string.CompareOrdinal(x, y),
            _ => string.CompareOrdinal(a.ToString(), b.ToString()),
        };
    }
}
