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
        foreach (Model model in catalog.Models)
        {
            schemas[model.Name] = new ModelSchema(model);
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
