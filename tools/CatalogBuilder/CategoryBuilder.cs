using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MergePS.Catalog;

namespace MergePS.CatalogBuilder;

/// <summary>
/// Builds one <see cref="CategoryCatalog"/> from an OpenAPI 3.0/3.1 document, optionally supplemented by a
/// second document (the 2026 docs export) that contributes only the operations the first lacks. Only facts
/// are read: paths, methods, parameter names and types, enums, field names and flags. No description,
/// summary or example text is copied.
/// </summary>
public sealed class CategoryBuilder
{
    /// <summary>How platform paths start in the platform catalogue.</summary>
    public const string PlatformPrefix = "/{category}/v1/";

    /// <summary>Cross-category ("platform") path segments: the same in every category, not common models.</summary>
    internal static readonly HashSet<string> PlatformSegments = new(StringComparer.Ordinal)
    {
        "account-details", "account-token", "async-passthrough", "audit-trail", "available-actions",
        "default-scopes", "delete-account", "field-mappings", "generate-key", "issues", "link-token",
        "linked-account-scopes", "linked-accounts", "passthrough", "regenerate-key", "remote-fields",
        "sync-status", "target-fields", "webhook-receivers",
    };

    /// <summary>Collections nested under another record that form resources of their own (CRM custom
    /// objects). A path belongs to the last of these it contains, else to its first segment.</summary>
    internal static readonly HashSet<string> NestedCollections = new(StringComparer.Ordinal)
    {
        "custom-objects", "association-types", "associations",
    };

    /// <summary>Query parameters whose spec enumerates every comma-joined combination of field names.</summary>
    internal static readonly HashSet<string> CombinationParameters = new(StringComparer.Ordinal)
    {
        "expand", "remote_fields", "show_enum_origins",
    };

