using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>Equality with a field; a comma list means "any of"; an array field means "contains".</summary>
public sealed class EqualsMatcher : Matcher
{
    private readonly FieldSchema _field;
    private readonly bool _list;

    public EqualsMatcher(FieldSchema field, bool list)
    {
        _field = field;
        _list = list;
    }

    public override bool AcceptsList => _list;

    public override string Describe => _field.Name + (_field.IsArray ? (_list ? " contains any of value (comma list)" : " contains value") : _list ? " in value (comma list)" : " = value")
        + (_field.Kind == FieldKind.Enum ? " (case-sensitive)" : string.Empty);

    public override Func<Row, bool>? Bind(string param, string raw, BindContext ctx)
    {
        string[] texts = _list ? QueryValues.List(raw) : new[] { raw };
        if (texts.Length == 0)
        {
            return null;
        }

        var wanted = new HashSet<object>();
        foreach (string text in texts)
        {
            object? value = Parse(text);
            if (value is null && _field.Kind == FieldKind.Bool)
            {
                return null;
            }

            if (value is not null)
            {
                wanted.Add(value);
            }
        }

        int index = _field.Index;
        if (_field.IsArray)
        {
            return row => row.Values[index] is object?[] items && items.Any(item => item is not null && wanted.Contains(item));
        }

        return row => row.Values[index] is { } v && wanted.Contains(v);
    }

    private object? Parse(string text) => _field.Kind switch
    {
        FieldKind.Bool => QueryValues.Bool(text) is bool b ? b : null,
        FieldKind.Int => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) ? l : text,
        FieldKind.Number => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal m) ? m : text,
        FieldKind.DateTime or FieldKind.Date => QueryValues.TryDateTime(text, out DateTime d) ? d : text,
        _ => text,
    };
}
