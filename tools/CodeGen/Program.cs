using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MergePS.Catalog;
using MergePS.CodeGen;

// Usage: MergePS.CodeGen --catalog <dir> --out <dir>
string? catalogDir = null;
string? outDir = null;
for (int i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--catalog": catalogDir = args[++i]; break;
        case "--out": outDir = args[++i]; break;
    }
}

if (catalogDir is null || outDir is null)
{
    Console.Error.WriteLine("usage: MergePS.CodeGen --catalog <dir> --out <dir>");
    return 2;
}

CatalogSet catalog = CatalogSet.Load(catalogDir);
var files = new Dictionary<string, string>(StringComparer.Ordinal);
var completions = new SortedDictionary<string, SortedDictionary<string, List<string>>>(StringComparer.Ordinal);
var cmdlets = new List<string>();
foreach (CategoryCatalog category in catalog.Categories)
{
    files[$"Models/{category.Pascal}.g.cs"] = ModelWriter.Models(category);
    files[$"Json/{category.Pascal}JsonContext.g.cs"] = ModelWriter.JsonContext(category);
    var writer = new CmdletWriter(catalog, category);
    files[$"Commands/{category.Pascal}Commands.g.cs"] = writer.Write();
    cmdlets.AddRange(writer.CmdletNames);
    foreach (var entry in writer.Completions)
    {
        completions[entry.Key] = entry.Value;
    }

    var writes = new WriteCmdletWriter(catalog, category);
    files[$"Commands/{category.Pascal}WriteCommands.g.cs"] = writes.Write();
    cmdlets.AddRange(writes.CmdletNames);
    foreach (var entry in writes.Completions)
    {
        completions[entry.Key] = entry.Value;
    }
}

// The cross-category (platform) operations: models and a JSON context in MergePS.Platform, and the
// table of their paths; their cmdlets are hand-written (src/MergePS/Commands/Platform).
CategoryCatalog? platform = CatalogSet.LoadPlatform(catalogDir);
if (platform is not null)
{
    files["Models/Platform.g.cs"] = ModelWriter.Models(platform);
    files["Json/PlatformJsonContext.g.cs"] = ModelWriter.JsonContext(platform, includeEnvelopes: false);
    files["Client/PlatformTable.g.cs"] = PlatformWriter.Table(platform);
}

files["Commands/ResourceTable.g.cs"] = ResourceTableWriter.Write(catalog);
files["Json/MergeJson.g.cs"] = CompletionWriter.JsonOptions(catalog, platform);
// Views and type data for every model; build.ps1 copies them into the module folder.
CatalogSet viewed = platform is null ? catalog : new CatalogSet(catalog.Categories.Append(platform));
files["MergePS.Format.ps1xml"] = FormatWriter.Formats(viewed);
files["MergePS.Types.ps1xml"] = FormatWriter.Types(viewed);
files["Completers/CompletionTable.g.cs"] = CompletionWriter.Write(completions);
files["GeneratedCmdlets.g.cs"] = CompletionWriter.CmdletList(cmdlets);

// Rewrite only what changed, and drop files of categories that no longer exist.
Directory.CreateDirectory(outDir);
var expected = new HashSet<string>(files.Keys.Select(k => Path.GetFullPath(Path.Combine(outDir, k))));
foreach (string existing in Directory.GetFiles(outDir, "*.g.cs", SearchOption.AllDirectories))
{
    if (!expected.Contains(Path.GetFullPath(existing)))
    {
        File.Delete(existing);
    }
}

foreach ((string relative, string text) in files)
{
    string path = Path.Combine(outDir, relative);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    if (!File.Exists(path) || File.ReadAllText(path) != text)
    {
        File.WriteAllText(path, text);
    }
}

Console.WriteLine($"MergePS.CodeGen: {catalog.Categories.Count} categories{(platform is null ? string.Empty : " + platform")}, {cmdlets.Count} generated cmdlets -> {outDir}");
return 0;
