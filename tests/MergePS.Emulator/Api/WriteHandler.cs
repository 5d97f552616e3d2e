using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MergePS.Catalog;
using MergePS.Emulator.Data;
using MergePS.Emulator.Seeding;
using MergePS.Emulator.Serialization;

namespace MergePS.Emulator.Api;

/// <summary>Create, partial update and ignore, with Merge's write envelope
/// <c>{"model", "warnings", "errors", "logs"}</c>.</summary>
public static class WriteHandler
{
    private static long _remoteCounter;

    public static Task Create(ApiRequest request)
    {
        ModelSchema? model = request.Category.Schema(request.Resource?.Model);
        Table? table = model is null ? null : request.Data.Table(model.Name);
        if (model is null || table is null)
        {
            return JsonResponse.Detail(request.Http, 404, "Not found.");
        }

        if (!Body(request, out JsonElement body, out Task? failure))
        {
            return failure!;
        }

        Row row = NewRecord(model);
        var problems = Apply(model, row, body, request.Category.Schema(request.Operation.RequestModel), create: true);
        if (problems.Errors.Count > 0)
        {
            return Envelope(request, 400, null, null, problems);
        }

        // Path parameters that name a parent land on the field that relates the record to it: the
        // field named like the parameter, else the one the filter overrides name (custom_object_class_id
        // is a custom object's object_class, and the id in an association type's source_object_class).
        foreach (var (name, value) in request.PathValues)
        {
            string? rule = Filters.FilterOverrides.Table.FirstOrDefault(t => t.Model == model.Name && t.Param == name).Rule;
            if (model.Field(name.EndsWith("_id", StringComparison.Ordinal) ? name[..^3] : name) is { } f && row.Values[f.Index] is null)
            {
                row.Values[f.Index] = value;
            }
            else if (rule is not null && rule.StartsWith("eq:", StringComparison.Ordinal) && model.Field(rule[3..]) is { } related && row.Values[related.Index] is null)
            {
                row.Values[related.Index] = value;
            }
            else if (rule is not null && rule.StartsWith("jsonid:", StringComparison.Ordinal) && model.Field(rule[7..]) is { } holder
                && (row.Values[holder.Index] is not RawJson json || Filters.JsonIdMatcher.IdOf(json) is null))
            {
                row.Values[holder.Index] = new RawJson(JsonSerializer.Serialize(new { id = value, origin_type = "CUSTOM_OBJECT" }));
            }
        }

        table.Append(row);
        return Envelope(request, request.Operation.Status, model, row, problems);
    }

    public static Task PartialUpdate(ApiRequest request)
    {
        ModelSchema? model = request.Category.Schema(request.Resource?.Model);
        Table? table = model is null ? null : request.Data.Table(model.Name);
        string id = RecordId(request);
        Row? existing = table?.Find(id);
        if (model is null || table is null || existing is null || existing.Shell)
        {
            return JsonResponse.Detail(request.Http, 404, "Not found.");
        }

        if (!Body(request, out JsonElement body, out Task? failure))
        {
            return failure!;
        }

        var copy = new Row((object?[])existing.Values.Clone());
        var problems = Apply(model, copy, body, request.Category.Schema(request.Operation.RequestModel), create: false);
        if (problems.Errors.Count > 0)
        {
            return Envelope(request, 400, null, null, problems);
        }

        RowFactory.Set(copy.Values, model.ModifiedAt, Now());
        table.Replace(id, _ => copy);
        return Envelope(request, request.Operation.Status, model, copy, problems);
    }

    /// <summary>ignore/{model_id}: the record stays, every field but its ids and timestamps reads null.</summary>
    public static Task Ignore(ApiRequest request)
    {
        ModelSchema? model = request.Category.Schema(request.Resource?.Model);
        Table? table = model is null ? null : request.Data.Table(model.Name);
        string id = RecordId(request);
        if (!Body(request, out JsonElement body, out Task? failure, wrapped: false))
        {
            return failure!;
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string[] reasons = request.Category.Schema(request.Operation.RequestModel)?.Field("reason")?.Values ?? new[] { "GENERAL_CUSTOMER_REQUEST", "GDPR", "OTHER" };
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("reason", out JsonElement reason) || reason.ValueKind == JsonValueKind.Null)
        {
            errors["reason"] = new List<string> { "This field is required." };
        }
        else if (reason.ValueKind != JsonValueKind.String || !reasons.Contains(reason.GetString()))
        {
            errors["reason"] = new List<string> { "\"" + (reason.ValueKind == JsonValueKind.String ? reason.GetString() : reason.GetRawText()) + "\" is not a valid choice." };
        }

        if (errors.Count > 0)
        {
            return JsonResponse.FieldErrors(request.Http, errors);
        }

        if (model is null || table is null || table.Find(id) is null)
        {
            return JsonResponse.Detail(request.Http, 404, "Not found.");
        }

        table.Replace(id, old =>
        {
            var values = new object?[old.Values.Length];
            foreach (FieldSchema field in model.Fields)
            {
                values[field.Index] = field.EmptyValue;
            }

            values[model.Id] = old.Values[model.Id];
            RowFactory.Set(values, model.RemoteId, old.Values[model.RemoteId < 0 ? 0 : model.RemoteId]);
            RowFactory.Set(values, model.CreatedAt, model.CreatedAt < 0 ? null : old.Values[model.CreatedAt]);
            RowFactory.Set(values, model.ModifiedAt, Now());
            return new Row(values);
        });
        return JsonResponse.Empty(request.Http, 200);
    }

