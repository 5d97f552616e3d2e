using System.Text.Json;
using MergePS.Catalog;

namespace MergePS.Emulator.Data;

/// <summary>One catalogue field, resolved once so that generation, filtering and serialization never
/// parse type expressions per record.</summary>
public sealed class FieldSchema
{
    public FieldSchema(Field field, int index)
    {
        Name = field.Name;
        EncodedName = JsonEncodedText.Encode(field.Name);
        Index = index;
        Type = TypeExpr.Parse(field.Type);
        IsArray = Type.IsArray;
        TypeExpr element = Type.Element;
        Kind = KindOf(element.Kind);
        Target = element.Target;
        Values = field.Values is { Count: > 0 } ? field.Values.ToArray() : null;
        Nullable = field.Nullable;
        ReadOnly = field.ReadOnly;
        Required = field.Required;
        MaxLength = field.MaxLength;
    }

    public string Name { get; }

    public JsonEncodedText EncodedName { get; }

    public int Index { get; }

    public TypeExpr Type { get; }

    public bool IsArray { get; }

    public FieldKind Kind { get; }

    /// <summary>Model name for <c>model:</c> and <c>expand:</c> kinds.</summary>
    public string? Target { get; }

    public string[]? Values { get; }

    public bool Nullable { get; }

    public bool ReadOnly { get; }

    public bool Required { get; }

    public int? MaxLength { get; }

    public bool IsExpand => Kind == FieldKind.Expand;

    public bool IsTemporal => Kind is FieldKind.DateTime or FieldKind.Date;

    /// <summary>The value a field holds in a shell or ignored record: null where the spec allows it.</summary>
    public object? EmptyValue => Nullable ? null : IsArray ? System.Array.Empty<object?>() : Kind == FieldKind.Bool ? Boxes.False : null;

    private static FieldKind KindOf(string kind) => kind switch
    {
        TypeExpr.String => FieldKind.String,
        TypeExpr.Uuid => FieldKind.Uuid,
        TypeExpr.DateTime => FieldKind.DateTime,
        TypeExpr.Date => FieldKind.Date,
        TypeExpr.Int => FieldKind.Int,
        TypeExpr.Number => FieldKind.Number,
        TypeExpr.Bool => FieldKind.Bool,
        TypeExpr.Email => FieldKind.Email,
        TypeExpr.Uri => FieldKind.Uri,
        TypeExpr.Object => FieldKind.Object,
        TypeExpr.Any => FieldKind.Any,
        TypeExpr.Enum => FieldKind.Enum,
        TypeExpr.ModelKind => FieldKind.Model,
        TypeExpr.Expand => FieldKind.Expand,
        _ => FieldKind.Any,
    };
}

/// <summary>Shared boxes so that millions of generated booleans do not each allocate.</summary>
public static class Boxes
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Of(bool value) => value ? True : False;
}
