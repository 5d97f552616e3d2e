using System;
using System.Collections.Generic;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding;

/// <summary>Relations between generated records: <c>expand:X</c> fields, and uuid fields named
/// after a model, hold ids of real X records.</summary>
public static class Relations
{
    /// <summary>uuid fields whose name does not say which model they point at.</summary>
    private static readonly Dictionary<(string Model, string Field), string> Named = new()
    {
        [("CustomObject", "object_class")] = "CustomObjectClass",
        [("Association", "source_object")] = "CustomObject",
        [("Association", "target_object")] = "CustomObject",
    };

    /// <summary>The model a uuid field of <paramref name="model"/> points at: the table above, else by its name.</summary>
    public static string? ModelNamed(string model, string name) =>
        Named.TryGetValue((model, name), out string? target) ? target : ModelNamed(name);

    /// <summary>A uuid field named after a model (conversation_id, root_message_id, tracking_categories)
    /// holds ids of that model, dropping leading words until a model matches.</summary>
    public static string? ModelNamed(string name)
    {
        string stem = name.EndsWith("_id", StringComparison.Ordinal) ? name[..^3] : name.EndsWith("_ids", StringComparison.Ordinal) ? name[..^4] : name;
        string[] words = stem.Split('_', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || name is "id" or "remote_id")
        {
            return null;
        }

        string last = words[^1];
        words[^1] = last.EndsWith("ies", StringComparison.Ordinal) ? last[..^3] + "y" : last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal) ? last[..^1] : last;
        return string.Concat(Array.ConvertAll(words, ValueFactory.Capitalize));
    }

    /// <summary>A relation to a real record; parent/root links are often empty (top of a tree).</summary>
    public static object? Pick(GenContext g, FieldSchema field, string target)
    {
        for (string candidate = target; candidate.Length > 0; candidate = DropFirstWord(candidate))
        {
            if (g.Seed.Schema(candidate) is not null)
            {
                if (field.Nullable && (field.Name.Contains("parent", StringComparison.Ordinal) || field.Name.Contains("root", StringComparison.Ordinal)) && g.Rng.Chance(0.5))
                {
                    return null;
                }

                return PickOne(g, candidate) ?? (field.Kind == FieldKind.Uuid ? g.Rng.Uuid() : null);
            }
        }

        return field.Kind == FieldKind.Uuid ? g.Rng.Uuid() : null;
    }

    private static string DropFirstWord(string pascal)
    {
        for (int i = 1; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]))
            {
                return pascal.Substring(i);
            }
        }

        return string.Empty;
    }

    private static object? PickOne(GenContext g, string target)
    {
        string[] ids = g.Seed.IdsOf(target);
        return ids.Length == 0 ? null : g.Rng.Pick(ids);
    }

    public static object?[] PickMany(GenContext g, string target)
    {
        string[] ids = g.Seed.IdsOf(target);
        if (ids.Length == 0)
        {
            return Array.Empty<object?>();
        }

        int count = Math.Min(ids.Length, g.Rng.Between(1, 3));
        var picked = new object?[count];
        int start = g.Rng.Next(ids.Length);
        for (int i = 0; i < count; i++)
        {
            picked[i] = ids[(start + (i * 7)) % ids.Length];
        }

        return count > 1 && picked[0] == picked[1] ? new[] { picked[0] } : picked;
    }
}
