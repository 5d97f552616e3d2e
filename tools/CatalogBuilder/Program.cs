using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MergePS.Catalog;

namespace MergePS.CatalogBuilder;

/// <summary>
/// <c>dotnet run --project tools/CatalogBuilder -- --specs &lt;spec folder&gt; --out &lt;catalog folder&gt; [--reference &lt;merge-api.md&gt;] [--check] [--notes]</c>
/// <list type="bullet">
/// <item>Writes <c>&lt;out&gt;/&lt;category&gt;.json</c> for every category with a spec, and for Calendar and Email
/// from the reference catalogue (<c>--reference</c>, by default <c>&lt;specs&gt;/../reference/merge-api.md</c>).</item>
/// <item>Writes <c>&lt;out&gt;/platform/platform.json</c>: the cross-category operations, once.</item>
/// <item><c>--check</c> writes nothing; prints the files that would change and exits 1 if any would.</item>
/// <item><c>--notes</c> also prints every schema quirk met on the way.</item>
/// </list>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string? specs = null;
        string? output = null;
        string? referencePath = null;
        bool check = false;
        bool notes = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--specs" when i + 1 < args.Length:
                    specs = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--reference" when i + 1 < args.Length:
                    referencePath = args[++i];
                    break;
                case "--check":
                    check = true;
                    break;
                case "--notes":
                    notes = true;
                    break;
                default:
                    return Usage($"Unknown or incomplete argument '{args[i]}'.");
            }
        }

        if (specs is null || output is null)
        {
            return Usage("--specs and --out are required.");
        }

        if (!Directory.Exists(specs))
        {
            return Usage($"Spec folder '{specs}' does not exist.");
        }

        referencePath ??= Path.Combine(specs, ReferenceCategory.DefaultPath);
        if (!File.Exists(referencePath))
        {
            Console.Error.WriteLine($"error: {referencePath} not found (the reference catalogue Calendar and Email are built from; see --reference).");
            return 2;
        }

        var quirks = new List<string>();
        var differing = new List<string>();
        var summary = new StringBuilder();
        summary.AppendLine("category       resources  ops  (reference: resources, common-model endpoints)  from docs export  by kind");
        foreach (CategorySource source in CategorySource.All)
        {
            string specPath = Path.Combine(specs, source.File);
            if (!File.Exists(specPath))
            {
                Console.Error.WriteLine($"error: {specPath} not found.");
                return 2;
            }

            YMap? supplement = null;
            if (source.Supplement is not null)
            {
                string supplementPath = Path.Combine(specs, source.Supplement);
                if (!File.Exists(supplementPath))
                {
                    Console.Error.WriteLine($"error: {supplementPath} not found.");
                    return 2;
                }

                supplement = YamlTree.Load(supplementPath);
            }

            var builder = new CategoryBuilder(source, YamlTree.Load(specPath), supplement, quirks);
            Emit(builder.Build(), builder.SupplementOperationCount);
        }

        MarkdownDocument reference = MarkdownDocument.Load(referencePath);
        try
        {
            // The platform operations, once, with the category as a placeholder; into platform/ so that
            // nothing that reads the top-level category files takes them for an eleventh category.
            CategorySource platform = CategorySource.Platform;
            var platformBuilder = new CategoryBuilder(
                platform, YamlTree.Load(Path.Combine(specs, platform.File)), YamlTree.Load(Path.Combine(specs, platform.Supplement!)), quirks);
            var platformReference = new PlatformReference(reference, quirks);
            CategoryCatalog platformCatalog = platformReference.Apply(platformBuilder.Build());
            Emit(platformCatalog, platformBuilder.SupplementOperationCount, CatalogSet.PlatformFolder);
            summary.AppendLine($"  (platform: reference §6.1 lists {platformReference.RowCount} endpoints)");
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 2;
        }

        foreach (ReferenceCategory category in ReferenceCategory.All)
        {
            CategoryCatalog catalog;
            try
            {
                catalog = new ReferenceBuilder(category, reference, quirks).Build();
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 2;
            }

            Emit(catalog, 0);
        }

        Console.Write(summary.ToString());
        if (notes)
        {
            Console.WriteLine();
            Console.WriteLine($"{quirks.Count} notes:");
            foreach (string quirk in quirks.Distinct(StringComparer.Ordinal))
            {
                Console.WriteLine("  " + quirk);
            }
        }
        else if (quirks.Count > 0)
        {
            Console.WriteLine($"({quirks.Count} schema notes; run with --notes to list them)");
        }

        if (check)
        {
            if (differing.Count > 0)
            {
                Console.WriteLine("The catalogue is out of date with the specs and the reference; these files differ:");
                foreach (string file in differing)
                {
                    Console.WriteLine("  " + file);
                }

                return 1;
            }

            Console.WriteLine("The catalogue matches the specs and the reference.");
        }

        return 0;

        void Emit(CategoryCatalog catalog, int fromSupplement, string? folder = null)
        {
            string text = JsonOutput.Write(catalog);
            JsonOutput.VerifyRoundTrip(catalog, text);
            Summarize(summary, catalog, fromSupplement);

            string directory = folder is null ? output : Path.Combine(output, folder);
            string target = Path.Combine(directory, catalog.Name + ".json");
            string? existing = File.Exists(target) ? File.ReadAllText(target) : null;
            if (existing == text)
            {
                return;
            }

            if (check)
            {
                differing.Add(target + (existing is null ? " (missing)" : string.Empty));
            }
            else
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(target, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                Console.WriteLine($"wrote {target}");
            }
        }
    }

    private static void Summarize(StringBuilder summary, CategoryCatalog catalog, int fromSupplement)
    {
        List<Operation> operations = catalog.Resources.SelectMany(r => r.Operations).ToList();
        string kinds = string.Join(", ", operations
            .GroupBy(o => o.Kind)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}"));
        (int resources, int endpoints) = CategorySource.Reference.TryGetValue(catalog.Name, out var reference) ? reference : (0, 0);
        summary.AppendLine($"{catalog.Name,-14} {catalog.Resources.Count,9}  {operations.Count,3}  (ref {resources,2}, {endpoints,3}; models {catalog.Models.Count,3})  docs +{fromSupplement,-2}  {kinds}");
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine("error: " + message);
        Console.Error.WriteLine("usage: dotnet run --project tools/CatalogBuilder -- --specs <spec folder> --out <catalog folder> [--reference <merge-api.md>] [--check] [--notes]");
        return 2;
    }
}
