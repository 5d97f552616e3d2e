using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MergePS.Json;

/// <summary>
/// A relation Merge sends as an id, or as the whole related object when <c>expand</c> names it. The
/// property holds a string or a <typeparamref name="T"/>, exactly as the server sent it.
/// </summary>
public sealed class ExpandableConverter<T> : JsonConverter<object>
    where T : class
{
    private JsonTypeInfo<T>? _typeInfo;

    public override bool HandleNull => false;

    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ExpandableReader.Read(ref reader, options, ref _typeInfo);

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
        => ExpandableReader.Write(writer, value, options);
}

/// <summary>A list of relations, each an id or an expanded object.</summary>
public sealed class ExpandableListConverter<T> : JsonConverter<IReadOnlyList<object>>
    where T : class
{
    private JsonTypeInfo<T>? _typeInfo;

    public override bool HandleNull => false;

    public override IReadOnlyList<object>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a list of ids or {typeof(T).Name} objects.");
        }

        var items = new List<object>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            object? item = ExpandableReader.Read(ref reader, options, ref _typeInfo);
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<object> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (object item in value)
        {
            ExpandableReader.Write(writer, item, options);
        }

        writer.WriteEndArray();
    }
}

internal static class ExpandableReader
{
    public static object? Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, ref JsonTypeInfo<T>? typeInfo)
        where T : class
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartObject:
                typeInfo ??= (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
                return JsonSerializer.Deserialize(ref reader, typeInfo);
            default:
                throw new JsonException($"Expected an id or a {typeof(T).Name} object, found {reader.TokenType}.");
        }
    }

    public static void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        if (value is string id)
        {
            writer.WriteStringValue(id);
            return;
        }

        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }
}
