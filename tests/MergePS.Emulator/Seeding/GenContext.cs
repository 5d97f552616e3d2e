using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding;

/// <summary>The record being filled: earlier fields are visible so later ones can agree with them
/// (an email built from the name, an end after the start).</summary>
public sealed class GenContext
{
    public GenContext(SeedContext seed, Rng rng)
    {
        Seed = seed;
        Rng = rng;
    }

    public SeedContext Seed { get; }

    public Rng Rng { get; }

    public ModelSchema Schema { get; set; } = null!;

    public object?[] Values { get; set; } = System.Array.Empty<object?>();

    /// <summary>Position of the record in its table; keeps generated emails and numbers unique.</summary>
    public int Ordinal { get; set; }

    /// <summary>Nesting depth of value models, to stop recursive models.</summary>
    public int Depth { get; set; }

    public string? Text(string field)
    {
        int index = Schema.IndexOf(field);
        return index >= 0 ? Values[index] as string : null;
    }
}