    public static string RecordId(ApiRequest request) =>
        request.PathValues.TryGetValue("id", out string? id) ? id
        : request.PathValues.TryGetValue("model_id", out string? modelId) ? modelId
        : request.PathValues.Values.LastOrDefault() ?? string.Empty;

    /// <summary>Microsecond precision, like Django's timestamps.</summary>
    public static DateTime Now()
    {
        DateTime now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>The JSON body; for wrapped bodies the object under "model".</summary>
    private static bool Body(ApiRequest request, out JsonElement body, out Task? failure, bool? wrapped = null)
    {
        failure = null;
        body = default;
        string text = request.Http.Items[RequestBody.ItemKey] as string ?? string.Empty;
        if (text.Trim().Length == 0)
        {
            text = "{}";
        }

        try
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            failure = JsonResponse.Detail(request.Http, 400, "JSON parse error - " + ex.Message);
            return false;
        }

        if (wrapped ?? request.Operation.BodyWrapped)
        {
            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("model", out JsonElement model) || model.ValueKind != JsonValueKind.Object)
            {
                failure = JsonResponse.FieldErrors(request.Http, new Dictionary<string, List<string>> { ["model"] = new() { "This field is required." } });
                return false;
            }

            body = model;
        }

        return true;
    }

    /// <summary>A new record with fresh ids and timestamps and empty lists; the caller fills it with <see cref="Apply"/>.</summary>
    internal static Row NewRecord(ModelSchema model)
    {
        DateTime now = Now();
        Row row = RowFactory.NewRow(model, Guid.NewGuid().ToString("D"), "emulated-" + System.Threading.Interlocked.Increment(ref _remoteCounter), now, now, false);
        foreach (FieldSchema field in model.Fields)
        {
            if (row.Values[field.Index] is null && !field.Nullable && field.IsArray)
            {
                row.Values[field.Index] = Array.Empty<object?>();
            }
        }

        return row;
    }

    /// <summary>Copies the posted fields onto the row: unknown ones become UNRECOGNIZED_FIELD warnings,
    /// and a create missing a required field of <paramref name="requestModel"/> gets an error.</summary>
    internal static Problems Apply(ModelSchema model, Row row, JsonElement body, ModelSchema? requestModel, bool create)
    {
        var problems = new Problems();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return problems;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in body.EnumerateObject())
        {
            seen.Add(property.Name);
            FieldSchema? requestField = requestModel?.Field(property.Name);
            FieldSchema? target = model.Field(property.Name);
            bool known = requestModel is null ? target is not null && !target.ReadOnly : requestField is not null;
            if (!known)
            {
                problems.Warnings.Add(("/model/" + property.Name, "Unrecognized Field", $"An unrecognized field, {property.Name}, was passed in with request data.", "UNRECOGNIZED_FIELD"));
                continue;
            }

            if (target is not null && target.Index != model.Id)
            {
                row.Values[target.Index] = BodyValues.Convert(target, property.Value);
            }
        }

        if (create && requestModel is not null)
        {
            foreach (FieldSchema field in requestModel.Fields.Where(f => f.Required && !seen.Contains(f.Name)))
            {
                problems.Errors.Add(("/model/" + field.Name, "Missing Required Field", $"{field.Name} is a required field on model.", "MISSING_REQUIRED_FIELD"));
            }
        }

        return problems;
    }

    /// <summary>Merge's write envelope; with is_debug_mode=true, <c>logs</c> holds one debug log entry.</summary>
    internal static Task Envelope(ApiRequest request, int status, ModelSchema? model, Row? row, Problems problems)
    {
        bool debug = request.Flag("is_debug_mode");
        var output = request.Output();
        return JsonResponse.Write(request.Http, status, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("model");
            if (model is null || row is null)
            {
                w.WriteNullValue();
            }
            else
            {
                RowWriter.Write(w, model, row, output);
            }

            WriteProblems(w, "warnings", problems.Warnings);
            WriteProblems(w, "errors", problems.Errors);
            w.WriteStartArray("logs");
            if (debug)
            {
                string logId = Guid.NewGuid().ToString("D");
                w.WriteStartObject();
                w.WriteString("log_id", logId);
                w.WriteString("dashboard_view", "https://app.merge.dev/logs/" + logId);
                w.WriteStartObject("log_summary");
                string slug = request.Account?.IntegrationSlug ?? "integration";
                w.WriteString("url", "https://api." + slug + ".example/v1/" + (request.Resource?.Name ?? "records"));
                w.WriteString("method", request.Http.Request.Method);
                w.WriteNumber("status_code", status is 201 ? 201 : 200);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteProblems(Utf8JsonWriter w, string name, List<(string Pointer, string Title, string Detail, string Type)> problems)
    {
        w.WriteStartArray(name);
        foreach (var p in problems)
        {
            w.WriteStartObject();
            w.WriteStartObject("source");
            w.WriteString("pointer", p.Pointer);
            w.WriteEndObject();
            w.WriteString("title", p.Title);
            w.WriteString("detail", p.Detail);
            w.WriteString("problem_type", p.Type);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    internal sealed class Problems
    {
        public List<(string Pointer, string Title, string Detail, string Type)> Warnings { get; } = new();

        public List<(string Pointer, string Title, string Detail, string Type)> Errors { get; } = new();
    }
}
