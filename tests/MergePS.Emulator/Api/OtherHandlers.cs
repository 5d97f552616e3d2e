using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MergePS.Catalog;
using MergePS.Emulator.Data;
using MergePS.Emulator.Seeding;
using MergePS.Emulator.Serialization;

namespace MergePS.Emulator.Api;

/// <summary>Operations beyond read/write of common models: downloads, nested single objects,
/// actions (change-stage, associations), bulk and async endpoints.</summary>
public static class OtherHandlers
{
    /// <summary>
    /// files/{id}/download, attachments/{id}/download: the record's bytes (see <see cref="DownloadContent"/>),
    /// as an export in the format <c>mime_type</c> names when one is asked for.
    /// </summary>
    public static async Task Download(ApiRequest request)
    {
        ModelSchema? model = request.Category.Schema(request.Resource?.Model);
        Row? row = model is null ? null : request.Data.Table(model.Name)?.Find(WriteHandler.RecordId(request));
        if (model is null || row is null || row.Shell)
        {
            await JsonResponse.Detail(request.Http, 404, "Not found.");
            return;
        }

        string? storedType = row[model.IndexOf("mime_type")] as string ?? row[model.IndexOf("content_type")] as string;
        string? name = row[model.IndexOf("name")] as string ?? row[model.IndexOf("file_name")] as string;
        long? size = row[model.IndexOf("size")] is long s ? s : null;
        DownloadContent content = DownloadContent.For(request.Data.DataKey, row.Id(model) ?? string.Empty, storedType, size, name, request.Query("mime_type"));
        request.Http.Response.StatusCode = 200;
        request.Http.Response.ContentType = content.MimeType;
        request.Http.Response.Headers.ContentDisposition = "attachment; filename=\"" + content.FileName + "\"";
        request.Http.Response.ContentLength = content.Length;
        await content.WriteTo(request.Http.Response.Body);
    }

    /// <summary>A single object under a record (files/{id}/download/request-meta): the record must exist.</summary>
    public static Task SubRetrieve(ApiRequest request)
    {
        if (request.Category.Schema(request.Resource?.Model) is { } parent && request.PathValues.Count > 0
            && request.Data.Table(parent.Name)?.Find(WriteHandler.RecordId(request)) is null)
        {
            return JsonResponse.Detail(request.Http, 404, "Not found.");
        }

        return Aggregate(request) ?? Synthesized(request);
    }

    /// <summary>
    /// groups/types: a response whose only field is a string list named after a field of the
    /// resource's records, in plural, lists that field's distinct values.
    /// </summary>
    private static Task? Aggregate(ApiRequest request)
    {
        ModelSchema? response = request.Category.Schema(request.Operation.ResponseModel);
        ModelSchema? model = request.Category.Schema(request.Resource?.Model);
        if (response is not { Fields.Count: 1 } || model is null || request.PathValues.Count > 0)
        {
            return null;
        }

        FieldSchema list = response.Fields[0];
        FieldSchema? source = list.Name.EndsWith('s') ? model.Field(list.Name[..^1]) : null;
        if (!list.IsArray || source is null || request.Data.Table(model.Name) is not { } table)
        {
            return null;
        }

        bool deleted = request.Flag("include_deleted_data");
        bool origins = request.ListParam("show_enum_origins").Contains(source.Name);
        var values = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Row row in table.Current.Rows)
        {
            if (!row.Shell && (deleted || row.Values[model.RemoteWasDeleted < 0 ? source.Index : model.RemoteWasDeleted] is not true)
                && row.Values[source.Index] is string value)
            {
                values.Add(origins ? RowWriter.Origin(value) : value);
            }
        }

