namespace MergePS.Emulator.Data;

/// <summary>One record: values in the order of its <see cref="ModelSchema"/> fields. Values are
/// string (text, enums, uuids), DateTime (UTC), long, decimal, bool, <see cref="RawJson"/>,
/// <see cref="Row"/> (nested model), object?[] (arrays) or <see cref="Deferred"/>.
/// Rows are never mutated once published in a table snapshot; writes replace them.</summary>
public sealed class Row
{
    public Row(object?[] values, bool shell = false)
    {
        Values = values;
        Shell = shell;
    }

    public object?[] Values { get; }

    /// <summary>Merge's "shell" records: metadata only, hidden unless include_shell_data=true.</summary>
    public bool Shell { get; }

    public string? Id(ModelSchema schema) => schema.Id >= 0 ? Values[schema.Id] as string : null;

    public object? this[int index] => index >= 0 ? Deferred.Resolve(Values[index]) : null;
}

/// <summary>JSON kept as text: free-form objects and values posted by clients.</summary>
public sealed class RawJson
{
    public RawJson(string json) => Json = json;

    public string Json { get; }

    public static readonly RawJson EmptyObject = new("{}");
}

/// <summary>A value computed on first read. Bulky nested arrays (payroll earnings, say) are built
/// from a key only when a page that shows them is written, so 100,000-employee datasets stay small.</summary>
public sealed class Deferred
{
    private readonly System.Func<long, object?> _build;
    private readonly long _key;

    public Deferred(System.Func<long, object?> build, long key)
    {
        _build = build;
        _key = key;
    }

    public object? Value => _build(_key);

    public static object? Resolve(object? value) => value is Deferred d ? d.Value : value;
}
