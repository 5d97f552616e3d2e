namespace MergePS.Emulator.Filters;

/// <summary>
/// Parameters the naming rules cannot interpret, or would interpret wrongly. A rule is one of
/// <c>eq:field</c>, <c>in:field</c>, <c>after:field</c>, <c>before:field</c>, <c>not:field</c>,
/// <c>unless:field</c> (hidden unless the parameter is true, like include_deleted_data),
/// <c>via:expandField:param</c> (the related record matches <c>param</c> by the usual rules),
/// <c>sameid:Model:param</c> (the record of Model with the same id matches <c>param</c>),
/// <c>jsonid:field</c> (the free-form object in field has that <c>id</c>) or
/// <c>none:reason</c>. Model <c>*</c> applies to every model.
/// </summary>
public static class FilterOverrides
{
    public static readonly (string Model, string Param, string Rule)[] Table =
    {
        // Remote field classes carry is_custom; "common model field" is its opposite.
        ("*", "is_common_model_field", "not:is_custom"),

        // "Employees that have an employment with this value" (Merge's own wording).
        ("Employee", "employment_type", "via:employments:employment_type"),
        ("Employee", "job_title", "via:employments:job_title"),

        // Spelled out although the rules find them: these are the ones tests rely on most.
        ("Employee", "started_after", "after:start_date"),
        ("Employee", "started_before", "before:start_date"),
        ("Employee", "terminated_after", "after:termination_date"),
        ("Employee", "terminated_before", "before:termination_date"),
        ("Employee", "groups", "in:groups"),
        ("Group", "types", "in:type"),
        ("Group", "names", "in:name"),

        // Path parameters of nested lists whose field is not named after them.
        ("Message", "message_id", "eq:root_message_id"),
        ("CustomObject", "custom_object_class_id", "eq:object_class"),
        ("Association", "object_id", "eq:source_object"),
        ("Association", "custom_object_class_id", "none:the source object already fixes its class"),
        ("AssociationType", "custom_object_class_id", "jsonid:source_object_class"),

        // The spec's parameter says posted, the model's field says posting.
        ("GeneralLedgerTransaction", "posted_date_after", "after:posting_date"),
        ("GeneralLedgerTransaction", "posted_date_before", "before:posting_date"),

        // Download request metadata has one entry per file (same id); its filters are the file's.
        ("DownloadRequestMeta", "mime_types", "sameid:File:mime_types"),
        ("DownloadRequestMeta", "created_after", "sameid:File:created_after"),
        ("DownloadRequestMeta", "created_before", "sameid:File:created_before"),
        ("DownloadRequestMeta", "modified_after", "sameid:File:modified_after"),
        ("DownloadRequestMeta", "modified_before", "sameid:File:modified_before"),

        // Cancelled events are hidden unless asked for, as deleted records are.
        ("Event", "include_cancelled", "unless:is_cancelled"),

        // A message's root_message parameter names the thread root.
        ("Message", "root_message", "eq:root_message_id"),
    };
}
