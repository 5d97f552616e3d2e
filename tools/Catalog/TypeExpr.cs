using System;

namespace MergePS.Catalog;

/// <summary>
/// The catalogue's compact type grammar:
/// <c>string | uuid | datetime | date | int | number | bool | email | uri | object | any | enum |
/// model:Name | expand:Name | array:T</c>.
/// <c>object</c> is a map with free-form keys, <c>any</c> is any JSON value, <c>enum</c> is a string
/// whose known values are listed beside it, <c>expand:Name</c> is a UUID that <c>?expand=</c> turns
/// into the model <c>Name</c>.
/// </summary>
public sealed record TypeExpr(string Kind, string? Target = null, TypeExpr? Item = null)
{
    public const string String = "string";
    public const string Uuid = "uuid";
    public const string DateTime = "datetime";
    public const string Date = "date";
    public const string Int = "int";
    public const string Number = "number";
    public const string Bool = "bool";
    public const string Email = "email";
    public const string Uri = "uri";
    public const string Object = "object";
    public const string Any = "any";
    public const string Enum = "enum";
    public const string ModelKind = "model";
    public const string Expand = "expand";
    public const string Array = "array";

    public static TypeExpr Parse(string text)
    {
        if (text.StartsWith("array:", StringComparison.Ordinal))
        {
            return new TypeExpr(Array, Item: Parse(text.Substring("array:".Length)));
        }

        int colon = text.IndexOf(':');
        if (colon > 0)
        {
            string kind = text.Substring(0, colon);
            if (kind is not (ModelKind or Expand))
            {
                throw new FormatException($"Unknown type expression '{text}'.");
            }

            return new TypeExpr(kind, Target: text.Substring(colon + 1));
        }

        return text switch
        {
            String or Uuid or DateTime or Date or Int or Number or Bool or Email or Uri or Object or Any or Enum
                => new TypeExpr(text),
            _ => throw new FormatException($"Unknown type expression '{text}'."),
        };
    }

    public bool IsArray => Kind == Array;

    /// <summary>The element type for arrays, the type itself otherwise.</summary>
    public TypeExpr Element => Item ?? this;

    public override string ToString() => Kind switch
    {
        Array => "array:" + Item,
        ModelKind or Expand => Kind + ":" + Target,
        _ => Kind,
    };
}
