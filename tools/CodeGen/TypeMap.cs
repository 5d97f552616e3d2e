using System.Collections.Generic;
using MergePS.Catalog;

namespace MergePS.CodeGen;

/// <summary>Maps catalogue type expressions to C# property types of one category's models.</summary>
internal sealed class TypeMap
{
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string Map = "global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>";

    private readonly CategoryCatalog _category;
    private readonly Dictionary<string, Model> _models = new();

    public TypeMap(CategoryCatalog category)
    {
        _category = category;
        foreach (Model model in category.Models)
        {
            _models[model.Name] = model;
        }
    }

    public string Namespace => "MergePS." + _category.Pascal;

    public bool IsClass(string modelName) => _models.TryGetValue(modelName, out Model? m) && !m.FreeForm;

    public string ClassName(string modelName) => "global::" + Namespace + "." + modelName;

    /// <summary>The property type, nullable, plus the converter attribute it needs, if any.</summary>
    public (string Type, string? Converter) Property(TypeExpr type)
    {
        if (type.IsArray)
        {
            TypeExpr item = type.Element;
            if (item.Kind == TypeExpr.Expand && IsClass(item.Target!))
            {
                return ("global::System.Collections.Generic.IReadOnlyList<object>?",
                    $"global::MergePS.Json.ExpandableListConverter<{ClassName(item.Target!)}>");
            }

            return ($"global::System.Collections.Generic.IReadOnlyList<{Element(item)}>?", null);
        }

        if (type.Kind == TypeExpr.Expand && IsClass(type.Target!))
        {
            return ("object?", $"global::MergePS.Json.ExpandableConverter<{ClassName(type.Target!)}>");
        }

        return (Scalar(type) + "?", null);
    }

    private string Element(TypeExpr item)
    {
        if (item.IsArray)
        {
            return $"global::System.Collections.Generic.IReadOnlyList<{Element(item.Element)}>";
        }

        // Array items may be null on the wire; reference types tolerate that, value types are made nullable.
        string scalar = Scalar(item);
        return scalar is "string" or JsonElement or Map || scalar.StartsWith("global::MergePS.", System.StringComparison.Ordinal)
            ? scalar
            : scalar + "?";
    }

    private string Scalar(TypeExpr type) => type.Kind switch
    {
        TypeExpr.String or TypeExpr.Uuid or TypeExpr.Email or TypeExpr.Uri or TypeExpr.Enum or TypeExpr.Date => "string",
        TypeExpr.DateTime => "global::System.DateTimeOffset",
        TypeExpr.Int => "long",
        TypeExpr.Number => "decimal",
        TypeExpr.Bool => "bool",
        TypeExpr.Object => Map,
        TypeExpr.ModelKind => IsClass(type.Target!) ? ClassName(type.Target!) : Map,
        // An expandable whose target is not modelled still arrives as an id string.
        TypeExpr.Expand => "string",
        _ => JsonElement,
    };
}
