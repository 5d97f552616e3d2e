using System;
using System.Collections.Generic;
using System.Text.Json;

namespace MergePS.Client;

/// <summary>Turns whatever an error response carried into one readable sentence.</summary>
internal static class MergeErrorBody
{
    private const int MaxDetailChars = 300;

    public static string Describe(string body, string? mediaType)
    {
        string trimmed = body.Trim();
        if (trimmed.Length == 0)
        {
            return "(no body)";
        }

        if (trimmed[0] == '{' || trimmed[0] == '[')
        {
            string? fromJson = TryDescribeJson(trimmed);
            if (fromJson is not null)
            {
                return fromJson;
            }
        }

        if (mediaType == "text/html" || trimmed.StartsWith("<", StringComparison.Ordinal))
        {
            return "the server sent an HTML page instead of JSON (is the base URI right?)";
        }

        return Shorten(trimmed);
    }

    private static string? TryDescribeJson(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("detail", out JsonElement detail) && detail.ValueKind == JsonValueKind.String)
                {
                    return Shorten(detail.GetString() ?? string.Empty);
                }

                // Write endpoints answer 400 with the write envelope's errors; others with DRF field errors.
                if (root.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
                {
                    var parts = new List<string>();
                    foreach (JsonElement error in errors.EnumerateArray())
                    {
                        parts.Add(error.ValueKind == JsonValueKind.Object && error.TryGetProperty("detail", out JsonElement d)
                            ? d.ToString()
                            : error.ToString());
                    }

                    return Shorten(string.Join("; ", parts));
                }

                var fields = new List<string>();
                foreach (JsonProperty property in root.EnumerateObject())
                {
                    string value = property.Value.ValueKind == JsonValueKind.Array
                        ? string.Join(" ", EnumerateStrings(property.Value))
                        : property.Value.ToString();
                    fields.Add($"{property.Name}: {value}");
                }

                return fields.Count == 0 ? "(empty JSON object)" : Shorten(string.Join("; ", fields));
            }

            return Shorten(root.ToString());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> EnumerateStrings(JsonElement array)
    {
        foreach (JsonElement item in array.EnumerateArray())
        {
            yield return item.ToString();
        }
    }

    private static string Shorten(string text) =>
        text.Length <= MaxDetailChars ? text : text.Substring(0, MaxDetailChars) + "…";
}
