using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MergePS.Catalog;

namespace MergePS.CatalogBuilder;

/// <summary>
/// Builds one <see cref="CategoryCatalog"/> for a category without an OpenAPI spec (Calendar, Email) from the
/// reference catalogue <c>merge-api.md</c>: its endpoint table (§3.x) and the Counts table (§3), its query
/// parameters (Appendix A, typed by §4.1 for the standard ones), its models (Appendix B, with the common fields
/// of §7.1 and the small shared models of §7, e.g. <c>RemoteData</c>). Only facts are read: paths, methods,
/// kinds, parameter names, types and values, field names, types and enum values. No description text is
/// copied; a description is read only to tell a comma-separated string filter (as for the specs) and a
/// deprecated common parameter (§4.1).
/// </summary>
public sealed class ReferenceBuilder
{
    /// <summary>Expand names whose target is neither their own singular nor that of a trailing run of their
    /// words. Email <c>Message</c>'s <c>from_address</c>, <c>to</c>, <c>cc</c>, <c>bcc</c> are EmailAddresses:
    /// Appendix A.10's <c>messages</c> filters <c>from_address_id</c>, <c>to_address_id</c>, <c>cc_address_id</c>,
    /// <c>bcc_address_id</c> take an EmailAddress. Used only where the target is a model of the category.</summary>
    private static readonly IReadOnlyDictionary<string, string> ExpandTargetOverrides = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["from_address"] = "EmailAddress",
        ["to"] = "EmailAddress",
        ["cc"] = "EmailAddress",
        ["bcc"] = "EmailAddress",
    };

    /// <summary>The §7.1 common fields that lead a model's fields; the other common fields close it (the
    /// order of the SDK types and of the specs).</summary>
    private static readonly HashSet<string> LeadingCommonFields = new(StringComparer.Ordinal)
    {
        "id", "remote_id", "created_at", "modified_at",
    };

    private static readonly Regex Identifier = new(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    private readonly ReferenceCategory _category;
    private readonly MarkdownDocument _reference;
    private readonly List<string> _notes;

    /// <summary>Appendix B's models of this category, by name.</summary>
    private Dictionary<string, ReadModel> _readModels = new(StringComparer.Ordinal);

    /// <summary>§7.1: common field → its facts.</summary>
    private Dictionary<string, CommonField> _commonFields = new(StringComparer.Ordinal);

    /// <summary>(model, field) → expand target, from the <c>expand</c> parameters.</summary>
    private readonly Dictionary<(string Model, string Field), string> _expandHints = new();

    /// <summary>(model, field) pairs an <c>expand</c> parameter names but no model of the category matches.</summary>
    private readonly HashSet<(string Model, string Field)> _unresolvedExpands = new();

    private readonly HashSet<string> _needed = new(StringComparer.Ordinal);
    private readonly Queue<string> _pending = new();

    public ReferenceBuilder(ReferenceCategory category, MarkdownDocument reference, List<string> notes)
    {
        _category = category;
        _reference = reference;
        _notes = notes;
    }

    public CategoryCatalog Build()
    {
        _readModels = ReadModels();
        _commonFields = CommonFields();
        Dictionary<string, CommonParameter> commonParameters = CommonParameters();
        Dictionary<(string Method, string Path), QueryFacts> queries = QueryParameters();

        string categoryPrefix = "/" + _category.Name + "/v1/";
        var groups = new SortedDictionary<string, List<Operation>>(StringComparer.Ordinal);
        foreach (EndpointRow row in Endpoints())
        {
            if (!row.Path.StartsWith(categoryPrefix, StringComparison.Ordinal))
            {
                Note($"path {row.Path} is outside {categoryPrefix}; skipped");
                continue;
            }

            string[] segments = row.Path.Substring(categoryPrefix.Length).Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (CategoryBuilder.PlatformSegments.Contains(segments[0]))
            {
                continue;
            }

            string resource = CategoryBuilder.ResourceOf(segments);
            if (!groups.TryGetValue(resource, out List<Operation>? operations))
            {
                operations = new List<Operation>();
                groups.Add(resource, operations);
            }

            operations.Add(BuildOperation(row, resource, commonParameters, queries));
        }

        foreach ((string method, string path) in queries.Keys)
        {
            if (!groups.Values.SelectMany(o => o).Any(o => o.Method == method && o.Path == path))
            {
                Note($"Appendix A lists {method} {path}, which the endpoint table lacks; ignored");
            }
        }

        var resources = new List<Resource>();
        foreach (KeyValuePair<string, List<Operation>> group in groups)
        {
            List<Operation> operations = group.Value
                .OrderBy(o => o.Path, StringComparer.Ordinal)
                .ThenBy(o => o.Method, StringComparer.Ordinal)
                .ToList();
            Operation? main = operations.FirstOrDefault(o => o.Kind == OperationKinds.Retrieve)
                ?? operations.FirstOrDefault(o => o.Kind == OperationKinds.List)
                ?? operations.FirstOrDefault(o => o.ResponseModel is not null);
            if (main?.ResponseModel is null)
            {
                Note($"resource {group.Key}: no retrieve or list model");
            }

            resources.Add(new Resource
            {
                Name = group.Key,
                Noun = Naming.Noun(group.Key),
                Model = main?.ResponseModel ?? Naming.Noun(group.Key),
                Operations = operations,
            });
        }

        CheckCounts(resources);
        CollectExpandHints(resources);
        foreach (string model in resources.SelectMany(r => r.Operations).Select(o => o.ResponseModel).OfType<string>())
        {
            Need(model);
        }

        Note("Appendix B gives no nullability: scalar fields are nullable (the SDK types every field Optional), "
            + "arrays are not, as in the specs; the common fields take §7.1's flags");
        var models = new Dictionary<string, Model>(StringComparer.Ordinal);
        while (_pending.Count > 0)
        {
            string name = _pending.Dequeue();
            models[name] = BuildModel(name);
        }

        return new CategoryCatalog
        {
            Name = _category.Name,
            Pascal = _category.Pascal,
            Source = ReferenceCategory.Source,
            Resources = resources,
            Models = models.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToList(),
        };
    }

    // ---------------------------------------------------------------- §3: endpoints and counts

    private sealed record EndpointRow(string Method, string Path, string Kind, int Status, string? SdkOperation, string? ResponseType);

    /// <summary>The rows of the category's endpoint table, §3.x.</summary>
    private List<EndpointRow> Endpoints()
    {
        MarkdownSection section = Required(EndpointSection().Section(3, Title(@"^3\.\d+ ", @"\b")), $"§3.x {_category.Title}");
        MarkdownTable table = Required(section.Table("Resource (SDK group)", "Method"), $"§3.x {_category.Title} endpoint table");
        string pathColumn = table.Header.First(h => h.StartsWith("Path", StringComparison.Ordinal));
        var rows = new List<EndpointRow>();
        var assumed = new List<string>();
        foreach (List<string> row in table.Rows)
        {
            string method = table.Cell(row, "Method").Trim().ToUpperInvariant();
            string path = MarkdownTable.CodeSpans(table.Cell(row, pathColumn)).FirstOrDefault()
                ?? throw new InvalidDataException($"{_reference.Path}: §3.x {_category.Title}: a row without a path.");
            string statusText = table.Cell(row, "Status");
            Match status = Regex.Match(statusText, @"^[0-9]{3}", RegexOptions.CultureInvariant);
            if (!status.Success)
            {
                Note($"{method} {path}: status '{statusText}' not a number; assuming 200");
            }
            else if (statusText.Length > 3)
            {
                assumed.Add(statusText);
            }

            string operation = MarkdownTable.CodeSpans(table.Cell(row, "SDK op (python)")).FirstOrDefault() ?? string.Empty;
            string response = MarkdownTable.CodeSpans(table.Cell(row, "Response body type")).FirstOrDefault() ?? string.Empty;
            rows.Add(new EndpointRow(
                method,
                path,
                table.Cell(row, "Kind"),
                status.Success ? int.Parse(status.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 200,
                operation.Length > 0 ? operation : null,
                Identifier.IsMatch(response) && response != "None" ? response : null));
        }

        if (assumed.Count > 0)
        {
            Note($"{assumed.Count} of {rows.Count} statuses marked assumed ({string.Join(", ", assumed.Distinct())}); the number taken");
        }

        return rows;
    }

    private MarkdownSection EndpointSection() =>
        Required(_reference.Section(2, new Regex(@"^3\. Endpoint catalogue", RegexOptions.CultureInvariant)), "§3");

    /// <summary>Compares the built resources with the category's row of §3's Counts table.</summary>
    private void CheckCounts(List<Resource> resources)
    {
        MarkdownTable table = Required(EndpointSection().Table("Category", "Resources", "list", "retrieve"), "§3 Counts table");
        List<string> row = table.Rows.FirstOrDefault(r => r.Count > 0 && r[0] == _category.Title)
            ?? throw new InvalidDataException($"{_reference.Path}: §3 Counts table has no row '{_category.Title}'.");
        List<Operation> operations = resources.SelectMany(r => r.Operations).ToList();
        var expected = new (string Column, int Actual)[]
        {
            ("Resources", resources.Count),
            ("list", operations.Count(o => o.Kind == OperationKinds.List)),
            ("retrieve", operations.Count(o => o.Kind == OperationKinds.Retrieve)),
            ("Common-model eps", operations.Count),
        };
        foreach ((string column, int actual) in expected)
        {
            string cell = table.Cell(row, column);
            if (!int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count != actual)
            {
                throw new InvalidDataException($"{_reference.Path}: {_category.Name}: built {actual} for '{column}', the Counts table says {cell}.");
            }
        }
    }

    private Operation BuildOperation(EndpointRow row, string resource,
        Dictionary<string, CommonParameter> commonParameters, Dictionary<(string Method, string Path), QueryFacts> queries)
    {
        bool paginated = row.Kind.Contains("(paginated)", StringComparison.Ordinal);
        string kind = CategoryBuilder.KindOf(row.Path, resource, row.Method.ToLowerInvariant(), paginated, isArray: false, isBinary: false);
        string listed = row.Kind.Split(" (")[0].Trim().Replace(' ', '-');
        if (listed != kind)
        {
            Note($"{row.Method} {row.Path}: the table's kind '{row.Kind}' differs from the path's, {kind}; using {kind}");
        }

        string? model = row.ResponseType;
        if (paginated && model is not null && Regex.Match(model, "^Paginated(.+)List$", RegexOptions.CultureInvariant) is { Success: true } page)
        {
            model = page.Groups[1].Value;
        }

        if (model is not null && !_readModels.ContainsKey(model))
        {
            Note($"{row.Method} {row.Path}: response {model} is not in Appendix B");
        }

        List<Parameter> pathParams = Regex.Matches(row.Path, @"\{([^}/]+)\}", RegexOptions.CultureInvariant)
            .Select(m => new Parameter { Name = m.Groups[1].Value, Type = TypeExpr.Uuid, Required = true })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

        var query = new List<Parameter>();
        if (queries.TryGetValue((row.Method, row.Path), out QueryFacts? facts))
        {
            foreach (string name in facts.Standard)
            {
                if (!commonParameters.TryGetValue(name, out CommonParameter? common))
                {
                    throw new InvalidDataException($"{_reference.Path}: standard parameter {name} of {row.Method} {row.Path} is not in §4.1.");
                }

                query.Add(new Parameter { Name = name, Type = common.Type, Deprecated = common.Deprecated });
            }

            foreach (QueryParameter parameter in facts.Specific)
            {
                (string type, List<string>? values) = ParameterType(parameter, $"{row.Method} {row.Path}");
                query.Add(new Parameter
                {
                    Name = parameter.Name,
                    Type = type,
                    Values = values,
                    Deprecated = commonParameters.TryGetValue(parameter.Name, out CommonParameter? common) && common.Deprecated,
                });
            }
        }

        return new Operation
        {
            Kind = kind,
            Method = row.Method,
            Path = row.Path,
            OperationId = row.SdkOperation,
            // §2: every common-model operation takes X-Account-Token; only platform ones (excluded) do not.
            AccountScoped = true,
            Paginated = paginated,
            PathParams = pathParams,
            Query = query.OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
            ResponseModel = model,
            Status = row.Status,
        };
    }

    // ---------------------------------------------------------------- §4.1 and Appendix A: parameters

    private sealed record CommonParameter(string Type, bool Deprecated);

    /// <summary>§4.1: parameter name → type and deprecation (its meaning starts "Deprecated").</summary>
    private Dictionary<string, CommonParameter> CommonParameters()
    {
        MarkdownSection parameters = Required(_reference.Section(2, new Regex(@"^4\. Query parameters", RegexOptions.CultureInvariant)), "§4");
        MarkdownSection common = Required(parameters.Section(3, new Regex(@"^4\.1 ", RegexOptions.CultureInvariant)), "§4.1");
        MarkdownTable table = Required(common.Table("Param", "Type"), "§4.1 table");
        var result = new Dictionary<string, CommonParameter>(StringComparer.Ordinal);
        foreach (List<string> row in table.Rows)
        {
            string typeText = table.Cell(row, "Type");
            string type = ScalarType(typeText.Split(' ', 2)[0]) ?? "list";
            bool deprecated = table.Cell(row, "Meaning / behaviour").TrimStart('"').StartsWith("Deprecated", StringComparison.Ordinal);
            foreach (string name in MarkdownTable.CodeSpans(table.Cell(row, "Param")))
            {
                result[name] = new CommonParameter(type, deprecated);
            }
        }

        return result;
    }

    private sealed record QueryParameter(string Name, string Type, List<string>? Values, string Description);

    private sealed record QueryFacts(List<string> Standard, List<QueryParameter> Specific);

    private static readonly Regex EndpointLine = new(@"^- \*\*([A-Z]+) `([^`]+)`\*\* \((.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex ParameterLine = new(@"^  - `([^`]+)`: (.*)$", RegexOptions.CultureInvariant);

    /// <summary>The category's Appendix A subsection: (method, path) → standard and specific parameters.</summary>
    private Dictionary<(string Method, string Path), QueryFacts> QueryParameters()
    {
        MarkdownSection appendix = Required(_reference.Section(2, new Regex(@"^Appendix A\.", RegexOptions.CultureInvariant)), "Appendix A");
        MarkdownSection section = Required(appendix.Section(3, Title(@"^A\.\d+ ", "$")), $"Appendix A {_category.Title}");
        var result = new Dictionary<(string Method, string Path), QueryFacts>();
        QueryFacts? current = null;
        foreach (string line in section.Lines)
        {
            if (EndpointLine.Match(line) is { Success: true } endpoint)
            {
                // "(list (paginated)) — standard: `a`, `b`; *not accepted*: c, d"
                string rest = endpoint.Groups[3].Value;
                int standardAt = rest.IndexOf("standard:", StringComparison.Ordinal);
                string standard = standardAt < 0 ? string.Empty : rest.Substring(standardAt).Split(';')[0];
                current = new QueryFacts(MarkdownTable.CodeSpans(standard), new List<QueryParameter>());
                result[(endpoint.Groups[1].Value, endpoint.Groups[2].Value)] = current;
                continue;
            }

            if (ParameterLine.Match(line) is { Success: true } parameter && current is not null)
            {
                // "`name`: type — values: `a`, `b` — description *(SDK-only)*"
                string[] parts = parameter.Groups[2].Value.Split(" — ");
                List<string>? values = null;
                var description = new List<string>();
                foreach (string part in parts.Skip(1))
                {
                    if (values is null && (part.StartsWith("values", StringComparison.Ordinal) || part.StartsWith("comma-separated subset of", StringComparison.Ordinal)))
                    {
                        values = MarkdownTable.CodeSpans(part.Replace("*(SDK-only)*", string.Empty, StringComparison.Ordinal))
                            .Select(v => v.Trim('\''))
                            .ToList();
                    }
                    else
                    {
                        description.Add(part);
                    }
                }

                current.Specific.Add(new QueryParameter(parameter.Groups[1].Value, parts[0].Trim(), values, string.Join(" — ", description)));
            }
        }

        return result;
    }

    /// <summary>The catalogue type of an Appendix A parameter, by the builder's rules for spec parameters.</summary>
    private (string Type, List<string>? Values) ParameterType(QueryParameter parameter, string where)
    {
        List<string>? values = parameter.Values?.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        bool isList = parameter.Type.Contains("list<", StringComparison.Ordinal);
        if (values is not null)
        {
            if (CategoryBuilder.CombinationParameters.Contains(parameter.Name) || values.Any(v => v.Contains(',')))
            {
                return ("list", CategoryBuilder.Atomic(values));
            }

            return isList ? ("list", values) : (TypeExpr.Enum, values);
        }

        if (isList)
        {
            return ("list", null);
        }

        if (ScalarType(parameter.Type) is string scalar)
        {
            return scalar == TypeExpr.String && CategoryBuilder.IsCommaSeparated(parameter.Description) ? ("list", null) : (scalar, null);
        }

        Note($"{where}: parameter {parameter.Name} of type '{parameter.Type}' without values; typed as string");
        return (TypeExpr.String, null);
    }

    /// <summary>A scalar type word of the reference (parameters, §4.1, §7 tables), or null.</summary>
    private static string? ScalarType(string word) => word switch
    {
        "string" => TypeExpr.String,
        "uuid" => TypeExpr.Uuid,
        "date-time" or "datetime" => TypeExpr.DateTime,
        "date" => TypeExpr.Date,
        "integer" => TypeExpr.Int,
        "number" => TypeExpr.Number,
        "boolean" => TypeExpr.Bool,
        "email" => TypeExpr.Email,
        "uri" => TypeExpr.Uri,
        "object" => TypeExpr.Object,
        "any" => TypeExpr.Any,
        _ => null,
    };

    // ---------------------------------------------------------------- Appendix B, §7: models

    private sealed record ReadModel(string Name, List<string> Common, List<(string Name, string Type)> Fields);

    private sealed record CommonField(string Type, bool Nullable, bool ReadOnly);

    private static readonly Regex ModelLine = new(@"^- \*\*([A-Za-z0-9]+)\*\* — common: ([a-z_,]*); fields: (.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex FieldItem = new(@"^`([^`]+)`:(.+)$", RegexOptions.CultureInvariant);

    /// <summary>The category's Appendix B subsection: model → its common fields and other fields.</summary>
    private Dictionary<string, ReadModel> ReadModels()
    {
        MarkdownSection appendix = Required(_reference.Section(2, new Regex(@"^Appendix B\.", RegexOptions.CultureInvariant)), "Appendix B");
        MarkdownSection section = Required(appendix.Section(3, Title(@"^B\.\d+ ", @" \(")), $"Appendix B {_category.Title}");
        var result = new Dictionary<string, ReadModel>(StringComparer.Ordinal);
        foreach (string line in section.Lines)
        {
            if (ModelLine.Match(line) is not { Success: true } model)
            {
                continue;
            }

            var fields = new List<(string, string)>();
            foreach (string item in model.Groups[3].Value.Split("; ", StringSplitOptions.RemoveEmptyEntries))
            {
                Match field = FieldItem.Match(item.Trim());
                if (!field.Success)
                {
                    throw new InvalidDataException($"{_reference.Path}: Appendix B {model.Groups[1].Value}: cannot read field '{item}'.");
                }

                fields.Add((field.Groups[1].Value, field.Groups[2].Value.Trim()));
            }

            List<string> common = model.Groups[2].Value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
            result[model.Groups[1].Value] = new ReadModel(model.Groups[1].Value, common, fields);
        }

        if (result.Count == 0)
        {
            throw new InvalidDataException($"{_reference.Path}: Appendix B {_category.Title} lists no models.");
        }

        return result;
    }

    /// <summary>§7.1: the fields common to (almost) every model, with their type, nullability and readOnly flag.</summary>
    private Dictionary<string, CommonField> CommonFields()
    {
        MarkdownSection common = Required(ModelsSection().Section(3, new Regex(@"^7\.1 ", RegexOptions.CultureInvariant)), "§7.1");
        MarkdownTable table = Required(common.Table("Field", "Type", "Nullable"), "§7.1 table");
        var result = new Dictionary<string, CommonField>(StringComparer.Ordinal);
        foreach (List<string> row in table.Rows)
        {
            // "uuid (readOnly)", "object (readOnly, nullable)", "array of `RemoteData {…}` (readOnly, nullable)"
            string typeText = table.Cell(row, "Type");
            Match flags = Regex.Match(typeText, @"\(([^()`]*)\)\s*$", RegexOptions.CultureInvariant);
            bool readOnly = flags.Success && flags.Groups[1].Value.Contains("readOnly", StringComparison.Ordinal);
            string baseType = flags.Success ? typeText.Substring(0, flags.Index).Trim() : typeText.Trim();
            string type;
            if (baseType.StartsWith("array of ", StringComparison.Ordinal)
                && MarkdownTable.CodeSpans(baseType).FirstOrDefault()?.Split(' ', 2)[0] is string item && Identifier.IsMatch(item))
            {
                type = "array:" + TypeExpr.ModelKind + ":" + item;
            }
            else
            {
                type = ScalarType(baseType.Split(' ', 2)[0]) ?? TypeExpr.Any;
            }

            bool nullable = table.Cell(row, "Nullable") == "yes";
            foreach (string name in MarkdownTable.CodeSpans(table.Cell(row, "Field")))
            {
                result[name] = new CommonField(type, nullable, readOnly);
            }
        }

        return result;
    }

    private MarkdownSection ModelsSection() =>
        Required(_reference.Section(2, new Regex(@"^7\. Models", RegexOptions.CultureInvariant)), "§7");

    /// <summary>Records the (model, field) pairs the <c>expand</c> parameters name, with the model of the
    /// category each expands to (see <see cref="ExpandTarget"/>).</summary>
    private void CollectExpandHints(List<Resource> resources)
    {
        foreach (Operation operation in resources.SelectMany(r => r.Operations))
        {
            Parameter? expand = operation.Query.FirstOrDefault(p => p.Name == "expand");
            if (expand?.Values is null || operation.ResponseModel is null
                || !_readModels.TryGetValue(operation.ResponseModel, out ReadModel? model))
            {
                continue;
            }

            foreach (string field in expand.Values)
            {
                if (!model.Fields.Any(f => f.Name == field))
                {
                    Note($"{operation.Method} {operation.Path}: expand value {field} is not a field of {model.Name}");
                }
                else if (ExpandTarget(field) is string target)
                {
                    _expandHints[(model.Name, field)] = target;
                }
                else
                {
                    _unresolvedExpands.Add((model.Name, field));
                }
            }
        }
    }

    /// <summary>The model of this category (Appendix B) an expandable field holds: an override, else the
    /// singular of the longest trailing run of its words that names one (<c>child_groups</c> → Group,
    /// <c>alias_email_addresses</c> → EmailAddress), else null.</summary>
    private string? ExpandTarget(string field)
    {
        if (ExpandTargetOverrides.TryGetValue(field, out string? overridden) && _readModels.ContainsKey(overridden))
        {
            return overridden;
        }

        string[] words = field.Split('_', StringSplitOptions.RemoveEmptyEntries);
        for (int start = 0; start < words.Length; start++)
        {
            string[] run = words[start..];
            run[^1] = Naming.Singular(run[^1]);
            string candidate = Naming.Pascal(string.Join("_", run));
            if (_readModels.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private void Need(string name)
    {
        if (_needed.Add(name))
        {
            _pending.Enqueue(name);
        }
    }

    private Model BuildModel(string name)
    {
        if (_readModels.TryGetValue(name, out ReadModel? read))
        {
            return BuildReadModel(read);
        }

        if (ModelTable(name) is MarkdownTable table)
        {
            return BuildTableModel(name, table);
        }

        Note($"model {name} is referenced but has no field list in the reference; emitted as free-form");
        return new Model { Name = name, FreeForm = true };
    }

    /// <summary>An Appendix B model: the leading common fields (§7.1), its own fields, the closing common fields.</summary>
    private Model BuildReadModel(ReadModel read)
    {
        var fields = new List<Field>();
        foreach (string common in read.Common.Where(LeadingCommonFields.Contains))
        {
            fields.Add(CommonFieldOf(read.Name, common));
        }

        foreach ((string fieldName, string typeText) in read.Fields)
        {
            string where = $"{read.Name}.{fieldName}";
            Mapped mapped = MapField(typeText, where);
            bool plainId = mapped.Type is TypeExpr.String or TypeExpr.Uuid or "array:" + TypeExpr.String or "array:" + TypeExpr.Uuid;
            if (_expandHints.TryGetValue((read.Name, fieldName), out string? target) && plainId)
            {
                // Appendix B types these relations as plain strings (the SDK's str); expand makes them records.
                string expand = TypeExpr.Expand + ":" + target;
                mapped = mapped with { Type = mapped.Type.StartsWith("array:", StringComparison.Ordinal) ? "array:" + expand : expand };
                Need(target);
                Note($"{where}: {typeText} named in an expand parameter; typed as {mapped.Type}");
            }
            else if (_unresolvedExpands.Contains((read.Name, fieldName)) && plainId)
            {
                Note($"{where}: named in an expand parameter, but no model of the category is named by it; kept as {mapped.Type}");
            }
            else if ((target is not null || _unresolvedExpands.Contains((read.Name, fieldName)))
                && !mapped.Type.Contains(TypeExpr.Expand + ":", StringComparison.Ordinal))
            {
                Note($"{where}: named in an expand parameter, typed {mapped.Type} by Appendix B; kept");
            }

            bool nullable = _commonFields.TryGetValue(fieldName, out CommonField? common)
                ? common.Nullable
                : !mapped.Type.StartsWith("array:", StringComparison.Ordinal);
            fields.Add(new Field
            {
                Name = fieldName,
                Type = mapped.Type,
                Nullable = nullable,
                ReadOnly = common?.ReadOnly ?? false,
                Values = TypeExpr.Parse(mapped.Type).Element.Kind == TypeExpr.Enum ? mapped.Values : null,
            });
        }

        foreach (string common in read.Common.Where(c => !LeadingCommonFields.Contains(c)))
        {
            fields.Add(CommonFieldOf(read.Name, common));
        }

        return new Model { Name = read.Name, Fields = fields };
    }

    private Field CommonFieldOf(string model, string name)
    {
        if (!_commonFields.TryGetValue(name, out CommonField? common))
        {
            throw new InvalidDataException($"{_reference.Path}: {model}: common field {name} is not in §7.1.");
        }

        if (TypeExpr.Parse(common.Type).Element is { Kind: TypeExpr.ModelKind, Target: string target })
        {
            Need(target);
        }

        return new Field { Name = name, Type = common.Type, Nullable = common.Nullable, ReadOnly = common.ReadOnly };
    }

    /// <summary>The field table under <c>#### Name</c> (or <c>#### Name (category)</c>) in §7, e.g. RemoteData.</summary>
    private MarkdownTable? ModelTable(string name)
    {
        var title = new Regex("^" + Regex.Escape(name) + @"( \(" + Regex.Escape(_category.Name) + @"\))?$", RegexOptions.CultureInvariant);
        return ModelsSection().Section(4, title)?.Table("Field", "Type", "Nullable");
    }

    private Model BuildTableModel(string name, MarkdownTable table)
    {
        var fields = new List<Field>();
        foreach (List<string> row in table.Rows)
        {
            string fieldName = MarkdownTable.CodeSpans(table.Cell(row, "Field")).FirstOrDefault() ?? table.Cell(row, "Field");
            string typeText = table.Cell(row, "Type");
            Mapped mapped = MapField(Regex.Replace(typeText, @" \((JSON|map)\)$", string.Empty, RegexOptions.CultureInvariant)
                .Replace("date-time", "datetime", StringComparison.Ordinal), $"{name}.{fieldName}");
            string[] flags = table.Cell(row, "Flags / enum values").Split(',', StringSplitOptions.TrimEntries);
            fields.Add(new Field
            {
                Name = fieldName,
                Type = mapped.Type,
                Nullable = table.Cell(row, "Nullable") == "yes",
                ReadOnly = flags.Contains("readOnly"),
                Required = flags.Contains("required"),
                Deprecated = flags.Contains("deprecated"),
                Values = TypeExpr.Parse(mapped.Type).Element.Kind == TypeExpr.Enum ? mapped.Values : null,
            });
        }

        return new Model { Name = name, Fields = fields };
    }

    private sealed record Mapped(string Type, List<string>? Values);

    /// <summary>Maps an Appendix B type (<c>string</c>, <c>uuid→X</c>, <c>array&lt;T&gt;</c>, <c>XEnum{A|B}</c>,
    /// a model name, ...) to a <see cref="TypeExpr"/> string.</summary>
    private Mapped MapField(string text, string where)
    {
        text = text.Trim();
        if (text.Contains(" or ", StringComparison.Ordinal))
        {
            Note($"{where}: union '{text}'; typed as any");
            return new Mapped(TypeExpr.Any, null);
        }

        if (text.StartsWith("array<", StringComparison.Ordinal) && text.EndsWith('>'))
        {
            Mapped item = MapField(text["array<".Length..^1], where + "[]");
            return new Mapped("array:" + item.Type, item.Values);
        }

        if (Regex.Match(text, @"^uuid→([A-Za-z0-9]+)$", RegexOptions.CultureInvariant) is { Success: true } relation)
        {
            Need(relation.Groups[1].Value);
            return new Mapped(TypeExpr.Expand + ":" + relation.Groups[1].Value, null);
        }

        if (Regex.Match(text, @"^[A-Za-z0-9]*\{(.*)\}$", RegexOptions.CultureInvariant) is { Success: true } enumeration)
        {
            List<string> values = enumeration.Groups[1].Value.Split('|').Where(v => v.Length > 0).ToList();
            if (values.Remove("…"))
            {
                Note($"{where}: enum values cut at {values.Count} in Appendix B; only those are listed");
            }

            return new Mapped(TypeExpr.Enum, values.Distinct(StringComparer.Ordinal).ToList());
        }

        if (ScalarType(text == "object (map)" ? "object" : text) is string scalar)
        {
            return new Mapped(scalar, null);
        }

        if (Identifier.IsMatch(text) && char.IsUpper(text[0]))
        {
            Need(text);
            return new Mapped(TypeExpr.ModelKind + ":" + text, null);
        }

        Note($"{where}: type '{text}' not recognised; typed as any");
        return new Mapped(TypeExpr.Any, null);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A heading pattern: <paramref name="prefix"/>, this category's title, <paramref name="suffix"/>.</summary>
    private Regex Title(string prefix, string suffix) =>
        new(prefix + Regex.Escape(_category.Title) + suffix, RegexOptions.CultureInvariant);

    private T Required<T>(T? value, string what) where T : class =>
        value ?? throw new InvalidDataException($"{_reference.Path}: {what} not found.");

    private void Note(string message) => _notes.Add($"{_category.Name}: {message}");
}
