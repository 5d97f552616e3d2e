using System;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding;

/// <summary>Chooses a plausible generator for a field from its type and name (emails look like
/// emails, due dates lie ahead, <c>expand:X</c> points at a real X).</summary>
public static class ValueFactory
{
    public static Func<GenContext, object?>? For(ModelSchema model, FieldSchema field)
    {
        Func<GenContext, object?>? element = Element(model, field);
        if (element is null)
        {
            return null;
        }

        if (!field.IsArray)
        {
            return element;
        }

        if (field.Kind == FieldKind.Expand || field.Kind == FieldKind.Uuid && Relations.ModelNamed(model.Name, field.Name) is not null)
        {
            string target = field.Kind == FieldKind.Expand ? field.Target! : Relations.ModelNamed(model.Name, field.Name)!;
            return g => g.Seed.Schema(target) is null ? System.Array.Empty<object?>() : Relations.PickMany(g, target);
        }

        return g =>
        {
            int count = g.Rng.Between(1, 2);
            var items = new object?[count];
            for (int i = 0; i < count; i++)
            {
                items[i] = element(g);
            }

            return items;
        };
    }

    private static Func<GenContext, object?>? Element(ModelSchema model, FieldSchema field)
    {
        string name = field.Name;
        switch (field.Kind)
        {
            case FieldKind.Bool:
                return g => Boxes.Of(g.Rng.Chance(name.StartsWith("is_", StringComparison.Ordinal) ? 0.3 : 0.5));
            case FieldKind.Int:
                return Int(name);
            case FieldKind.Number:
                return Number(name);
            case FieldKind.DateTime:
            case FieldKind.Date:
                return Temporal(name, field.Kind == FieldKind.Date);
            case FieldKind.Enum:
                string[] values = field.Values ?? new[] { "OTHER" };
                return g => g.Rng.Pick(values);
            case FieldKind.Email:
                return g => TextValues.Email(g);
            case FieldKind.Uri:
                return Uri(name);
            case FieldKind.Uuid:
                return Relations.ModelNamed(model.Name, name) is { } related ? g => Relations.Pick(g, field, related) : g => g.Rng.Uuid();
            case FieldKind.Expand:
                string target = field.Target!;
                return g => Relations.Pick(g, field, target);
            case FieldKind.Model:
                string nested = field.Target!;
                return g => GenericFiller.Nested(g, nested);
            case FieldKind.Object:
                return name == "field_mappings" ? _ => RowFactory.EmptyFieldMappings : _ => RawJson.EmptyObject;
            case FieldKind.Any:
                return g => new RawJson("\"" + g.Rng.Pick(Pools.Words) + "\"");
            default:
                return TextValues.For(model, name);
        }
    }

    private static Func<GenContext, object?> Int(string name)
    {
        if (name.Contains("year", StringComparison.Ordinal))
        {
            return g => (long)g.Rng.Between(2020, 2026);
        }

        if (name.Contains("size", StringComparison.Ordinal))
        {
            return g => (long)g.Rng.Between(1024, 5_000_000);
        }

        return g => (long)g.Rng.Between(1, 100);
    }

    private static Func<GenContext, object?> Number(string name)
    {
        if (name.Contains("rate", StringComparison.Ordinal) || name.Contains("percent", StringComparison.Ordinal))
        {
            return g => g.Rng.Money(0, 25);
        }

        if (name.Contains("quantity", StringComparison.Ordinal) || name.Contains("hours", StringComparison.Ordinal))
        {
            return g => (decimal)g.Rng.Between(1, 40);
        }

        if (name.Contains("probability", StringComparison.Ordinal))
        {
            return g => (decimal)(g.Rng.Between(1, 10) * 10);
        }

        return g => g.Rng.Money(10, 10_000);
    }

    private static Func<GenContext, object?> Temporal(string name, bool dateOnly)
    {
        int fromDays;
        int toDays;
        if (name.Contains("birth", StringComparison.Ordinal))
        {
            (fromDays, toDays) = (-365 * 65, -365 * 20);
        }
        else if (name.Contains("due", StringComparison.Ordinal) || name.Contains("end", StringComparison.Ordinal)
            || name.Contains("expir", StringComparison.Ordinal) || name.Contains("close", StringComparison.Ordinal)
            || name.Contains("next", StringComparison.Ordinal) || name.Contains("expected", StringComparison.Ordinal))
        {
            (fromDays, toDays) = (-90, 180);
        }
        else
        {
            (fromDays, toDays) = (-700, -1);
        }

        return g =>
        {
            DateTime value = g.Seed.Anchor.AddDays(g.Rng.Between(fromDays, toDays));
            return dateOnly ? value.Date : value.AddSeconds(g.Rng.Between(8 * 3600, 18 * 3600));
        };
    }

    private static Func<GenContext, object?> Uri(string name)
    {
        if (name.Contains("avatar", StringComparison.Ordinal) || name.Contains("image", StringComparison.Ordinal)
            || name.Contains("logo", StringComparison.Ordinal) || name.Contains("photo", StringComparison.Ordinal))
        {
            return g => "https://images.example.com/" + g.Rng.Pick(Pools.Words) + "/" + g.Ordinal + ".png";
        }

        return g => "https://" + g.Rng.Pick(Pools.Domains) + "/" + g.Rng.Pick(Pools.Words) + "/" + g.Ordinal;
    }

    public static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);
}
