using System;
using System.Collections.Generic;
using System.Linq;
using MergePS.Catalog;
using MergePS.Emulator.Seeding;
using MergePS.Emulator.Seeding.Hris;

namespace MergePS.Emulator.Data;

/// <summary>A category's catalogue resolved for serving: schemas by model name, the models stored
/// as tables, and the seeder that fills them.</summary>
public sealed class CategoryRuntime
{
    private readonly Dictionary<string, Resource> _resourceByModel = new(StringComparer.Ordinal);

    public CategoryRuntime(CategoryCatalog catalog)
    {
        Catalog = catalog;
        var schemas = new Dictionary<string, ModelSchema>(StringComparer.Ordinal);
        Dictionary<(string, string), string> expandable = PlainUuidExpansions(catalog);
        foreach (Model model in catalog.Models)
        {
            schemas[model.Name] = new ModelSchema(Patch(model, expandable));
        }

        Schemas = schemas;
        foreach (Resource resource in catalog.Resources)
        {
            _resourceByModel.TryAdd(resource.Model, resource);
        }

        TableModels = FindTableModels(catalog, schemas);
        Seeder = catalog.Name == "hris" && HrisSeeder.Supports(schemas) ? new HrisSeeder() : new GenericSeeder();
    }

    public CategoryCatalog Catalog { get; }

    public string Name => Catalog.Name;

    public IReadOnlyDictionary<string, ModelSchema> Schemas { get; }

    /// <summary>Models with records of their own: resource models, sub-list results, and every
    /// model an <c>expand:</c> field can point at.</summary>
    public IReadOnlyList<string> TableModels { get; }

    public ICategorySeeder Seeder { get; }

    public ModelSchema? Schema(string? model) => model is not null && Schemas.TryGetValue(model, out ModelSchema? s) ? s : null;

    public Resource? ResourceFor(string model) => _resourceByModel.GetValueOrDefault(model);

    /// <summary>
    /// Fields the spec types as a plain uuid although the operation's expand parameter names them
    /// (accounting Contact.company): they are treated as <c>expand:</c> to the model named like the
    /// field (Company, else the first model starting so: CompanyInfo), so they point at real records
    /// and expand.
    /// </summary>
    private static Dictionary<(string, string), string> PlainUuidExpansions(CategoryCatalog catalog)
    {
        var models = catalog.Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var result = new Dictionary<(string, string), string>();
        foreach (Resource resource in catalog.Resources)
        {
            if (!models.TryGetValue(resource.Model, out Model? model))
            {
                continue;
            }

            foreach (string name in resource.Operations.SelectMany(o => o.Query).Where(p => p.Name == "expand").SelectMany(p => p.Values ?? new List<string>()))
            {
                Field? field = model.Fields.FirstOrDefault(f => f.Name == name);
                if (field is null || field.Type is not ("uuid" or "array:uuid"))
                {
                    continue;
                }

                string pascal = string.Concat(name.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p.Substring(1)));
                string? target = models.ContainsKey(pascal) ? pascal
                    : catalog.Resources.Select(r => r.Model).FirstOrDefault(m => m.StartsWith(pascal, StringComparison.Ordinal));
                if (target is not null)
                {
                    result[(model.Name, name)] = (field.Type.StartsWith("array:", StringComparison.Ordinal) ? "array:expand:" : "expand:") + target;
                }
            }
        }

        return result;
    }

    private static Model Patch(Model model, Dictionary<(string, string), string> expandable)
    {
        if (!model.Fields.Any(f => expandable.ContainsKey((model.Name, f.Name))))
        {
            return model;
        }

        return new Model
        {
            Name = model.Name,
            FreeForm = model.FreeForm,
            Fields = model.Fields.Select(f => expandable.TryGetValue((model.Name, f.Name), out string? type)
                ? new Field
                {
                    Name = f.Name, Type = type, Nullable = f.Nullable, ReadOnly = f.ReadOnly, Required = f.Required,
                    Deprecated = f.Deprecated, Values = f.Values, MaxLength = f.MaxLength,
                }
                : f).ToList(),
        };
    }

    private static IReadOnlyList<string> FindTableModels(CategoryCatalog catalog, Dictionary<string, ModelSchema> schemas)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        void Add(string? model)
        {
            if (model is not null && schemas.ContainsKey(model) && seen.Add(model))
            {
                found.Add(model);
                queue.Enqueue(model);
            }
        }

        foreach (Resource resource in catalog.Resources)
        {
            Add(resource.Model);
            foreach (Operation op in resource.Operations.Where(o => o.Kind is OperationKinds.SubList or OperationKinds.RemoteFieldClasses))
            {
                Add(op.ResponseModel);
            }
        }

        // Follow expand targets, also through nested value models (an address inside a contact).
        var visitedNested = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            Walk(schemas[queue.Dequeue()]);
        }

        void Walk(ModelSchema schema)
        {
            foreach (FieldSchema field in schema.Fields)
            {
                if (field.Kind == FieldKind.Expand)
                {
                    Add(field.Target);
                }
                else if (field.Kind == FieldKind.Model && field.Target is not null && schemas.TryGetValue(field.Target, out ModelSchema? nested) && visitedNested.Add(nested.Name))
                {
                    Walk(nested);
                }
            }
        }

        return found;
    }
}
