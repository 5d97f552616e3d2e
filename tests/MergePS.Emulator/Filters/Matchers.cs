using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>Per-request inputs for turning a query value into a row predicate.</summary>
public sealed class BindContext
{
    public BindContext(AccountData data) => Data = data;

    public AccountData Data { get; }

    /// <summary>Validation errors in DRF's shape: parameter name to messages.</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public void Error(string param, string message)
    {
        if (!Errors.TryGetValue(param, out List<string>? list))
        {
            Errors[param] = list = new List<string>();
        }

        list.Add(message);
    }
}

/// <summary>How one query parameter selects rows of one model. <see cref="Describe"/> is what
/// /_emulator/filters shows.</summary>
public abstract class Matcher
{
    public abstract string Describe { get; }

    /// <summary>True when the value is a comma list, so repeated parameters can be joined.</summary>
    public virtual bool AcceptsList => false;

    /// <summary>A predicate for the raw value; null when the value means "no filter".</summary>
    public abstract Func<Row, bool>? Bind(string param, string raw, BindContext ctx);
}

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

/// <summary>A value found in a nested object list, e.g. email_addresses=a@x.com on a contact whose
/// email_addresses hold {"email_address": "a@x.com", ...}.</summary>
public sealed class NestedTextMatcher : Matcher
{
    private readonly FieldSchema _field;

    public NestedTextMatcher(FieldSchema field) => _field = field;

    public override bool AcceptsList => true;

    public override string Describe => _field.Name + "[*] has a text field in value (comma list)";

    public override Func<Row, bool>? Bind(string param, string raw, BindContext ctx)
    {
        var wanted = new HashSet<string>(QueryValues.List(raw), StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return null;
        }

        int index = _field.Index;
        return row => Deferred.Resolve(row.Values[index]) switch
        {
            object?[] items => items.Any(i => i is Row r && r.Values.Any(v => v is string s && wanted.Contains(s))),
            Row r => r.Values.Any(v => v is string s && wanted.Contains(s)),
            _ => false,
        };
    }
}

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

/// <summary>A parameter about the record with the same id in another model: download request
/// metadata is filtered by its file's mime type and timestamps.</summary>
public sealed class SameIdMatcher : Matcher
{
    private readonly string _model;
    private readonly Matcher _inner;
    private readonly int _id;

    public SameIdMatcher(string model, Matcher inner, int idIndex)
    {
        _model = model;
        _inner = inner;
        _id = idIndex;
    }

    public override bool AcceptsList => _inner.AcceptsList;

    public override string Describe => "the " + _model + " with the same id has " + _inner.Describe;

    public override Func<Row, bool>? Bind(string param, string raw, BindContext ctx)
    {
        Func<Row, bool>? inner = _inner.Bind(param, raw, ctx);
        Table? table = ctx.Data.Table(_model);
        if (inner is null || table is null)
        {
            return null;
        }

        int index = _id;
        return row => row.Values[index] is string id && table.Find(id) is { } other && inner(other);
    }
}

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

/// <summary>Accepted and deliberately without effect (documented in the override table).</summary>
public sealed class NoOpMatcher : Matcher
{
    private readonly string _why;

    public NoOpMatcher(string why) => _why = why;

    public override string Describe => "no effect: " + _why;

    public override Func<Row, bool>? Bind(string param, string raw, BindContext ctx) => null;
}
