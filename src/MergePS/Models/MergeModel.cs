using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MergePS.Models;

/// <summary>
/// Base of every generated model. Fields Merge adds after this module was built are kept in
/// <see cref="AdditionalProperties"/> instead of being dropped.
/// </summary>
public abstract class MergeModel
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Name of the session account the record was read through; set by fan-out listings.</summary>
    [JsonIgnore]
    public string? MergeAccount { get; set; }
}
