using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using MergePS.Emulator.Data;
using MergePS.Emulator.Filters;

namespace MergePS.Emulator.Api;

/// <summary>Turns posted JSON into stored values of a field's type; what does not fit is kept as
/// the JSON it was, so it reads back as sent.</summary>
public static class BodyValues
{
    public static object? Convert(FieldSchema field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (field.IsArray)
        {
            return value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Select(item => Element(field, item)).ToArray()
                : new RawJson(value.GetRawText());
        }

        return Element(field, value);
    }

    private static object? Element(FieldSchema field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                string text = value.GetString()!;
                if (field.IsTemporal && QueryValues.TryDateTime(text, out DateTime at))
                {
                    return at;
                }

                if (field.Kind == FieldKind.Number && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d))
                {
                    return d;
                }

                return field.Kind is FieldKind.Object or FieldKind.Any or FieldKind.Model ? new RawJson(value.GetRawText()) : text;
            case JsonValueKind.Number when field.Kind == FieldKind.Int && value.TryGetInt64(out long l):
                return l;
            case JsonValueKind.Number when field.Kind is FieldKind.Number or FieldKind.Int && value.TryGetDecimal(out decimal m):
                return m;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return field.Kind == FieldKind.Bool ? value.GetBoolean() : new RawJson(value.GetRawText());
            default:
                return new RawJson(value.GetRawText());
        }
    }
}
