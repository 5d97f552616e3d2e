using System;
using System.Text.Json;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>A free-form object field whose <c>id</c> is the value, e.g. an association type's
/// <c>source_object_class</c> (<c>{"id": ..., "origin_type": ...}</c>) for custom-object-classes/{id}/association-types.</summary>
public sealed class JsonIdMatcher : Matcher
{
    private readonly FieldSchema _field;

    public JsonIdMatcher(FieldSchema field) => _field = field;

    public override string Describe => _field.Name + ".id = value";

    public override Func<Row, bool>? Bind(string param, string raw, BindContext ctx)
    {
        string wanted = raw.Trim();
        int index = _field.Index;
        return row => Deferred.Resolve(row.Values[index]) is RawJson json && IdOf(json) == wanted;
    }

    public static string? IdOf(RawJson json)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json.Json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
