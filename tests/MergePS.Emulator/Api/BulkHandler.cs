using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Tasks;
using MergePS.Catalog;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Api;

/// <summary>
/// Accounting bulk writes: <c>POST {resource}/bulk</c> with <c>{"batch_items": [{"item_id", "payload"}]}</c>
/// answers 202 <c>{"batch_id"}</c>; <c>GET {resource}/bulk/{batch_id}</c> answers the batch's
/// <c>BatchObjectsResponse</c>. Batches run "asynchronously" in steps a client can observe: the first
/// status read reports IN_PROGRESS (items PENDING); the read after that runs the batch, so its records exist from then on, and reports SUCCESS, PARTIAL_SUCCESS or FAILED with
/// each item's <c>merge_common_model_id</c> or <c>error_message</c>. Batches belong to one linked
/// account and are gone after a reset.
/// </summary>
public static class BulkHandler
{
    private static readonly ConditionalWeakTable<AccountData, ConcurrentDictionary<string, Batch>> Batches = new();

    public static Task Create(ApiRequest request)
    {
        ModelSchema? model = request.Category.Schema(request.Resource?.Model);
        if (model is null || request.Data.Table(model.Name) is null)
        {
            return JsonResponse.Detail(request.Http, 404, "Not found.");
        }

        string text = request.Http.Items[RequestBody.ItemKey] as string ?? string.Empty;
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text.Trim().Length == 0 ? "{}" : text).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return JsonResponse.Detail(request.Http, 400, "JSON parse error - " + ex.Message);
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("batch_items", out JsonElement items) || items.ValueKind != JsonValueKind.Array)
        {
            return JsonResponse.FieldErrors(request.Http, new Dictionary<string, List<string>> { ["batch_items"] = new() { "This field is required." } });
        }

        var errors = new List<string>();
        var batch = new Batch(Guid.NewGuid().ToString("D"), model, PayloadModel(request));
        int index = 0;
        foreach (JsonElement item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("item_id", out JsonElement itemId) || itemId.ValueKind != JsonValueKind.String || itemId.GetString()!.Length == 0
                || !item.TryGetProperty("payload", out JsonElement payload) || payload.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"batch_items[{index}] needs a non-empty string item_id and an object payload.");
            }
            else
            {
                batch.Items.Add(new BatchItem(itemId.GetString()!, payload.Clone()));
            }

            index++;
        }

        if (errors.Count > 0 || batch.Items.Count == 0)
        {
            if (errors.Count == 0)
            {
                errors.Add("Ensure this field has at least 1 elements.");
            }

            return JsonResponse.FieldErrors(request.Http, new Dictionary<string, List<string>> { ["batch_items"] = errors });
        }

        Batches.GetOrCreateValue(request.Data)[batch.Id] = batch;
        return JsonResponse.Write(request.Http, request.Operation.Status, w =>
        {
            w.WriteStartObject();
            w.WriteString("batch_id", batch.Id);
            w.WriteEndObject();
        });
    }

    public static Task Status(ApiRequest request)
    {
        string id = request.PathValues.GetValueOrDefault("batch_id") ?? string.Empty;
        if (!Batches.GetOrCreateValue(request.Data).TryGetValue(id, out Batch? batch) || batch.Model.Name != request.Category.Schema(request.Resource?.Model)?.Name)
        {
            return JsonResponse.Detail(request.Http, 404, "Not found.");
        }

        string status;
        lock (batch)
        {
            batch.Reads++;
            if (batch.Reads >= 2 && !batch.Done)
            {
                Run(request, batch);
            }

            status = !batch.Done ? "IN_PROGRESS"
                : batch.Items.All(i => i.ModelId is not null) ? "SUCCESS"
                : batch.Items.All(i => i.ModelId is null) ? "FAILED"
                : "PARTIAL_SUCCESS";
        }

        return JsonResponse.Write(request.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("batch_id", batch.Id);
            w.WriteString("status", status);
            w.WriteNumber("total_count", batch.Items.Count);
            w.WriteStartArray("objects");
            foreach (BatchItem item in batch.Items)
            {
                w.WriteStartObject();
                w.WriteString("item_id", item.ItemId);
                if (!batch.Done)
                {
                    w.WriteString("status", "PENDING");
                    w.WriteNull("response");
                }
                else
                {
                    w.WriteString("status", item.ModelId is null ? "FAILURE" : "SUCCESS");
                    w.WriteStartObject("response");
                    if (item.ModelId is null)
                    {
                        w.WriteNull("merge_common_model_id");
                        w.WriteString("error_message", item.Error);
                    }
                    else
                    {
                        w.WriteString("merge_common_model_id", item.ModelId);
                        w.WriteNull("error_message");
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Creates each item's record as a single create would; failures keep their reason.</summary>
    private static void Run(ApiRequest request, Batch batch)
    {
        Table table = request.Data.Table(batch.Model.Name)!;
        foreach (BatchItem item in batch.Items)
        {
            Row row = WriteHandler.NewRecord(batch.Model);
            WriteHandler.Problems problems = WriteHandler.Apply(batch.Model, row, item.Payload, batch.PayloadModel, create: true);
            if (problems.Errors.Count > 0)
            {
                item.Error = string.Join(" ", problems.Errors.Select(e => e.Detail));
                continue;
            }

            table.Append(row);
            item.ModelId = row.Id(batch.Model);
        }

        batch.Done = true;
    }

    /// <summary>The schema of one item's payload: batch_items' item model, field payload (InvoiceRequest).</summary>
    private static ModelSchema? PayloadModel(ApiRequest request)
    {
        ModelSchema? bulk = request.Category.Schema(request.Operation.RequestModel);
        ModelSchema? item = request.Category.Schema(bulk?.Field("batch_items")?.Target);
        return request.Category.Schema(item?.Field("payload")?.Target)
            ?? request.Category.Schema(request.Resource?.Operations.FirstOrDefault(o => o.Kind == OperationKinds.Create)?.RequestModel);
    }

    private sealed class Batch
    {
        public Batch(string id, ModelSchema model, ModelSchema? payloadModel)
        {
            Id = id;
            Model = model;
            PayloadModel = payloadModel;
        }

        public string Id { get; }

        public ModelSchema Model { get; }

        public ModelSchema? PayloadModel { get; }

        public List<BatchItem> Items { get; } = new();

        public int Reads { get; set; }

        public bool Done { get; set; }
    }

    private sealed class BatchItem
    {
        public BatchItem(string itemId, JsonElement payload)
        {
            ItemId = itemId;
            Payload = payload;
        }

        public string ItemId { get; }

        public JsonElement Payload { get; }

        public string? ModelId { get; set; }

        public string? Error { get; set; }
    }
}
