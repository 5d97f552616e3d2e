using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MergePS.Models;

/// <summary>One page of a cursor-paged listing: <c>{"next", "previous", "results"}</c>.</summary>
public sealed class Page<T> : IPage
{
    [JsonPropertyName("next")]
    public string? Next { get; set; }

    [JsonPropertyName("previous")]
    public string? Previous { get; set; }

    [JsonPropertyName("results")]
    public IReadOnlyList<T> Results { get; set; } = Array.Empty<T>();

    System.Collections.IEnumerable IPage.Items => Results;
}

/// <summary>A page whose item type is known only at run time.</summary>
public interface IPage
{
    string? Next { get; }

    System.Collections.IEnumerable Items { get; }
}
