using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MergePS.Catalog;

namespace MergePS.CatalogBuilder;

/// <summary>
/// Checks the platform catalogue against the reference's platform endpoint table (merge-api.md §6.1) and adds
/// the rows no spec has (today only the SDK-only <c>PATCH calendar/v1/linked-accounts/{linked_account_id}</c>),
/// with their response model from its §7 field table. Every row must end up in the catalogue.
/// </summary>
public sealed class PlatformReference
{
    private readonly MarkdownDocument _reference;
    private readonly List<string> _notes;

    public PlatformReference(MarkdownDocument reference, List<string> notes)
    {
        _reference = reference;
        _notes = notes;
    }

    /// <summary>How many rows the reference lists (after <see cref="Apply"/>).</summary>
    public int RowCount { get; private set; }

    public CategoryCatalog Apply(CategoryCatalog catalog)
    {
        MarkdownSection platform = Required(_reference.Section(2, new Regex(@"^6\. Cross-category", RegexOptions.CultureInvariant)), "§6");
        MarkdownSection section = Required(platform.Section(3, new Regex(@"^6\.1 ", RegexOptions.CultureInvariant)), "§6.1");
        MarkdownTable table = Required(section.Table("#", "Group", "Method"), "§6.1 endpoint table");
        string pathColumn = table.Header.First(h => h.StartsWith("Path", StringComparison.Ordinal));

        var resources = catalog.Resources.ToDictionary(r => r.Name, r => r.Operations.ToList(), StringComparer.Ordinal);
        var models = catalog.Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        RowCount = table.Rows.Count;
        foreach (List<string> row in table.Rows)
        {
            string method = table.Cell(row, "Method").Trim().ToUpperInvariant();
            string relative = MarkdownTable.CodeSpans(table.Cell(row, pathColumn)).FirstOrDefault()
                ?? throw new InvalidDataException($"{_reference.Path}: §6.1: a row without a path.");
            string tokenCell = table.Cell(row, "X-Account-Token");
            string categories = table.Cell(row, "Categories");
            string[] segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);

            // A row served by one category only keeps that category in its path.
            string prefix = Regex.IsMatch(categories, @"^[a-z]+$", RegexOptions.CultureInvariant) && categories != "all"
                ? "/" + categories + "/v1/"
                : CategoryBuilder.PlatformPrefix;
            string path = prefix + relative;
            string shape = Shape(relative);
            List<Operation>? operations = resources.GetValueOrDefault(segments[0]);
            Operation? existing = operations?.FirstOrDefault(o => o.Method == method && Shape(Relative(o.Path)) == shape);
            bool? scoped = tokenCell.StartsWith("yes", StringComparison.Ordinal) ? true : tokenCell.StartsWith("no", StringComparison.Ordinal) ? false : null;
            if (existing is not null)
            {
                if (scoped is bool expected && expected != existing.AccountScoped)
                {
                    throw new InvalidDataException(
                        $"{_reference.Path}: §6.1 {method} {relative}: X-Account-Token '{tokenCell}' but the spec says {(existing.AccountScoped ? "yes" : "no")}.");
                }

                continue;
            }

            // Not in any spec: from the reference alone. An undocumented token requirement is taken as
            // account-scoped, as the SDKs send the client's account token on every call.
            if (scoped is null)
            {
                Note($"{method} {relative}: X-Account-Token '{tokenCell}'; taken as account-scoped");
            }

            string statusText = table.Cell(row, "Success status");
            Match status = Regex.Match(statusText, @"^[0-9]{3}", RegexOptions.CultureInvariant);
            if (!status.Success)
            {
                Note($"{method} {relative}: status '{statusText}'; assuming 200");
            }

            string? response = MarkdownTable.CodeSpans(table.Cell(row, "Response")).FirstOrDefault();
            if (response is not null && !models.ContainsKey(response))
            {
                models[response] = BuildModel(platform.Title, response);
            }

            var pathParams = new List<Parameter>();
            foreach (string segment in segments.Where(s => s.StartsWith('{')))
            {
                pathParams.Add(new Parameter { Name = segment.Trim('{', '}'), Type = TypeExpr.String, Required = true });
            }

            if (prefix == CategoryBuilder.PlatformPrefix)
            {
                pathParams.Add(CategoryBuilder.CategoryParameter);
            }

            Note($"{method} {path}: in no spec; added from reference §6.1 (body '{table.Cell(row, "Request body")}' not modelled)");
            operations ??= resources[segments[0]] = new List<Operation>();
            operations.Add(new Operation
            {
                Kind = CategoryBuilder.KindOf(path, segments[0], method.ToLowerInvariant(), false, false, false),
                Method = method,
                Path = path,
                AccountScoped = scoped ?? true,
                PathParams = pathParams.OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
                ResponseModel = response,
                Status = status.Success ? int.Parse(status.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 200,
            });
        }

        int total = resources.Values.Sum(o => o.Count);
        if (total != RowCount)
        {
            throw new InvalidDataException($"{_reference.Path}: §6.1 lists {RowCount} platform endpoints; the catalogue has {total}.");
        }

        return new CategoryCatalog
        {
            Name = catalog.Name,
            Pascal = catalog.Pascal,
            Source = catalog.Source + " + " + ReferenceCategory.Source,
            Resources = catalog.Resources
                .Select(r => new Resource
                {
                    Name = r.Name,
                    Noun = r.Noun,
                    Model = r.Model,
                    Operations = resources[r.Name].OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList(),
                })
                .ToList(),
            Models = models.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>A model from its <c>#### Name</c> or <c>#### Name (category)</c> field table in §7: scalar types only.</summary>
    private Model BuildModel(string where, string name)
    {
        MarkdownSection models = Required(_reference.Section(2, new Regex(@"^7\. Models", RegexOptions.CultureInvariant)), "§7");
        var title = new Regex("^" + Regex.Escape(name) + @"( \([a-z]+\))?$", RegexOptions.CultureInvariant);
        MarkdownTable table = Required(models.Section(4, title)?.Table("Field", "Type", "Nullable"), $"§7 #### {name} (for {where})");
        var fields = new List<Field>();
        foreach (List<string> row in table.Rows)
        {
            string field = MarkdownTable.CodeSpans(table.Cell(row, "Field")).FirstOrDefault() ?? table.Cell(row, "Field");
            string type = table.Cell(row, "Type") switch
            {
                "string" => TypeExpr.String,
                "boolean" => TypeExpr.Bool,
                "integer" => TypeExpr.Int,
                "number" => TypeExpr.Number,
                "uuid" => TypeExpr.Uuid,
                "date-time" => TypeExpr.DateTime,
                var other => throw new InvalidDataException($"{_reference.Path}: §7 {name}.{field}: type '{other}' not supported here."),
            };
            fields.Add(new Field { Name = field, Type = type, Nullable = table.Cell(row, "Nullable") == "yes" });
        }

        return new Model { Name = name, Fields = fields };
    }

    /// <summary>The part after <c>/{category}/v1/</c> (or <c>/calendar/v1/</c>).</summary>
    private static string Relative(string path) => string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(2));

    private static string Shape(string relative) => Regex.Replace(relative, @"\{[^}/]*\}", "{}", RegexOptions.CultureInvariant);

    private T Required<T>(T? value, string what) where T : class =>
        value ?? throw new InvalidDataException($"{_reference.Path}: {what} not found.");

    private void Note(string message) => _notes.Add("platform: " + message);
}
