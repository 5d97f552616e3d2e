using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace MergePS.Catalog;

/// <summary>Every category's catalogue, loaded from <c>catalog/*.json</c>, with the naming rule.</summary>
public sealed class CatalogSet
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    /// <summary>The order categories are listed in everywhere (HRIS first: its nouns are bare).</summary>
    public static readonly IReadOnlyList<string> CategoryOrder = new[]
    {
        "hris", "ats", "accounting", "ticketing", "crm", "filestorage", "knowledgebase", "chat", "calendar", "email",
    };

    public IReadOnlyList<CategoryCatalog> Categories { get; }

    public CatalogSet(IEnumerable<CategoryCatalog> categories)
    {
        Categories = categories
            .OrderBy(c => IndexOf(c.Name))
            .ToList();
    }

    public static CatalogSet Load(string directory)
    {
        var categories = new List<CategoryCatalog>();
        foreach (string file in Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            if (Path.GetFileName(file).StartsWith("_", StringComparison.Ordinal))
            {
                continue;
            }

            using FileStream stream = File.OpenRead(file);
            CategoryCatalog category = JsonSerializer.Deserialize<CategoryCatalog>(stream, JsonOptions)
                ?? throw new InvalidDataException($"{file} is empty.");
            categories.Add(category);
        }

        return new CatalogSet(categories);
    }

    /// <summary>Folder, under the catalogue folder, of the cross-category ("platform") catalogue. It is
    /// kept apart so that <see cref="Load"/>, which reads the top level only, never takes it for a category.</summary>
    public const string PlatformFolder = "platform";

    /// <summary>The platform catalogue (<c>platform/platform.json</c>): operations whose paths carry the
    /// category as the <c>{category}</c> placeholder, and their models. Null when the file is absent.</summary>
    public static CategoryCatalog? LoadPlatform(string directory)
    {
        string file = Path.Combine(directory, PlatformFolder, "platform.json");
        if (!File.Exists(file))
        {
            return null;
        }

        using FileStream stream = File.OpenRead(file);
        return JsonSerializer.Deserialize<CategoryCatalog>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{file} is empty.");
    }

    public CategoryCatalog this[string name] => Categories.Single(c => c.Name == name);

    /// <summary>
    /// The cmdlet noun (without the <c>Merge</c> prefix) for a resource. HRIS nouns are bare; a noun of
    /// another category is bare unless another category has a resource with the same noun, in which
    /// case it carries its category (<c>CrmAccount</c>, <c>AccountingEmployee</c>).
    /// </summary>
    public string CmdletNoun(CategoryCatalog category, Resource resource)
    {
        if (category.Name == "hris")
        {
            return resource.Noun;
        }

        bool clashes = Categories.Any(other => other.Name != category.Name
            && other.Resources.Any(r => r.Noun == resource.Noun));
        return clashes ? category.Pascal + resource.Noun : resource.Noun;
    }

    private static int IndexOf(string name)
    {
        int index = -1;
        for (int i = 0; i < CategoryOrder.Count; i++)
        {
            if (CategoryOrder[i] == name)
            {
                index = i;
            }
        }

        return index < 0 ? int.MaxValue : index;
    }
}
