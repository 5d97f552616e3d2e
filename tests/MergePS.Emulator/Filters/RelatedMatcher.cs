using System;
using System.Collections.Generic;
using System.Linq;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>A parameter about a related record: employees?job_title=X keeps employees with an
/// employment whose job_title is X.</summary>
public sealed class RelatedMatcher : Matcher
{
    private readonly FieldSchema _via;
    private readonly Matcher _inner;

    public RelatedMatcher(FieldSchema via, Matcher inner)
    {
        _via = via;
        _inner = inner;
    }

    public override string Describe => "has " + _via.Name + " (" + _via.Target + ") where " + _inner.Describe;

    public override Func<Row, bool>? Bind(string param, string raw, BindContext ctx)
    {
        Func<Row, bool>? inner = _inner.Bind(param, raw, ctx);
        Table? table = _via.Target is null ? null : ctx.Data.Table(_via.Target);
        if (inner is null || table is null)
        {
            return null;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        int id = table.Schema.Id;
        foreach (Row row in table.Current.Rows)
        {
            if (inner(row) && row.Values[id] is string s)
            {
                ids.Add(s);
            }
        }

        int index = _via.Index;
        return row => row.Values[index] switch
        {
            string s => ids.Contains(s),
            object?[] items => items.Any(i => i is string s && ids.Contains(s)),
            _ => false,
        };
    }
}
