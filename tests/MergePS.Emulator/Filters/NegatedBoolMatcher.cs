using System;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>A boolean that is the opposite of a field (is_common_model_field is "not is_custom").</summary>
public sealed class NegatedBoolMatcher : Matcher
{
    private readonly FieldSchema _field;

    public NegatedBoolMatcher(FieldSchema field) => _field = field;

    public override string Describe => _field.Name + " = not value";

    public override Func<Row, bool>? Bind(string param, string raw, BindContext ctx)
    {
        if (QueryValues.Bool(raw) is not bool wanted)
        {
            return null;
        }

        int index = _field.Index;
        return row => row.Values[index] is bool b && b == !wanted;
    }
}
