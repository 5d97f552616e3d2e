using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MergePS.Catalog;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Api;

/// <summary>meta/post and meta/patch/{id}: a MetaResponse whose request_schema is a JSON schema of
/// the write's request model, built from the catalogue.</summary>
public static class MetaHandler
{
    public static Task Handle(ApiRequest request)
    {
        string writeKind = request.Operation.Kind == OperationKinds.MetaPatch ? OperationKinds.PartialUpdate : OperationKinds.Create;
        Operation? write = request.Resource?.Operations.FirstOrDefault(o => o.Kind == writeKind);
        ModelSchema? requestModel = request.Category.Schema(write?.RequestModel);
        if (request.Operation.Kind == OperationKinds.MetaPatch)
        {
            Row? row = request.Category.Schema(request.Resource?.Model) is { } model ? request.Data.Table(model.Name)?.Find(WriteHandler.RecordId(request)) : null;
            if (row is null || row.Shell)
            {
                return JsonResponse.Detail(request.Http, 404, "Not found.");
            }
        }

        return JsonResponse.Write(request.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("request_schema");
            if (requestModel is null)
            {
                w.WriteStartObject();
                w.WriteString("type", "object");
                w.WriteStartObject("properties");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            else
            {
                WriteSchema(w, request.Category, requestModel, 0);
            }

            w.WriteStartObject("remote_field_classes");
            w.WriteEndObject();
            w.WriteStartObject("status");
            w.WriteString("linked_account_status", request.Account?.Status ?? "COMPLETE");
            w.WriteBoolean("can_make_request", true);
            w.WriteEndObject();
            w.WriteBoolean("has_conditional_params", false);
            w.WriteBoolean("has_required_linked_account_params", false);
            w.WriteEndObject();
        });
    }

    private static void WriteSchema(Utf8JsonWriter w, CategoryRuntime category, ModelSchema model, int depth)
    {
        w.WriteStartObject();
        w.WriteString("type", "object");
        w.WriteStartObject("properties");
        foreach (FieldSchema field in model.Fields)
        {
            w.WritePropertyName(field.EncodedName);
            if (field.IsArray)
            {
                w.WriteStartObject();
                w.WriteString("type", "array");
                w.WritePropertyName("items");
                WriteType(w, category, field, depth);
                w.WriteEndObject();
            }
            else
            {
                WriteType(w, category, field, depth);
            }
        }

        w.WriteEndObject();
        w.WriteStartArray("required");
        foreach (FieldSchema field in model.Fields.Where(f => f.Required))
        {
            w.WriteStringValue(field.Name);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter w, CategoryRuntime category, FieldSchema field, int depth)
    {
        if (field.Kind == FieldKind.Model && category.Schema(field.Target) is { } nested && depth < 2)
        {
            WriteSchema(w, category, nested, depth + 1);
            return;
        }

        w.WriteStartObject();
        (string type, string? format) = field.Kind switch
        {
            FieldKind.Uuid or FieldKind.Expand => ("string", "uuid"),
            FieldKind.DateTime => ("string", "date-time"),
            FieldKind.Date => ("string", "date"),
            FieldKind.Email => ("string", "email"),
            FieldKind.Uri => ("string", "uri"),
            FieldKind.Int => ("integer", null),
            FieldKind.Number => ("number", null),
            FieldKind.Bool => ("boolean", null),
            FieldKind.Object or FieldKind.Model => ("object", null),
            FieldKind.Any => ("any", null),
            _ => ("string", null),
        };
        if (type != "any")
        {
            w.WriteString("type", type);
        }

        if (format is not null)
        {
            w.WriteString("format", format);
        }

        if (field.Values is { } values)
        {
            w.WriteStartArray("enum");
            foreach (string v in values)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
        }

        if (field.MaxLength is int max)
        {
            w.WriteNumber("maxLength", max);
        }

        if (field.Nullable)
        {
            w.WriteBoolean("nullable", true);
        }

        w.WriteEndObject();
    }
}
