using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using MergePS.Client;
using MergePS.Json;
using MergePS.Models;

namespace MergePS.Commands;

/// <summary>
/// Turns what a PowerShell user passes (hashtables, PSCustomObjects, arrays, dates, module models)
/// into the JSON Merge expects, without reflection over arbitrary .NET objects.
/// </summary>
internal static class PSJson
{
    private const int MaxDepth = 32;

    public static JsonNode? ToNode(object? value) => ToNode(value, 0);

    private static JsonNode? ToNode(object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Invalid("The value is nested too deeply (or refers to itself).");
        }

        if (value is PSObject wrapped)
        {
            value = wrapped.BaseObject is PSCustomObject ? wrapped : wrapped.BaseObject;
        }

        switch (value)
        {
            case null:
                return null;
            case JsonNode node:
                return node.DeepClone();
            case string text:
                return JsonValue.Create(text);
            case char c:
                return JsonValue.Create(c.ToString());
            case bool b:
                return JsonValue.Create(b);
            case SwitchParameter s:
                return JsonValue.Create(s.IsPresent);
            case DateTime dateTime:
                return JsonValue.Create(QueryString.FormatDateTime(dateTime));
            case DateTimeOffset offset:
                return JsonValue.Create(offset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            case Guid guid:
                return JsonValue.Create(guid.ToString());
            case Enum e:
                return JsonValue.Create(e.ToString());
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case float or double or decimal:
                return JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            case SecureString:
                throw Invalid("A SecureString cannot be sent as a field value.");
            case MergeModel model:
                return JsonSerializer.SerializeToNode(model, model.GetType(), MergeJson.Options);
            case IDictionary dictionary:
                var obj = new JsonObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    obj[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = ToNode(entry.Value, depth + 1);
                }

                return obj;
            case PSObject custom:
                var fromProperties = new JsonObject();
                foreach (PSPropertyInfo property in custom.Properties)
                {
                    fromProperties[property.Name] = ToNode(property.Value, depth + 1);
                }

                return fromProperties;
            case IEnumerable sequence:
                var array = new JsonArray();
                foreach (object? item in sequence)
                {
                    array.Add(ToNode(item, depth + 1));
                }

                return array;
            default:
                throw Invalid($"A value of type {value.GetType().FullName} cannot be sent; use a string, number, boolean, date, array or hashtable.");
        }
    }

    private static MergeConfigurationException Invalid(string message) =>
        new(MergeErrorIds.InvalidArgument, message, "Pass plain values, arrays or hashtables.");
}