    /// <summary>Expand names whose target model is not their own singular (used only for specs that do
    /// not mark expandable fields, i.e. the 3.1 docs exports).</summary>
    private static readonly IReadOnlyDictionary<string, string> ExpandTargetOverrides = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["author"] = "User",
        ["last_edited_by"] = "User",
        // Accounting SalesOrder.customer and ItemFulfillment.customer (docs export only): a Contact, as the
        // SDK's SalesOrderCustomer = Union[str, Contact] has it.
        ["customer"] = "Contact",
    };

    /// <summary>The docs exports' synthetic names for inline response schemas,
    /// <c>{tag}_{operation}_Response_{status}</c> (e.g. <c>groups_typesList_Response_200</c>); such a schema
    /// is emitted as <c>{Tag}{Operation}Response</c> (<c>GroupsTypesListResponse</c>, the SDK's name).</summary>
    private static readonly Regex SyntheticResponseName = new(@"^([a-z][A-Za-z0-9]*)_([A-Za-z][A-Za-z0-9]*)_Response_[0-9]{3}$", RegexOptions.CultureInvariant);

    private static readonly string[] Methods = { "get", "post", "put", "patch", "delete" };

    private readonly CategorySource _source;
    private readonly YMap _spec;
    private readonly YMap _schemas;
    private readonly List<string> _notes;

    /// <summary>The docs export that supplements a <c>_v3</c> spec, or null.</summary>
    private readonly YMap? _supplement;
    private readonly YMap _supplementSchemas;

    /// <summary>Synthetic supplement schema names → catalogue names, and back.</summary>
    private readonly Dictionary<string, string> _renamed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _renamedBack = new(StringComparer.Ordinal);

    /// <summary>True while reading an operation or a model that came from the supplement: then a schema
    /// name the primary spec lacks is looked up in the supplement (the primary's schema wins otherwise).</summary>
    private bool _fromSupplement;

    /// <summary>Operations taken from the supplement.</summary>
    private readonly HashSet<Operation> _supplementOperations = new(ReferenceEqualityComparer.Instance);

    /// <summary>Field name → the one model the primary spec's models expand that field to (e.g. accounting
    /// <c>company</c> → <c>CompanyInfo</c>); fields expanded to several models are left out.</summary>
    private Dictionary<string, string>? _primaryExpandTargets;

    /// <summary>Component schemas to emit as models.</summary>
    private readonly HashSet<string> _needed = new(StringComparer.Ordinal);
    private readonly Queue<string> _pending = new();

    /// <summary>(model, field) → expand target, inferred from <c>expand</c> parameters.</summary>
    private readonly Dictionary<(string Model, string Field), string> _expandHints = new();

    public CategoryBuilder(CategorySource source, YMap spec, List<string> notes)
        : this(source, spec, null, notes)
    {
    }

    public CategoryBuilder(CategorySource source, YMap spec, YMap? supplement, List<string> notes)
    {
        _source = source;
        _spec = spec;
        _schemas = spec.Map("components")?.Map("schemas") ?? new YMap();
        _supplement = supplement;
        _supplementSchemas = supplement?.Map("components")?.Map("schemas") ?? new YMap();
        _notes = notes;

        foreach (string raw in _supplementSchemas.Keys)
        {
            Match match = SyntheticResponseName.Match(raw);
            if (!match.Success)
            {
                continue;
            }

            string name = Naming.Pascal(match.Groups[1].Value) + Naming.Pascal(match.Groups[2].Value) + "Response";
            if (!_schemas.Has(name) && !_supplementSchemas.Has(name) && !_renamedBack.ContainsKey(name))
            {
                _renamed[raw] = name;
                _renamedBack[name] = raw;
            }
        }
    }

    /// <summary>How many operations the supplement contributed (after <see cref="Build"/>).</summary>
    public int SupplementOperationCount => _supplementOperations.Count;

    public CategoryCatalog Build()
    {
        var groups = new SortedDictionary<string, List<Operation>>(StringComparer.Ordinal);
        YMap paths = _spec.Map("paths") ?? throw new InvalidOperationException($"{_source.File}: no paths.");
        var known = new HashSet<(string Path, string Method)>();
        AddOperations(paths, _source.PathPrefix, groups, known, fromSupplement: false);
        if (_supplement is not null)
        {
            // The primary spec stays the source of everything it has: the supplement adds only the
            // (path, method) pairs it lacks, path parameters' names aside.
            YMap supplementPaths = _supplement.Map("paths") ?? throw new InvalidOperationException($"{_source.Supplement}: no paths.");
            AddOperations(supplementPaths, string.Empty, groups, known, fromSupplement: true);
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
            string model = main?.ResponseModel ?? Naming.Noun(group.Key);
            if (main?.ResponseModel is null)
            {
                Note($"resource {group.Key}: no retrieve or list model");
            }

            resources.Add(new Resource
            {
                Name = group.Key,
                Noun = Naming.Noun(group.Key),
                Model = model,
                Operations = operations,
            });
        }

        CollectExpandHints(resources);

        var models = new Dictionary<string, Model>(StringComparer.Ordinal);
        while (_pending.Count > 0)
        {
            string name = _pending.Dequeue();

            // Only a supplement context can need a schema the primary spec lacks.
            _fromSupplement = !_schemas.Has(name);
            models[name] = BuildModel(name);
            _fromSupplement = false;
        }

        return new CategoryCatalog
        {
            Name = _source.Name,
            Pascal = _source.Pascal,
            Source = _supplementOperations.Count > 0 ? _source.File + " + " + _source.Supplement : _source.File,
            Resources = resources,
            Models = models.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToList(),
        };
    }

    private void AddOperations(YMap paths, string pathPrefix, SortedDictionary<string, List<Operation>> groups,
        HashSet<(string Path, string Method)> known, bool fromSupplement)
    {
        string categoryPrefix = "/" + (_source.PlatformFrom ?? _source.Name) + "/v1/";
        string file = fromSupplement ? _source.Supplement! : _source.File;
        foreach (KeyValuePair<string, object?> pathEntry in paths.Entries())
        {
            string path = pathPrefix + pathEntry.Key;
            if (!path.StartsWith(categoryPrefix, StringComparison.Ordinal) || pathEntry.Value is not YMap pathItem)
            {
                Note($"{file}: path {path} is outside {categoryPrefix}; skipped");
                continue;
            }

            string[] segments = path.Substring(categoryPrefix.Length).Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (PlatformSegments.Contains(segments[0]) != _source.IsPlatform)
            {
                continue;
            }

            // Platform operations are the same under every category: the category becomes a placeholder.
            string resource = _source.IsPlatform ? segments[0] : ResourceOf(segments);
            if (_source.IsPlatform)
            {
                path = PlatformPrefix + path.Substring(categoryPrefix.Length);
            }

            foreach (string method in Methods)
            {
                if (pathItem.Map(method) is not YMap operation)
                {
                    continue;
                }

                if (!known.Add((PathShape(path), method)) && fromSupplement)
                {
                    continue;
                }

                if (!groups.TryGetValue(resource, out List<Operation>? operations))
                {
                    operations = new List<Operation>();
                    groups.Add(resource, operations);
                }

                _fromSupplement = fromSupplement;
                Operation built = BuildOperation(path, resource, method, pathItem, operation);
                _fromSupplement = false;
                operations.Add(built);
                if (fromSupplement)
                {
                    _supplementOperations.Add(built);
                    Note($"{built.Method} {path}: not in {_source.File}; added from {file}");
                }
            }
        }
    }

    /// <summary>A path with its parameter names blanked (<c>/x/{id}/lines</c> → <c>/x/{}/lines</c>), so the
    /// two specs' spellings of one path compare equal.</summary>
    private static string PathShape(string path) => Regex.Replace(path, @"\{[^}/]*\}", "{}", RegexOptions.CultureInvariant);

    internal static string ResourceOf(string[] segments)
    {
        for (int i = segments.Length - 1; i > 0; i--)
        {
            if (NestedCollections.Contains(segments[i]))
            {
                return segments[i];
            }
        }

        return segments[0];
    }

    // ---------------------------------------------------------------- operations

    private Operation BuildOperation(string path, string resource, string method, YMap pathItem, YMap operation)
    {
        var parameters = new Dictionary<(string In, string Name), YMap>();
        foreach (YMap parameter in Parameters(pathItem).Concat(Parameters(operation)))
        {
            string name = parameter.Str("name") ?? string.Empty;
            string location = parameter.Str("in") ?? string.Empty;
            parameters[(location, name)] = parameter;
        }

        bool accountScoped = parameters.Keys.Any(k => k.In == "header"
            && string.Equals(k.Name, "X-Account-Token", StringComparison.OrdinalIgnoreCase));
        if (!accountScoped && !_source.IsPlatform)
        {
            // Only platform operations (excluded above) are org-level; every common-model operation of every
            // spec declares X-Account-Token except the docs export's GET /hris/v1/groups/types, whose
            // distinct group types come from the linked account's Groups. Treat the omission as one.
            Note($"{method.ToUpperInvariant()} {path}: declares no X-Account-Token header; account-scoped like every common-model operation");
            accountScoped = true;
        }

        List<Parameter> pathParams = parameters.Where(p => p.Key.In == "path")
            .Select(p => BuildParameter(p.Value, path))
            .Concat(_source.IsPlatform ? new[] { CategoryParameter } : Array.Empty<Parameter>())
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        List<Parameter> query = parameters.Where(p => p.Key.In == "query")
            .Select(p => BuildParameter(p.Value, path))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        foreach ((string location, string name) in parameters.Keys)
        {
            if (location is not ("path" or "query" or "header"))
            {
                Note($"{method.ToUpperInvariant()} {path}: {location} parameter {name} ignored");
            }
        }

        (int status, YMap? response) = SuccessResponse(operation, path);
        ResponseShape shape = ReadResponse(response, $"{method.ToUpperInvariant()} {path}");
        RequestShape body = ReadRequest(operation, $"{method.ToUpperInvariant()} {path}");
        string kind = KindOf(path, resource, method, shape.Paginated, shape.IsArray, shape.IsBinary);

        return new Operation
        {
            Kind = kind,
            Method = method.ToUpperInvariant(),
            Path = path,
            OperationId = operation.Str("operationId"),
            AccountScoped = accountScoped,
            Paginated = shape.Paginated,
            PathParams = pathParams,
            Query = query,
            RequestModel = body.Model,
            BodyWrapped = body.Wrapped,
            TakesRemoteUserId = body.TakesRemoteUserId,
            ResponseModel = shape.Model,
            ResponseIsArray = shape.IsArray,
            ResponseIsBinary = shape.IsBinary,
            Status = status,
        };
    }

    /// <summary>The <c>{category}</c> of a platform path: any category's prefix serves the operation.</summary>
    internal static readonly Parameter CategoryParameter = new()
    {
        Name = "category",
        Type = TypeExpr.Enum,
        Values = CatalogSet.CategoryOrder.ToList(),
        Required = true,
    };

    private IEnumerable<YMap> Parameters(YMap owner)
    {
        foreach (object? item in owner.Seq("parameters") ?? new List<object?>())
        {
            if (item is YMap parameter)
            {
                yield return Resolve(parameter, "parameters") ?? parameter;
            }
        }
    }

    /// <summary>The operation kind from the path after the resource segment, the (lower-case) method and the
    /// response's shape (see the README's Kinds rule).</summary>
    internal static string KindOf(string path, string resource, string method, bool paginated, bool isArray, bool isBinary)
    {
        string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int index = Array.IndexOf(segments, resource, 2);
        string[] rest = segments.Skip(index + 1).ToArray();
        bool IsParam(int i) => rest[i].StartsWith('{');

        switch (method)
        {
            case "get":
                if (rest.Length == 0)
                {
                    return paginated ? OperationKinds.List : isArray ? OperationKinds.SubList : OperationKinds.SubRetrieve;
                }

                if (rest.Length == 1 && IsParam(0))
                {
                    return OperationKinds.Retrieve;
                }

                if (rest is ["meta", "post"])
                {
                    return OperationKinds.MetaPost;
                }

                if (rest.Length == 3 && rest[0] == "meta" && rest[1] == "patch" && IsParam(2))
                {
                    return OperationKinds.MetaPatch;
                }

                if (rest[^1] == "remote-field-classes")
                {
                    return OperationKinds.RemoteFieldClasses;
                }

                if (rest.Length == 2 && rest[0] == "bulk" && IsParam(1))
                {
                    return OperationKinds.BulkStatus;
                }

                if (rest[^1] == "download" && isBinary)
                {
                    return OperationKinds.Download;
                }

                return paginated || isArray ? OperationKinds.SubList : OperationKinds.SubRetrieve;
            case "post":
                if (rest.Length == 0)
                {
                    return OperationKinds.Create;
                }

                if (rest.Length == 2 && rest[0] == "ignore" && IsParam(1))
                {
                    return OperationKinds.Ignore;
                }

                if (rest is ["bulk"])
                {
                    return OperationKinds.BulkCreate;
                }

                return OperationKinds.Action;
            case "patch":
                return rest.Length == 1 && IsParam(0) ? OperationKinds.PartialUpdate : OperationKinds.Action;
            default:
                return OperationKinds.Action;
        }
    }

    private (int Status, YMap? Response) SuccessResponse(YMap operation, string path)
    {
        YMap? responses = operation.Map("responses");
        if (responses is not null)
        {
            foreach (string code in responses.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (code.Length == 3 && code[0] == '2' && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out int status))
                {
                    return (status, Resolve(responses.Map(code), "responses"));
                }
            }
        }

        Note($"{path}: no 2xx response; assuming 200");
        return (200, null);
    }

    private sealed record ResponseShape(string? Model, bool Paginated, bool IsArray, bool IsBinary);

    private ResponseShape ReadResponse(YMap? response, string where)
    {
        YMap? content = response?.Map("content");
        if (content is null || content.Keys.Count == 0)
        {
            return new ResponseShape(null, false, false, false);
        }

        string type = content.Has("application/json") ? "application/json" : content.Keys[0];
        YMap? schema = content.Map(type)?.Map("schema");
        if (type == "application/octet-stream" || (schema is not null && schema.Str("format") == "binary"))
        {
            return new ResponseShape(null, false, false, true);
        }

        if (schema is null)
        {
            return new ResponseShape(null, false, false, false);
        }

        string? name = RefName(schema);
        YMap? resolved = name is null ? schema : Schema(name);
        if (resolved is not null && PaginatedItem(resolved) is string item)
        {
            Need(item, direct: true);
            return new ResponseShape(item, true, false, false);
        }

        if (resolved is not null && TypesOf(resolved).Contains("array"))
        {
            string? arrayItem = resolved.Map("items") is YMap items ? RefName(items) : null;
            if (arrayItem is null)
            {
                Note($"{where}: array response of an inline item type");
                return new ResponseShape(null, false, true, false);
            }

            Need(arrayItem, direct: true);
            return new ResponseShape(arrayItem, false, true, false);
        }

        if (name is null && _source.IsPlatform
            && (schema.Seq("oneOf") ?? schema.Seq("anyOf")) is List<object?> variants
            && variants.OfType<YMap>().ToList() is [var first, var second]
            && (RefName(first) ?? RefName(second)) is string variant
            && TypesOf(RefName(first) is null ? first : second) is ["string"])
        {
            // async-passthrough/{id}: the result, or a plain string while it is pending.
            Note($"{where}: response is {variant} or a string; recorded as {variant}");
            Need(variant, direct: true);
            return new ResponseShape(variant, false, false, false);
        }

        if (name is null)
        {
            Note($"{where}: inline response schema; no model recorded");
            return new ResponseShape(null, false, false, false);
        }

        Need(name, direct: true);
        return new ResponseShape(name, false, false, false);
    }

    /// <summary>The item schema of a <c>{next, previous, results: [X]}</c> page, or null.</summary>
    private string? PaginatedItem(YMap schema)
    {
        YMap? properties = schema.Map("properties");
        if (properties is null || !properties.Has("next") || !properties.Has("results"))
        {
            return null;
        }

        return properties.Map("results")?.Map("items") is YMap items ? RefName(items) : null;
    }

    private sealed record RequestShape(string? Model, bool Wrapped, bool TakesRemoteUserId);

    private RequestShape ReadRequest(YMap operation, string where)
    {
        YMap? body = Resolve(operation.Map("requestBody"), "requestBodies");
        YMap? content = body?.Map("content");
        if (content is null || content.Keys.Count == 0)
        {
            return new RequestShape(null, false, false);
        }

        string type = content.Has("application/json") ? "application/json" : content.Keys[0];
        YMap? schema = content.Map(type)?.Map("schema");
        string? name = schema is null ? null : RefName(schema);
        if (name is null)
        {
            Note($"{where}: inline request body schema; no model recorded");
            return new RequestShape(null, false, false);
        }

        YMap? properties = Schema(name)?.Map("properties");
        if (properties is not null && properties.Has("model")
            && properties.Keys.All(k => k is "model" or "remote_user_id")
            && properties.Map("model") is YMap inner && RefName(inner) is string innerName)
        {
            Need(innerName, direct: true);
            return new RequestShape(innerName, true, properties.Has("remote_user_id"));
        }

        Need(name, direct: true);
        return new RequestShape(name, false, false);
    }

    // ---------------------------------------------------------------- parameters

    private Parameter BuildParameter(YMap parameter, string path)
    {
        string name = parameter.Str("name") ?? string.Empty;
        YMap schema = Resolve(parameter.Map("schema"), "schemas") ?? new YMap();
        string description = parameter.Str("description") ?? string.Empty;
        bool deprecated = parameter.Flag("deprecated") || schema.Flag("deprecated")
            || description.StartsWith("Deprecated", StringComparison.Ordinal);
        (string type, List<string>? values) = ParameterType(name, schema, description, path);
        return new Parameter
        {
            Name = name,
            Type = type,
            Values = values,
            Required = parameter.Flag("required"),
            Deprecated = deprecated,
        };
    }

    private (string Type, List<string>? Values) ParameterType(string name, YMap schema, string description, string path)
    {
        List<string> types = TypesOf(schema).Where(t => t != "null").ToList();
        string type = types.Count == 1 ? types[0] : (schema.Has("enum") ? "string" : types.FirstOrDefault() ?? "string");
        if (types.Count > 1)
        {
            Note($"{path}: parameter {name} has several types ({string.Join(", ", types)}); using {type}");
        }

        switch (type)
        {
            case "array":
                YMap items = Resolve(schema.Map("items"), "schemas") ?? new YMap();
                List<string>? itemValues = EnumValues(items);
                if (itemValues is not null && (CombinationParameters.Contains(name) || itemValues.Any(v => v.Contains(','))))
                {
                    itemValues = Atomic(itemValues);
                }

                return ("list", itemValues);
            case "boolean":
                return (TypeExpr.Bool, null);
            case "integer":
                return (TypeExpr.Int, null);
            case "number":
                return (TypeExpr.Number, null);
        }

        List<string>? values = EnumValues(schema);
        if (values is not null)
        {
            return CombinationParameters.Contains(name) || values.Any(v => v.Contains(','))
                ? ("list", Atomic(values))
                : (TypeExpr.Enum, values);
        }

        if (IsCommaSeparated(description))
        {
            return ("list", null);
        }

        return (StringFormat(schema.Str("format")), null);
    }

    /// <summary>True when the parameter's description says several values may be joined with commas
    /// (the spec types such filters as plain strings).</summary>
    internal static bool IsCommaSeparated(string description) =>
        description.Contains("separated by commas", StringComparison.OrdinalIgnoreCase)
        || description.Contains("comma-separated", StringComparison.OrdinalIgnoreCase)
        || description.Contains("comma separated", StringComparison.OrdinalIgnoreCase);

    internal static List<string> Atomic(IEnumerable<string> combinations) => combinations
        .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Distinct(StringComparer.Ordinal)
        .OrderBy(v => v, StringComparer.Ordinal)
        .ToList();

    // ---------------------------------------------------------------- models

    private void Need(string name, bool direct)
    {
        if (_needed.Contains(name))
        {
            return;
        }

        YMap? schema = Schema(name);
        if (schema is null)
        {
            Note($"schema {name} is referenced but not defined");
            return;
        }

        if (_renamedBack.TryGetValue(name, out string? raw) && !_schemas.Has(name))
        {
            Note($"{_source.Supplement}: schema {raw} emitted as {name}");
        }

        if (!IsObjectSchema(schema))
        {
            if (direct)
            {
                Note($"schema {name} is used as a body but is not an object; not emitted as a model");
            }

            return;
        }

        if (!direct && (schema.Map("properties")?.Keys.Count ?? 0) == 0)
        {
            return;
        }

        _needed.Add(name);
        _pending.Enqueue(name);
    }

    private static bool IsObjectSchema(YMap schema) =>
        !schema.Has("enum") && (TypesOf(schema).Contains("object") || schema.Has("properties"));

    private Model BuildModel(string name)
    {
        YMap schema = Schema(name)!;
        YMap properties = schema.Map("properties") ?? new YMap();
        var required = new HashSet<string>((schema.Seq("required") ?? new List<object?>()).OfType<string>(), StringComparer.Ordinal);
        var fields = new List<Field>();
        foreach (KeyValuePair<string, object?> property in properties.Entries())
        {
            YMap node = property.Value as YMap ?? new YMap();
            Mapped mapped = Map(node, $"{name}.{property.Key}");
            if (_expandHints.TryGetValue((name, property.Key), out string? target)
                && mapped.Type is TypeExpr.Uuid or "array:" + TypeExpr.Uuid)
            {
                mapped = mapped with { Type = mapped.Type.Replace(TypeExpr.Uuid, TypeExpr.Expand + ":" + target, StringComparison.Ordinal) };
                Need(target, direct: false);
                Note($"{name}.{property.Key}: plain uuid named in an expand parameter; typed as {mapped.Type}");
            }

            bool isEnum = TypeExpr.Parse(mapped.Type).Element.Kind == TypeExpr.Enum;
            fields.Add(new Field
            {
                Name = property.Key,
                Type = mapped.Type,
                Nullable = mapped.Nullable,
                ReadOnly = node.Flag("readOnly"),
                Required = required.Contains(property.Key),
                Deprecated = node.Flag("deprecated"),
                Values = isEnum ? mapped.Values : null,
                MaxLength = int.TryParse(node.Str("maxLength"), NumberStyles.None, CultureInfo.InvariantCulture, out int max) ? max : null,
            });
        }

        if (_source.IsPlatform)
        {
            AddSupplementFields(name, fields);
            if (MapValueType(fields) is string mapOf)
            {
                // Keyed by the category's Common Model names (HRIS's in this spec): a map, not HRIS fields.
                Note($"{name}: keyed by Common Model names; recorded as a map of {mapOf}");
                return new Model { Name = name, FreeForm = true, MapOf = mapOf };
            }
        }

        return new Model
        {
            Name = name,
            FreeForm = fields.Count == 0,
            Fields = fields,
        };
    }

    /// <summary>
    /// Platform models only: a model both documents define takes the <c>_v3</c> fields, then the fields only
    /// the docs export declares (newer body fields such as link-token's <c>ekm_enabled</c>; reference §6.3:
    /// "accept the union"). The common-model catalogues keep the <c>_v3</c> schema alone.
    /// </summary>
    private void AddSupplementFields(string name, List<Field> fields)
    {
        if (_fromSupplement || _supplementSchemas.Map(name) is not YMap newer || newer.Map("properties") is not YMap properties)
        {
            return;
        }

        var required = new HashSet<string>((newer.Seq("required") ?? new List<object?>()).OfType<string>(), StringComparer.Ordinal);
        _fromSupplement = true;
        foreach (KeyValuePair<string, object?> property in properties.Entries())
        {
            if (fields.Any(f => f.Name == property.Key))
            {
                continue;
            }

            YMap node = property.Value as YMap ?? new YMap();
            Mapped mapped = Map(node, $"{name}.{property.Key}");
            bool isEnum = TypeExpr.Parse(mapped.Type).Element.Kind == TypeExpr.Enum;
            fields.Add(new Field
            {
                Name = property.Key,
                Type = mapped.Type,
                Nullable = mapped.Nullable,
                ReadOnly = node.Flag("readOnly"),
                Required = required.Contains(property.Key),
                Deprecated = node.Flag("deprecated"),
                Values = isEnum ? mapped.Values : null,
                MaxLength = int.TryParse(node.Str("maxLength"), NumberStyles.None, CultureInfo.InvariantCulture, out int max) ? max : null,
            });
            Note($"{name}.{property.Key}: only in {_source.Supplement}; added");
        }

        _fromSupplement = false;
    }

    /// <summary>The value type when every field is named like a model (upper case) and all share one array type.</summary>
    private static string? MapValueType(List<Field> fields) =>
        fields.Count > 1
        && fields.All(f => char.IsUpper(f.Name[0]) && f.Type.StartsWith("array:model:", StringComparison.Ordinal))
        && fields.Select(f => f.Type).Distinct(StringComparer.Ordinal).Count() == 1
            ? fields[0].Type
            : null;

    private sealed record Mapped(string Type, List<string>? Values, bool Nullable);

    /// <summary>Maps a property schema to a <see cref="TypeExpr"/> string.</summary>
    private Mapped Map(YMap node, string where)
    {
        bool nullable = node.Flag("nullable");

        if (RefName(node) is string reference)
        {
            Mapped target = MapReference(reference, where);
            return target with { Nullable = target.Nullable || nullable };
        }

        // "oneof" (lower case) is a typo in ats_v3.yml (ScreeningQuestion.options); read it as oneOf.
        foreach (string combinator in new[] { "oneOf", "oneof", "anyOf", "allOf" })
        {
            if (node.Seq(combinator) is List<object?> variants)
            {
                if (combinator == "oneof")
                {
                    Note($"{where}: 'oneof' (lower case) read as oneOf");
                }

                Mapped combined = MapVariants(variants.OfType<YMap>().ToList(), node, where);
                return combined with { Nullable = combined.Nullable || nullable };
            }
        }

        List<string> types = TypesOf(node);
        if (types.Remove("null"))
        {
            nullable = true;
        }

        if (types.Count == 0)
        {
            if (node.Has("enum"))
            {
                return new Mapped(TypeExpr.Enum, EnumValues(node), nullable);
            }

            if (node.Has("properties") && (node.Map("properties")?.Keys.Count ?? 0) > 0)
            {
                Note($"{where}: inline object with properties; typed as object");
                return new Mapped(TypeExpr.Object, null, nullable);
            }

            return new Mapped(TypeExpr.Any, null, nullable);
        }

        if (types.Count > 1)
        {
            Note($"{where}: several types ({string.Join(", ", types)}); typed as any");
            return new Mapped(TypeExpr.Any, null, nullable);
        }

        switch (types[0])
        {
            case "string":
                return node.Has("enum")
                    ? new Mapped(TypeExpr.Enum, EnumValues(node), nullable)
                    : new Mapped(StringFormat(node.Str("format")), null, nullable);
            case "integer":
                return new Mapped(TypeExpr.Int, null, nullable);
            case "number":
                return new Mapped(TypeExpr.Number, null, nullable);
            case "boolean":
                return new Mapped(TypeExpr.Bool, null, nullable);
            case "array":
                Mapped item = node.Map("items") is YMap items ? Map(items, where + "[]") : new Mapped(TypeExpr.Any, null, false);
                return new Mapped("array:" + item.Type, item.Values, nullable);
            case "object":
                if ((node.Map("properties")?.Keys.Count ?? 0) > 0)
                {
                    Note($"{where}: inline object with properties; typed as object");
                }

                return new Mapped(TypeExpr.Object, null, nullable);
            default:
                Note($"{where}: unknown type {types[0]}; typed as any");
                return new Mapped(TypeExpr.Any, null, nullable);
        }
    }

    private Mapped MapReference(string name, string where)
    {
        YMap? schema = Schema(name);
        if (schema is null)
        {
            Note($"{where}: reference to undefined schema {name}; typed as any");
            return new Mapped(TypeExpr.Any, null, false);
        }

        if (schema.Has("enum"))
        {
            return new Mapped(TypeExpr.Enum, EnumValues(schema), false);
        }

        if (IsObjectSchema(schema))
        {
            if ((schema.Map("properties")?.Keys.Count ?? 0) == 0)
            {
                // A named object with no declared fields (the docs exports' *FieldMappings): inline it.
                return new Mapped(TypeExpr.Object, null, false);
            }

            if (_fromSupplement && name.EndsWith("FieldMappings", StringComparison.Ordinal))
            {
                // The accounting docs export declares {organization,linked_account}_defined_targets on its
                // *FieldMappings; the _v3 specs it supplements type every field_mappings as a free-form
                // object. Keep theirs. (Chat, built from its docs export alone, keeps its models.)
                Note($"{where}: {name} typed as object, as the _v3 specs type field_mappings");
                return new Mapped(TypeExpr.Object, null, false);
            }

            Need(name, direct: false);
            return new Mapped(TypeExpr.ModelKind + ":" + name, null, false);
        }

        // A primitive alias or a union of primitives: inline it.
        return Map(schema, where);
    }

    private Mapped MapVariants(List<YMap> variants, YMap owner, string where)
    {
        bool nullable = false;
        var rest = new List<YMap>();
        foreach (YMap variant in variants)
        {
            if (TypesOf(variant) is ["null"] && RefName(variant) is null)
            {
                nullable = true;
            }
            else
            {
                rest.Add(variant);
            }
        }

        if (rest.Count == 1)
        {
            Mapped single = Map(rest[0], where);
            return single with { Nullable = single.Nullable || nullable };
        }

        List<YMap> references = rest.Where(v => RefName(v) is not null).ToList();
        List<YMap> inline = rest.Where(v => RefName(v) is null).ToList();

        if (references.Count == 1 && inline.Count == 1)
        {
            string name = RefName(references[0])!;
            YMap? target = Schema(name);
            bool inlineIsString = TypesOf(inline[0]) is ["string"] && !inline[0].Has("enum");
            if (target is not null && target.Has("enum") && inlineIsString)
            {
                // Merge's "normalized enum or the raw remote string".
                return new Mapped(TypeExpr.Enum, EnumValues(target), nullable);
            }

            if (target is not null && IsObjectSchema(target) && inlineIsString)
            {
                // A related record: its id, or the record itself when expanded.
                string expandsTo = owner.Str("x-merge-expands-to") ?? name;
                if (expandsTo != name)
                {
                    Note($"{where}: x-merge-expands-to {expandsTo} differs from the referenced {name}; using {name}");
                }

                Need(name, direct: false);
                return new Mapped(TypeExpr.Expand + ":" + name, null, nullable);
            }
        }

        if (references.Count == 0 && inline.All(v => TypesOf(v) is ["integer"] or ["number"]))
        {
            return new Mapped(TypeExpr.Number, null, nullable);
        }

        if (references.Count == 1 && inline.Count == 2
            && inline.Any(v => TypesOf(v) is ["string"])
            && inline.FirstOrDefault(v => TypesOf(v) is ["array"]) is YMap array
            && array.Map("items") is YMap items
            && Map(items, where + "[]").Type is string itemType
            && itemType.StartsWith(TypeExpr.Expand + ":", StringComparison.Ordinal))
        {
            // "one related record or a list of them": typed as the list.
            Note($"{where}: one-or-many union of {RefName(references[0])}; typed as array:{itemType}");
            return new Mapped("array:" + itemType, null, nullable);
        }

        Note($"{where}: union of {rest.Count} variants not recognised; typed as any");
        return new Mapped(TypeExpr.Any, null, nullable);
    }

    // ---------------------------------------------------------------- expand inference

    /// <summary>
    /// The 3.1 docs exports declare related records as plain uuid strings. Where the operation returning
    /// a model accepts <c>expand=&lt;field&gt;</c>, the field is expandable: type it <c>expand:Target</c>
    /// when the target model can be named. Candidates, first existing object schema wins:
    /// <see cref="ExpandTargetOverrides"/>; the field name singularised; and for operations from a
    /// supplement, the one model the primary spec's own models expand a field of that name to (accounting
    /// <c>company</c> → <c>CompanyInfo</c>), then the last word singularised (<c>shipping_address</c> →
    /// <c>Address</c>).
    /// </summary>
    private void CollectExpandHints(List<Resource> resources)
    {
        foreach (Operation operation in resources.SelectMany(r => r.Operations))
        {
            Parameter? expand = operation.Query.FirstOrDefault(p => p.Name == "expand");
            if (expand?.Values is null || operation.ResponseModel is null)
            {
                continue;
            }

            _fromSupplement = _supplementOperations.Contains(operation);
            foreach (string field in expand.Values)
            {
                if (ExpandTarget(field) is string target)
                {
                    _expandHints[(operation.ResponseModel, field)] = target;
                }
            }

            _fromSupplement = false;
        }
    }

    private string? ExpandTarget(string field)
    {
        var candidates = new List<string>();
        if (ExpandTargetOverrides.TryGetValue(field, out string? overridden))
        {
            candidates.Add(overridden);
        }

        string word = field;
        foreach (string prefix in new[] { "parent_", "root_" })
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                word = word.Substring(prefix.Length);
            }
        }

        if (word.EndsWith("_id", StringComparison.Ordinal))
        {
            word = word[..^3];
        }

        string[] words = word.Split('_');
        words[^1] = Naming.Singular(words[^1]);
        candidates.Add(Naming.Pascal(string.Join("_", words)));
        if (_fromSupplement)
        {
            // Only for operations from a supplement: the primary spec's own expandable-but-plain uuids
            // (e.g. accounting Account.company) keep the rule they were built with.
            if (PrimaryExpandTargets().TryGetValue(field, out string? usual))
            {
                candidates.Add(usual);
            }

            candidates.Add(Naming.Pascal(words[^1]));
        }
        foreach (string target in candidates)
        {
            YMap? schema = Schema(target);
            if (schema is not null && IsObjectSchema(schema) && (schema.Map("properties")?.Keys.Count ?? 0) > 0)
            {
                return target;
            }
        }

        return null;
    }

    /// <summary>Field name → target of the primary spec's <c>oneOf [uuid string, $ref Target]</c> fields
    /// (also as array items), where every such field of that name expands to the same model.</summary>
    private Dictionary<string, string> PrimaryExpandTargets()
    {
        if (_primaryExpandTargets is not null)
        {
            return _primaryExpandTargets;
        }

        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object?> entry in _schemas.Entries())
        {
            if ((entry.Value as YMap)?.Map("properties") is not YMap properties)
            {
                continue;
            }

            foreach (KeyValuePair<string, object?> property in properties.Entries())
            {
                YMap? node = property.Value as YMap;
                if (node is not null && TypesOf(node).Contains("array"))
                {
                    node = node.Map("items");
                }

                List<YMap> variants = (node?.Seq("oneOf") ?? node?.Seq("anyOf") ?? new List<object?>())
                    .OfType<YMap>()
                    .Where(v => !(TypesOf(v) is ["null"] && v.Str("$ref") is null))
                    .ToList();
                if (variants.Count != 2
                    || variants.Count(v => TypesOf(v) is ["string"] && v.Str("$ref") is null && !v.Has("enum")) != 1
                    || variants.FirstOrDefault(v => v.Str("$ref") is not null) is not YMap reference)
                {
                    continue;
                }

                string target = RefName(reference)!;
                if (_schemas.Map(target) is YMap schema && IsObjectSchema(schema))
                {
                    if (!seen.TryGetValue(property.Key, out HashSet<string>? targets))
                    {
                        targets = new HashSet<string>(StringComparer.Ordinal);
                        seen.Add(property.Key, targets);
                    }

                    targets.Add(target);
                }
            }
        }

        _primaryExpandTargets = seen.Where(p => p.Value.Count == 1)
            .ToDictionary(p => p.Key, p => p.Value.Single(), StringComparer.Ordinal);
        return _primaryExpandTargets;
    }

    // ---------------------------------------------------------------- helpers

    private static string StringFormat(string? format) => format switch
    {
        "uuid" => TypeExpr.Uuid,
        "date-time" => TypeExpr.DateTime,
        "date" => TypeExpr.Date,
        "email" => TypeExpr.Email,
        "uri" => TypeExpr.Uri,
        _ => TypeExpr.String,
    };

    /// <summary>The schema's <c>type</c> as a list (OpenAPI 3.1 allows <c>[string, 'null']</c>).</summary>
    private static List<string> TypesOf(YMap schema)
    {
        var types = new List<string>();
        switch (schema["type"])
        {
            case string single:
                types.Add(single);
                break;
            case List<object?> several:
                types.AddRange(several.Select(t => t as string ?? "null"));
                break;
        }

        return types;
    }

    /// <summary>Enum values as strings, without null and the empty string (Django's "blank" choice).</summary>
    private static List<string>? EnumValues(YMap schema)
    {
        if (schema.Seq("enum") is not List<object?> values)
        {
            return null;
        }

        return values.OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The catalogue name of the schema a <c>$ref</c> points to (a supplement's synthetic name
    /// renamed), or null.</summary>
    private string? RefName(YMap node)
    {
        string? reference = node.Str("$ref");
        if (reference is null)
        {
            return null;
        }

        string name = reference.Substring(reference.LastIndexOf('/') + 1);
        return _fromSupplement && !_schemas.Has(name) && _renamed.TryGetValue(name, out string? renamed) ? renamed : name;
    }

    /// <summary>A component schema by catalogue name: the primary spec's, else (in a supplement context)
    /// the supplement's.</summary>
    private YMap? Schema(string name)
    {
        if (_schemas.Map(name) is YMap primary)
        {
            return primary;
        }

        if (!_fromSupplement)
        {
            return null;
        }

        return _supplementSchemas.Map(_renamedBack.TryGetValue(name, out string? raw) ? raw : name);
    }

    /// <summary>Follows a <c>$ref</c> into <c>components/&lt;section&gt;</c>.</summary>
    private YMap? Resolve(YMap? node, string section)
    {
        int guard = 0;
        while (node?.Str("$ref") is string reference && guard++ < 10)
        {
            string prefix = "#/components/" + section + "/";
            if (!reference.StartsWith(prefix, StringComparison.Ordinal))
            {
                return node;
            }

            YMap document = _fromSupplement ? _supplement! : _spec;
            node = document.Map("components")?.Map(section)?.Map(reference.Substring(prefix.Length));
        }

        return node;
    }

    private void Note(string message) => _notes.Add($"{_source.Name}: {message}");
}
