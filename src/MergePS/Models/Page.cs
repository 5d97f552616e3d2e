using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MergePS.Models;

/// <summary>One page of a cursor-paged listing: <c>{"next", "previous", "results"}</c>.</summary>
public sealed class Page<T>
{
    [JsonPropertyName("next")]
    public string? Next { get; set; }

    [JsonPropertyName("previous")]
    public string? Previous { get; set; }

    [JsonPropertyName("results")]
    public IReadOnlyList<T> Results { get; set; } = Array.Empty<T>();
}
