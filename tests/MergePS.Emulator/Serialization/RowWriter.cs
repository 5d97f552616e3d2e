using System;
using System.Globalization;
using System.Text.Json;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Serialization;

/// <summary>Writes records straight to a Utf8JsonWriter from their value arrays, in catalogue field
/// order, expanding relations one level deep as Merge does.</summary>
public static class RowWriter
{
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText DataName = JsonEncodedText.Encode("data");

    public static void Write(Utf8JsonWriter w, ModelSchema schema, Row row, WriteOptions options, int depth = 0)
    {
        w.WriteStartObject();
        foreach (FieldSchema field in schema.Fields)
        {
            w.WritePropertyName(field.EncodedName);
            object? value = Deferred.Resolve(row.Values[field.Index]);
            if (field.Index == schema.RemoteData)
            {
                if (options.IncludeRemoteData && !row.Shell)
                {
                    WriteRemoteData(w, schema, row, options);
                }
                else
                {
                    w.WriteNullValue();
                }

                continue;
            }

            if (field.Kind == FieldKind.Model && field.IsArray && field.Name == "remote_fields" && !options.IncludeRemoteFields)
            {
                w.WriteStartArray();
                w.WriteEndArray();
                continue;
            }

            if (!options.IncludeSensitive && WriteOptions.SensitiveFields.Contains(field.Name))
            {
                w.WriteNullValue();
                continue;
            }

            if (field.Kind == FieldKind.Expand && depth == 0 && options.Expand.Contains(field.Name))
            {
                WriteExpanded(w, field, value, options);
                continue;
            }

            if (field.Kind == FieldKind.Enum && value is string raw && options.EnumOrigins.Contains(field.Name))
            {
                w.WriteStringValue(Origin(raw));
                continue;
            }

            WriteValue(w, field, value, options, depth);
        }

        w.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter w, FieldSchema field, object? value, WriteOptions options, int depth)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            case DateTime d:
                WriteDate(w, d, field.Kind == FieldKind.Date);
                break;
            case decimal m:
                w.WriteNumberValue(m);
                break;
            case long l:
                w.WriteNumberValue(l);
                break;
            case int i:
                w.WriteNumberValue(i);
                break;
            case double x:
                w.WriteNumberValue(x);
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case RawJson raw:
                w.WriteRawValue(raw.Json, skipInputValidation: true);
                break;
            case Row nested:
                ModelSchema? schema = field.Target is null ? null : options.Data.Category.Schema(field.Target);
                if (schema is null || field.Kind == FieldKind.Expand)
                {
                    w.WriteNullValue();
                }
                else
                {
                    Write(w, schema, nested, options, depth + 1);
                }

                break;
            case object?[] items:
                w.WriteStartArray();
                foreach (object? item in items)
                {
                    WriteValue(w, field, Deferred.Resolve(item), options, depth);
                }

                w.WriteEndArray();
                break;
            default:
                w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    public static void WriteDate(Utf8JsonWriter w, DateTime value, bool dateOnly)
    {
        Span<char> buffer = stackalloc char[32];
        string format = dateOnly ? "yyyy-MM-dd"
            : value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
        value.TryFormat(buffer, out int written, format, CultureInfo.InvariantCulture);
        w.WriteStringValue(buffer.Slice(0, written));
    }

    /// <summary>"FULL_TIME" as an integration would spell it: "Full Time".</summary>
    public static string Origin(string value)
    {
        var parts = value.ToLowerInvariant().Split('_', '-');
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                parts[i] = char.ToUpperInvariant(parts[i][0]) + parts[i].Substring(1);
            }
        }

        return string.Join(' ', parts);
    }

    private static void WriteExpanded(Utf8JsonWriter w, FieldSchema field, object? value, WriteOptions options)
    {
        Table? target = field.Target is null ? null : options.Data.Table(field.Target);
        if (value is object?[] ids)
        {
            w.WriteStartArray();
            foreach (object? id in ids)
            {
                WriteOneExpanded(w, field, target, id, options);
            }

            w.WriteEndArray();
        }
        else
        {
            WriteOneExpanded(w, field, target, value, options);
        }
    }

    private static void WriteOneExpanded(Utf8JsonWriter w, FieldSchema field, Table? target, object? id, WriteOptions options)
    {
        Row? row = id is string s && target is not null ? target.Find(s) : null;
        if (row is null)
        {
            WriteValue(w, field, id, options, 1);
            return;
        }

        Write(w, target!.Schema, row, options, 1);
    }

    /// <summary>A small stand-in for the third party's payload: its id and a few fields in camelCase.</summary>
    private static void WriteRemoteData(Utf8JsonWriter w, ModelSchema schema, Row row, WriteOptions options)
    {
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString(PathName, options.RemotePath + "/" + (schema.RemoteId >= 0 ? row.Values[schema.RemoteId] as string : row.Id(schema)));
        w.WritePropertyName(DataName);
        w.WriteStartObject();
        w.WriteString("id", schema.RemoteId >= 0 ? row.Values[schema.RemoteId] as string : row.Id(schema));
        int written = 0;
        foreach (FieldSchema field in schema.Fields)
        {
            if (written >= 6 || field.Index == schema.Id || field.Index == schema.RemoteId || field.ReadOnly
                || field.IsArray || field.Kind is FieldKind.Model or FieldKind.Object or FieldKind.Any or FieldKind.Expand)
            {
                continue;
            }

            object? value = row.Values[field.Index];
            if (value is null || (!options.IncludeSensitive && WriteOptions.SensitiveFields.Contains(field.Name)))
            {
                continue;
            }

            w.WritePropertyName(CamelCase(field.Name));
            WriteValue(w, field, value is string s && field.Kind == FieldKind.Enum ? Origin(s) : value, options, 1);
            written++;
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static string CamelCase(string name)
    {
        var parts = name.Split('_');
        for (int i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                parts[i] = char.ToUpperInvariant(parts[i][0]) + parts[i].Substring(1);
            }
        }

        return string.Concat(parts);
    }
}
