using System;
using System.Collections.Generic;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding;

/// <summary>Any category: 30-60 records per model from the catalogue fields alone. Ids for every
/// table are drawn before any field is filled, so relations (in any direction, cycles included)
/// always point at real records.</summary>
public sealed class GenericSeeder : ICategorySeeder
{
    public IDictionary<string, Lazy<Table>> Seed(SeedContext ctx, IReadOnlyList<string> tableModels)
    {
        var sets = Create(ctx, tableModels);
        var result = new Dictionary<string, Lazy<Table>>(StringComparer.Ordinal);
        foreach (var (model, set) in sets)
        {
            ModelSchema schema = ctx.Schemas[model];
            GenericFiller.Fill(ctx, schema, set.All, null);
            result[model] = new Lazy<Table>(new Table(schema, set.All));
        }

        DownloadRequestMetas(ctx, result);
        AssociationTypeClasses(ctx, result);
        return result;
    }

    /// <summary>CRM association types belong to the custom object class their source_object_class names.</summary>
    private static void AssociationTypeClasses(SeedContext ctx, Dictionary<string, Lazy<Table>> tables)
    {
        if (!tables.TryGetValue("AssociationType", out Lazy<Table>? types) || !tables.ContainsKey("CustomObjectClass"))
        {
            return;
        }

        int field = types.Value.Schema.IndexOf("source_object_class");
        string[] classes = ctx.IdsOf("CustomObjectClass");
        if (field < 0 || classes.Length == 0)
        {
            return;
        }

        Rng rng = ctx.RngFor("AssociationType", "classes");
        foreach (Row row in types.Value.Current.Rows)
        {
            if (!row.Shell)
            {
                row.Values[field] = new RawJson("{\"id\":\"" + rng.Pick(classes) + "\",\"origin_type\":\"CUSTOM_OBJECT\"}");
            }
        }
    }

    /// <summary>Download request metadata exists per file: same id, a URL that downloads it here.</summary>
    private static void DownloadRequestMetas(SeedContext ctx, Dictionary<string, Lazy<Table>> tables)
    {
        if (ctx.Schema("DownloadRequestMeta") is not { } schema || !tables.TryGetValue("File", out Lazy<Table>? files) || !tables.ContainsKey(schema.Name))
        {
            return;
        }

        ModelSchema fileSchema = files.Value.Schema;
        var rows = new List<Row>();
        foreach (Row file in files.Value.Current.Rows)
        {
            if (file.Shell || file.Values[fileSchema.RemoteWasDeleted < 0 ? fileSchema.Id : fileSchema.RemoteWasDeleted] is true)
            {
                continue;
            }

            var values = new object?[schema.Slots];
            values[schema.Id] = file.Values[fileSchema.Id];
            RowFactory.Set(values, schema.IndexOf("url"), Program.BaseUrl + "/api/" + ctx.DataKey.Split('-')[0] + "/v1/files/" + file.Values[fileSchema.Id] + "/download");
            RowFactory.Set(values, schema.IndexOf("method"), "GET");
            RowFactory.Set(values, schema.IndexOf("headers"), RawJson.EmptyObject);
            rows.Add(new Row(values));
        }

        tables[schema.Name] = new Lazy<Table>(new Table(schema, rows.ToArray()));
    }

    /// <summary>Phase one: records with ids and timestamps only, registered for relations.</summary>
    public static List<(string Model, RowSet Rows)> Create(SeedContext ctx, IEnumerable<string> models)
    {
        var sets = new List<(string, RowSet)>();
        foreach (string model in models)
        {
            if (!ctx.Schemas.TryGetValue(model, out ModelSchema? schema))
            {
                continue;
            }

            Rng rng = ctx.RngFor(model, "rows");
            int count = rng.Between(30, 60);
            RowSet set = RowFactory.Create(schema, rng, ctx.Anchor, count, Math.Max(1, (int)Math.Round(count * 0.02)), 1);
            ctx.RegisterIds(model, set.All);
            sets.Add((model, set));
        }

        return sets;
    }
}