        return JsonResponse.Write(request.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(list.EncodedName);
            foreach (string value in values)
            {
                w.WriteStringValue(value);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// A POST/PUT on one record. When the response is a write envelope around the resource's model,
    /// the record gets the body's matching fields and is returned in the envelope; when the response
    /// is a stored model (CRM associations), a record is created from the path values.
    /// </summary>
    public static Task Action(ApiRequest request)
    {
        ModelSchema? response = request.Category.Schema(request.Operation.ResponseModel);
        ModelSchema? model = request.Category.Schema(request.Resource?.Model);
        if (response?.Field("model") is { Kind: FieldKind.Model } && model is not null && request.Data.Table(model.Name) is { } table)
        {
            string id = request.PathValues.GetValueOrDefault("id") ?? request.PathValues.Values.FirstOrDefault() ?? string.Empty;
            Row? row = table.Find(id);
            if (row is null || row.Shell)
            {
                return JsonResponse.Detail(request.Http, 404, "Not found.");
            }

            var copy = new Row((object?[])row.Values.Clone());
            ApplyActionBody(request, model, copy);
            RowFactory.Set(copy.Values, model.ModifiedAt, WriteHandler.Now());
            table.Replace(id, _ => copy);
            return WriteHandler.Envelope(request, request.Operation.Status, model, copy, new WriteHandler.Problems());
        }

        if (response is not null && request.Data.Table(response.Name) is { } target)
        {
            Row created = GenericFiller.Standalone(request.Data.Seed, response, request.Http.Request.Path.Value ?? string.Empty);
            foreach (var (name, value) in request.PathValues)
            {
                string field = name.EndsWith("_id", StringComparison.Ordinal) ? name[..^3] : name;
                if (response.Field(field) is { } f)
                {
                    created.Values[f.Index] = value;
                }
            }

            DateTime now = WriteHandler.Now();
            RowFactory.Set(created.Values, response.CreatedAt, now);
            RowFactory.Set(created.Values, response.ModifiedAt, now);
            target.Append(created);
            WriteOptions output = request.Output();
            return JsonResponse.Write(request.Http, request.Operation.Status, w => RowWriter.Write(w, response, created, output));
        }

        return Synthesized(request);
    }

    /// <summary>A deterministic object of the operation's response model (or an empty body).</summary>
    public static Task Synthesized(ApiRequest request)
    {
        ModelSchema? response = request.Category.Schema(request.Operation.ResponseModel);
        if (response is null)
        {
            return JsonResponse.Empty(request.Http, request.Operation.Status);
        }

        string key = request.Http.Request.Path.Value ?? string.Empty;
        Row row = GenericFiller.Standalone(request.Data.Seed, response, key);
        if (request.PathValues.TryGetValue("id", out string? id) && response.Field("id") is { } idField)
        {
            row.Values[idField.Index] = id;
        }

        if (response.Field("url") is { } url && key.EndsWith("/request-meta", StringComparison.Ordinal))
        {
            row.Values[url.Index] = Program.BaseUrl + key[..^"/request-meta".Length];
            RowFactory.Set(row.Values, response.IndexOf("method"), "GET");
        }

        WriteOptions output = request.Output();
        return JsonResponse.Write(request.Http, request.Operation.Status, w =>
        {
            if (request.Operation.ResponseIsArray)
            {
                w.WriteStartArray();
                RowWriter.Write(w, response, row, output);
                w.WriteEndArray();
            }
            else
            {
                RowWriter.Write(w, response, row, output);
            }
        });
    }

    private static void ApplyActionBody(ApiRequest request, ModelSchema model, Row row)
    {
        string text = request.Http.Items[RequestBody.ItemKey] as string ?? string.Empty;
        if (text.Trim().Length == 0)
        {
            return;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            foreach (JsonProperty property in doc.RootElement.EnumerateObject())
            {
                // change-stage names the stage job_interview_stage; the application holds it as current_stage.
                string name = property.Name == "job_interview_stage" && model.Field(property.Name) is null ? "current_stage" : property.Name;
                if (model.Field(name) is { ReadOnly: false } field && field.Index != model.Id)
                {
                    row.Values[field.Index] = BodyValues.Convert(field, property.Value);
                }
            }
        }
        catch (JsonException)
        {
            // An unreadable action body changes nothing, as an integration would ignore it.
        }
        catch (InvalidOperationException)
        {
            // Not an object.
        }
    }
}
