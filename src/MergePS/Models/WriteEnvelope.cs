using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MergePS.Models;

/// <summary>What every Merge write returns: <c>{"model", "warnings", "errors", "logs"}</c>.</summary>
public sealed class WriteEnvelope<T>
{
    [JsonPropertyName("model")]
    public T? Model { get; set; }

    [JsonPropertyName("warnings")]
    public IReadOnlyList<MergeProblem>? Warnings { get; set; }

    [JsonPropertyName("errors")]
    public IReadOnlyList<MergeProblem>? Errors { get; set; }

    [JsonPropertyName("logs")]
    public IReadOnlyList<MergeDebugLog>? Logs { get; set; }
}

/// <summary>A warning or error Merge attaches to a write (<c>UNRECOGNIZED_FIELD</c>, <c>MISSING_REQUIRED_FIELD</c>, ...).</summary>
public sealed class MergeProblem
{
    [JsonPropertyName("source")]
    public MergeProblemSource? Source { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("detail")]
    public string? Detail { get; set; }

    [JsonPropertyName("problem_type")]
    public string? ProblemType { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    public override string ToString() =>
        $"{ProblemType}: {Detail ?? Title}{(Source?.Pointer is { } pointer ? " (" + pointer + ")" : string.Empty)}";
}

public sealed class MergeProblemSource
{
    [JsonPropertyName("pointer")]
    public string? Pointer { get; set; }
}

/// <summary>A debug log link, returned when a write is sent with is_debug_mode.</summary>
public sealed class MergeDebugLog
{
    [JsonPropertyName("log_id")]
    public string? LogId { get; set; }

    [JsonPropertyName("dashboard_view")]
    public string? DashboardView { get; set; }

    [JsonPropertyName("log_summary")]
    public JsonElement? LogSummary { get; set; }

    public override string ToString() => $"{LogId} {DashboardView} {LogSummary}";
}
