using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding;

/// <summary>Field positions for a hand-written recipe. Every name asked for is marked handled, so the
/// generic filler completes only the fields the recipe does not know (new catalogue fields, say).
/// A name missing from the catalogue yields -1 and its writes are skipped.</summary>
public sealed class Binder
{
    public Binder(ModelSchema schema)
    {
        Schema = schema;
        Handled = new bool[schema.Slots];
    }

    public ModelSchema Schema { get; }

    public bool[] Handled { get; }

    public int this[string name]
    {
        get
        {
            int index = Schema.IndexOf(name);
            if (index >= 0)
            {
                Handled[index] = true;
            }

            return index;
        }
    }

    public static void Set(Row row, int index, object? value)
    {
        if (index >= 0)
        {
            row.Values[index] = value;
        }
    }
}
