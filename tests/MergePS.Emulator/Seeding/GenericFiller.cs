using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding;

/// <summary>Fills fields from their catalogue type and name. Plans are built once per model (a list
/// of per-field generators), so filling a record is a loop of delegate calls, no reflection.</summary>
public static class GenericFiller
{
    private static readonly ConcurrentDictionary<ModelSchema, Plan> FullPlans = new();

    /// <summary>Fills every field not marked in <paramref name="handled"/> on the non-shell rows.</summary>
    public static void Fill(SeedContext seed, ModelSchema schema, IReadOnlyList<Row> rows, bool[]? handled, string part = "generic")
    {
        Plan plan = handled is null ? PlanFor(schema) : Plan.Build(schema, handled);
        if (plan.Steps.Length == 0)
        {
            return;
        }

        var gen = new GenContext(seed, seed.RngFor(schema.Name, part)) { Schema = schema };
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Shell)
            {
                continue;
            }

            gen.Values = rows[i].Values;
            gen.Ordinal = i;
            plan.Run(gen);
        }
    }

    /// <summary>A nested value model (an address, a phone number) as a row of its own schema.</summary>
    public static Row? Nested(GenContext outer, string model)
    {
        ModelSchema? schema = outer.Seed.Schema(model);
        if (schema is null || outer.Depth >= 2)
        {
            return null;
        }

        var values = new object?[schema.Slots];
        var inner = new GenContext(outer.Seed, outer.Rng) { Schema = schema, Values = values, Ordinal = outer.Ordinal, Depth = outer.Depth + 1 };
        if (schema.Id >= 0)
        {
            DateTime created = outer.Values.Length > 0 && outer.Schema.CreatedAt >= 0 && outer.Values[outer.Schema.CreatedAt] is DateTime c ? c : outer.Seed.Anchor;
            Row baseRow = RowFactory.NewRow(schema, outer.Rng.Uuid(), outer.Rng.Digits(7), created, created, false);
            Array.Copy(baseRow.Values, values, values.Length);
        }

        PlanFor(schema).Run(inner);
        return new Row(values);
    }

    /// <summary>One object of any model, for responses that are not stored records (bulk status,
    /// download metadata). Deterministic per key.</summary>
    public static Row Standalone(SeedContext seed, ModelSchema schema, string key)
    {
        Rng rng = seed.RngFor(schema.Name, key);
        DateTime at = RowFactory.Second(seed.Anchor.AddHours(-rng.Between(1, 240)));
        Row row = RowFactory.NewRow(schema, rng.Uuid(), rng.Digits(8), at, at, false);
        var gen = new GenContext(seed, rng) { Schema = schema, Values = row.Values };
        PlanFor(schema).Run(gen);
        return row;
    }

    private static Plan PlanFor(ModelSchema schema) => FullPlans.GetOrAdd(schema, s => Plan.Build(s, new bool[s.Slots]));

    private sealed class Plan
    {
        private Plan(Step[] steps) => Steps = steps;

        public Step[] Steps { get; }

        public static Plan Build(ModelSchema schema, bool[] handled)
        {
            var steps = new List<Step>();
            foreach (FieldSchema field in schema.Fields)
            {
                if (handled[field.Index] || IsBase(schema, field.Index))
                {
                    continue;
                }

                Func<GenContext, object?>? make = ValueFactory.For(schema, field);
                if (make is not null)
                {
                    steps.Add(new Step(field.Index, make));
                }
            }

            // Names before the fields derived from them (emails, usernames, display names).
            steps.Sort((a, b) =>
            {
                int c = Rank(schema.Fields[a.Index].Name).CompareTo(Rank(schema.Fields[b.Index].Name));
                return c != 0 ? c : a.Index.CompareTo(b.Index);
            });
            return new Plan(steps.ToArray());
        }

        public void Run(GenContext gen)
        {
            foreach (Step step in Steps)
            {
                gen.Values[step.Index] = step.Make(gen);
            }
        }

        private static bool IsBase(ModelSchema s, int index) =>
            index == s.Id || index == s.RemoteId || index == s.CreatedAt || index == s.ModifiedAt
            || index == s.RemoteWasDeleted || index == s.FieldMappings || index == s.RemoteData;

        private static int Rank(string name) => name is "first_name" or "last_name" or "name" or "middle_name" ? 0 : 1;
    }

    private sealed record Step(int Index, Func<GenContext, object?> Make);
}
