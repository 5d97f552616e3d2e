using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MergePS.Catalog;

/// <summary>One Merge category (for example <c>hris</c>) as derived from its OpenAPI spec: the single
/// source of truth for models, cmdlets and the emulator's routes.</summary>
public sealed class CategoryCatalog
{
    /// <summary>Path segment after <c>/api/</c>: hris, ats, accounting, ticketing, crm, filestorage,
    /// knowledgebase, chat, calendar, email.</summary>
    public required string Name { get; init; }

    /// <summary>PascalCase name used for namespaces and noun prefixes: Hris, Ats, Accounting, Ticketing,
    /// Crm, FileStorage, KnowledgeBase, Chat, Calendar, Email.</summary>
    public required string Pascal { get; init; }

    /// <summary>File the facts were read from, relative to the spec folder.</summary>
    public required string Source { get; init; }

    public List<Resource> Resources { get; init; } = new();

    public List<Model> Models { get; init; } = new();
}

/// <summary>A common-model resource: one collection path such as <c>/hris/v1/employees</c> and the
/// operations under it.</summary>
public sealed class Resource
{
    /// <summary>The collection's path segment, e.g. <c>employees</c>, <c>time-off</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Singular PascalCase noun before the cross-category naming rule, e.g. <c>Employee</c>.</summary>
    public required string Noun { get; init; }

    /// <summary>Name of the model a retrieve or list returns, e.g. <c>Employee</c>.</summary>
    public required string Model { get; init; }

    public List<Operation> Operations { get; init; } = new();
}

public sealed class Operation
{
    /// <summary>One of <see cref="OperationKinds"/>.</summary>
    public required string Kind { get; init; }

    public required string Method { get; init; }

    /// <summary>Path relative to <c>/api</c>, e.g. <c>/hris/v1/employees/{id}</c>.</summary>
    public required string Path { get; init; }

    public string? OperationId { get; init; }

    /// <summary>False for the org-level operations that take no <c>X-Account-Token</c>.</summary>
    public bool AccountScoped { get; init; } = true;

    /// <summary>True when the response is <c>{next, previous, results}</c>.</summary>
    public bool Paginated { get; init; }

    public List<Parameter> PathParams { get; init; } = new();

    public List<Parameter> Query { get; init; } = new();

    /// <summary>Schema of the request body. For create and partial update this is the model inside
    /// <c>{"model": ...}</c> (e.g. <c>EmployeeRequest</c>); <see cref="BodyWrapped"/> says so.</summary>
    public string? RequestModel { get; init; }

    /// <summary>True when the body is <c>{"model": RequestModel, "remote_user_id"?: ...}</c>.</summary>
    public bool BodyWrapped { get; init; }

    /// <summary>True when the wrapped body also takes <c>remote_user_id</c>.</summary>
    public bool TakesRemoteUserId { get; init; }

    /// <summary>Model of one result (list, sub-list) or of the whole body (others); null for no body
    /// or binary.</summary>
    public string? ResponseModel { get; init; }

    /// <summary>True when the response is a bare JSON array of <see cref="ResponseModel"/>.</summary>
    public bool ResponseIsArray { get; init; }

    /// <summary>True when the response is a binary stream (downloads).</summary>
    public bool ResponseIsBinary { get; init; }

    /// <summary>The documented success status.</summary>
    public int Status { get; init; } = 200;
}

public static class OperationKinds
{
    public const string List = "list";
    public const string Retrieve = "retrieve";
    public const string Create = "create";
    public const string PartialUpdate = "partial-update";
    public const string MetaPost = "meta-post";
    public const string MetaPatch = "meta-patch";
    public const string RemoteFieldClasses = "remote-field-classes";
    public const string Ignore = "ignore";
    public const string BulkCreate = "bulk-create";
    public const string BulkStatus = "bulk-status";
    public const string Download = "download";
    /// <summary>A paginated or array GET under one record or the collection, e.g. <c>jobs/{job_id}/screening-questions</c>.</summary>
    public const string SubList = "sub-list";
    /// <summary>Any other POST/PUT/PATCH/DELETE, e.g. <c>applications/{id}/change-stage</c>.</summary>
    public const string Action = "action";
    /// <summary>Any other GET returning one object.</summary>
    public const string SubRetrieve = "sub-retrieve";
}

public sealed class Parameter
{
    /// <summary>Wire name, e.g. <c>employment_status</c>.</summary>
    public required string Name { get; init; }

    /// <summary>A <see cref="TypeExpr"/> string: string, uuid, datetime, date, int, number, bool, email,
    /// uri, enum, or list (comma-separated values, see <see cref="Values"/>).</summary>
    public required string Type { get; init; }

    /// <summary>Allowed values for enum or list parameters (atomic names for expand, remote_fields,
    /// show_enum_origins; the spec's comma-joined combinations are collapsed).</summary>
    public List<string>? Values { get; init; }

    public bool Required { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Deprecated { get; init; }
}

public sealed class Model
{
    public required string Name { get; init; }

    /// <summary>True for a JSON object with free-form keys only (no declared fields).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool FreeForm { get; init; }

    /// <summary>For a free-form object whose keys are names (e.g. Common Model names, which differ per
    /// category) and whose values all have one type: that type, a <see cref="TypeExpr"/> string
    /// (e.g. <c>array:model:FieldMappingApiInstance</c>). Null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MapOf { get; init; }

    public List<Field> Fields { get; init; } = new();
}

public sealed class Field
{
    public required string Name { get; init; }

    /// <summary>A type expression, see <see cref="TypeExpr"/>.</summary>
    public required string Type { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Nullable { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ReadOnly { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Required { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Deprecated { get; init; }

    /// <summary>The enum's values when the type (or its array item) is <c>enum</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Values { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxLength { get; init; }
}
