using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MergePS.Catalog;

namespace MergePS.CatalogBuilder;

/// <summary>
/// Writes a catalogue as indented JSON (serialized with <see cref="CatalogSet.JsonOptions"/>), but with each
/// parameter and each field on one line, null members left out, <c>\n</c> line endings and a final newline.
/// </summary>
public static class JsonOutput
{
    /// <summary>Arrays whose object items are written on one line each.</summary>
    private static readonly HashSet<string> OneLineItems = new(StringComparer.Ordinal) { "pathParams", "query", "fields" };

    public static string Write(CategoryCatalog catalog)
    {
        JsonElement root = JsonSerializer.SerializeToElement(catalog, CatalogSet.JsonOptions);
        var builder = new StringBuilder();
        WriteIndented(builder, root, 0, oneLineItems: false);
        builder.Append('\n');
        return builder.ToString();
    }

    /// <summary>Reads the text back and checks that it holds exactly what was serialized.</summary>
    public static void VerifyRoundTrip(CategoryCatalog catalog, string text)
    {
        CategoryCatalog back = JsonSerializer.Deserialize<CategoryCatalog>(text, CatalogSet.JsonOptions)
            ?? throw new InvalidOperationException($"{catalog.Name}: the written JSON reads back as null.");
        string expected = JsonSerializer.Serialize(catalog, CatalogSet.JsonOptions);
        string actual = JsonSerializer.Serialize(back, CatalogSet.JsonOptions);
        if (expected != actual)
        {
            throw new InvalidOperationException($"{catalog.Name}: the written JSON does not read back to the same catalogue.");
        }
    }

    private static void WriteIndented(StringBuilder builder, JsonElement element, int depth, bool oneLineItems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                List<JsonProperty> properties = element.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToList();
                if (properties.Count == 0)
                {
                    builder.Append("{}");
                    return;
                }

                builder.Append("{\n");
                for (int i = 0; i < properties.Count; i++)
                {
                    Indent(builder, depth + 1);
                    builder.Append(JsonSerializer.Serialize(properties[i].Name)).Append(": ");
                    WriteIndented(builder, properties[i].Value, depth + 1, OneLineItems.Contains(properties[i].Name));
                    builder.Append(i < properties.Count - 1 ? ",\n" : "\n");
                }

                Indent(builder, depth);
                builder.Append('}');
                return;
            case JsonValueKind.Array:
                List<JsonElement> items = element.EnumerateArray().ToList();
                if (items.Count == 0)
                {
                    builder.Append("[]");
                    return;
                }

                if (items.All(i => i.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)))
                {
                    WriteOneLine(builder, element);
                    return;
                }

                builder.Append("[\n");
                for (int i = 0; i < items.Count; i++)
                {
                    Indent(builder, depth + 1);
                    if (oneLineItems)
                    {
                        WriteOneLine(builder, items[i]);
                    }
                    else
                    {
                        WriteIndented(builder, items[i], depth + 1, oneLineItems: false);
                    }

                    builder.Append(i < items.Count - 1 ? ",\n" : "\n");
                }

                Indent(builder, depth);
                builder.Append(']');
                return;
            default:
                AppendScalar(builder, element);
                return;
        }
    }

    private static void WriteOneLine(StringBuilder builder, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                builder.Append("{ ");
                bool first = true;
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    builder.Append(JsonSerializer.Serialize(property.Name)).Append(": ");
                    WriteOneLine(builder, property.Value);
                }

                builder.Append(first ? "}" : " }");
                return;
            case JsonValueKind.Array:
                builder.Append('[');
                bool firstItem = true;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (!firstItem)
                    {
                        builder.Append(", ");
                    }

                    firstItem = false;
                    WriteOneLine(builder, item);
                }

                builder.Append(']');
                return;
            default:
                AppendScalar(builder, element);
                return;
        }
    }

    /// <summary>Strings are written with only the escapes JSON requires (the serializer's default would write
    /// <c>+</c> as <c>\u002B</c>, e.g. in a two-file <c>source</c>); other scalars as serialized.</summary>
    private static void AppendScalar(StringBuilder builder, JsonElement element) =>
        builder.Append(element.ValueKind == JsonValueKind.String
            ? JsonSerializer.Serialize(element.GetString(), RelaxedStrings)
            : element.GetRawText());

    private static readonly JsonSerializerOptions RelaxedStrings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Indent(StringBuilder builder, int depth) => builder.Append(' ', depth * 2);
}
