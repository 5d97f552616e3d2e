using System;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>created_after, started_before, ...: strictly after or before an instant.</summary>
public sealed class TemporalMatcher : Matcher
{
    private readonly FieldSchema _field;
    private readonly bool _after;

    public TemporalMatcher(FieldSchema field, bool after)
    {
        _field = field;
        _after = after;
    }

    public override string Describe => _field.Name + (_after ? " > value" : " < value");

    public override Func<Row, bool>? Bind(string param, string raw, BindContext ctx)
    {
        if (!QueryValues.TryDateTime(raw, out DateTime at))
        {
            ctx.Error(param, "Enter a valid date/time.");
            return null;
        }

        int index = _field.Index;
        return _after
            ? row => row.Values[index] is DateTime d && d > at
            : row => row.Values[index] is DateTime d && d < at;
    }
}
