using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MergePS.Emulator.Data;
using MergePS.Emulator.Seeding;

namespace MergePS.Emulator.Api;

/// <summary>
/// credit-notes/{id}/application and vendor-credits/{id}/application: applies part of a credit to an
/// invoice. The body (<c>invoice</c>, <c>applied_date</c>, <c>applied_amount</c>, all required) becomes
/// a new line in the credit's <c>applied_to_lines</c>; the credit's <c>remaining_credit</c> and the
/// invoice's <c>balance</c> drop by the amount, and the invoice lists the application in its
/// <c>applied_credit_notes</c>/<c>applied_vendor_credits</c>. The answer is the write envelope.
/// </summary>
public static class CreditApplication
{
    private const string LinesField = "applied_to_lines";

    public static bool Handles(ApiRequest request) =>
        request.Operation.Path.EndsWith("/application", StringComparison.Ordinal)
        && request.Category.Schema(request.Resource?.Model)?.Field(LinesField) is { Kind: FieldKind.Model, IsArray: true };

    public static Task Handle(ApiRequest request)
    {
        ModelSchema model = request.Category.Schema(request.Resource!.Model)!;
        Table? table = request.Data.Table(model.Name);
        string id = WriteHandler.RecordId(request);
        Row? row = table?.Find(id);
        if (table is null || row is null || row.Shell)
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

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        ModelSchema? requestModel = request.Category.Schema(request.Operation.RequestModel);
        foreach (FieldSchema field in requestModel?.Fields.Where(f => f.Required) ?? Enumerable.Empty<FieldSchema>())
        {
            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(field.Name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                errors[field.Name] = new List<string> { "This field is required." };
            }
        }

        string? invoiceId = errors.Count == 0 && body.GetProperty("invoice").ValueKind == JsonValueKind.String ? body.GetProperty("invoice").GetString() : null;
        Table? invoices = request.Data.Table("Invoice");
        Row? invoice = invoiceId is null ? null : invoices?.Find(invoiceId);
        if (errors.Count == 0 && (invoice is null || invoice.Shell))
        {
            errors["invoice"] = new List<string> { "Invalid pk \"" + invoiceId + "\" - object does not exist." };
        }

        decimal amount = 0;
        if (errors.Count == 0)
        {
            JsonElement raw = body.GetProperty("applied_amount");
            bool parsed = raw.ValueKind == JsonValueKind.Number ? raw.TryGetDecimal(out amount)
                : raw.ValueKind == JsonValueKind.String && decimal.TryParse(raw.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out amount);
            if (!parsed || amount <= 0)
            {
                errors["applied_amount"] = new List<string> { "A valid positive number is required." };
            }
        }

        if (errors.Count > 0)
        {
            return JsonResponse.FieldErrors(request.Http, errors);
        }

        DateTime now = WriteHandler.Now();
        FieldSchema lines = model.Field(LinesField)!;
        ModelSchema lineSchema = request.Category.Schema(lines.Target)!;
        Row line = Line(lineSchema, body, now, ("invoice", invoiceId));

        var copy = new Row((object?[])row.Values.Clone());
        object?[] existing = copy.Values[lines.Index] as object?[] ?? Array.Empty<object?>();
        copy.Values[lines.Index] = existing.Append(line).ToArray();
        Reduce(copy, model.IndexOf("remaining_credit"), amount);
        RowFactory.Set(copy.Values, model.ModifiedAt, now);
        table.Replace(id, _ => copy);

        // The invoice's side: a stored application line pointing back at the credit.
        string backReference = Snake(model.Name);
        ModelSchema invoiceSchema = invoices!.Schema;
        FieldSchema? applied = invoiceSchema.Fields.FirstOrDefault(f => f.IsArray && f.Kind == FieldKind.Expand
            && request.Category.Schema(f.Target)?.Field(backReference) is not null);
        invoices.Replace(invoiceId!, old =>
        {
            var updated = new Row((object?[])old.Values.Clone());
            if (applied is not null && request.Data.Table(applied.Target!) is { } appliedTable)
            {
                Row stored = Line(appliedTable.Schema, body, now, (backReference, id));
                string storedId = Guid.NewGuid().ToString("D");
                stored.Values[appliedTable.Schema.Id] = storedId;
                appliedTable.Append(stored);
                object?[] ids = updated.Values[applied.Index] as object?[] ?? Array.Empty<object?>();
                updated.Values[applied.Index] = ids.Append(storedId).ToArray();
            }

            Reduce(updated, invoiceSchema.IndexOf("balance"), amount);
            RowFactory.Set(updated.Values, invoiceSchema.ModifiedAt, now);
            return updated;
        });

        return WriteHandler.Envelope(request, request.Operation.Status, model, copy, new WriteHandler.Problems());
    }

    private static Row Line(ModelSchema schema, JsonElement body, DateTime now, (string Field, string? Value) reference)
    {
        var values = new object?[schema.Slots];
        foreach (FieldSchema field in schema.Fields)
        {
            values[field.Index] = field.EmptyValue;
        }

        RowFactory.Set(values, schema.CreatedAt, now);
        RowFactory.Set(values, schema.ModifiedAt, now);
        RowFactory.Set(values, schema.RemoteWasDeleted, Boxes.False);
        RowFactory.Set(values, schema.IndexOf(reference.Field), reference.Value);
        foreach (string name in new[] { "applied_date", "applied_amount" })
        {
            if (schema.Field(name) is { } field && body.TryGetProperty(name, out JsonElement value))
            {
                values[field.Index] = field.Kind == FieldKind.String && value.ValueKind == JsonValueKind.Number
                    ? value.GetRawText()
                    : BodyValues.Convert(field, value);
            }
        }

        return new Row(values);
    }

    private static void Reduce(Row row, int index, decimal amount)
    {
        if (index >= 0 && row.Values[index] is decimal value)
        {
            row.Values[index] = Math.Max(0, value - amount);
        }
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
