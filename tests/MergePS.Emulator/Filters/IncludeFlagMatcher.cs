using System;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>An include_x flag: rows whose boolean field is true are hidden unless the flag is true
/// (include_cancelled on calendar events). Applies when the parameter is absent too.</summary>
public sealed class IncludeFlagMatcher : Matcher
{
    private readonly FieldSchema _field;

    public IncludeFlagMatcher(FieldSchema field) => _field = field;

    public override string Describe => "rows with " + _field.Name + " = true hidden unless value is true";

    public override string? DefaultValue => "false";

    public override Func<Row, bool>? Bind(string param, string raw, BindContext ctx)
    {
        if (QueryValues.Flag(raw))
        {
            return null;
        }

        int index = _field.Index;
        return row => row.Values[index] is not true;
    }
}
