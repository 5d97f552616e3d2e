using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using MergePS.Catalog;
using MergePS.Emulator.Data;
using MergePS.Emulator.Seeding;
using MergePS.Emulator.Serialization;

namespace MergePS.Emulator.Api;

/// <summary>
/// <c>--synthetic-employees N</c>: HRIS employee lists and retrieves for N records without holding
/// N rows. Record <c>i</c> is the account's real employee <c>i mod K</c> (K = the live, non-deleted
/// employees that <c>--employees</c> generated) with its own id, remote_id, employee_number and
/// timestamps, so it has exactly the shape of a seeded record; its relations point at the real
/// records (manager, employments, locations, teams...). Built for the benchmarks, so only what they
/// use is honoured: <c>page_size</c>, <c>cursor</c> (opaque, DRF-shaped) and the output flags
/// (<c>expand</c>, <c>include_remote_data</c>, <c>include_sensitive_fields</c>, ...). Other
/// filters and <c>order_by</c> are ignored. Ids carry their index, so a retrieve needs no lookup.
/// </summary>
public static class SyntheticEmployees
{
    private const string Model = "Employee";

    private static readonly ConditionalWeakTable<TableSnapshot, Row[]> Templates = new();
    private static readonly ConditionalWeakTable<AccountData, string> Prefixes = new();

    /// <summary>Serves GET /hris/v1/employees when synthetic employees are on; false otherwise.</summary>
    public static bool TryList(ApiRequest request, ModelSchema model, Table table, out Task response)
    {
        response = Task.CompletedTask;
        if (!Applies(request, model) || request.Operation.Kind != OperationKinds.List || !request.Operation.Paginated
            || table.Current.Rows.Length == 0)
        {
            return false;
        }

        if (!Paging.PageSize(request, out int pageSize, out var sizeErrors))
        {
            response = JsonResponse.FieldErrors(request.Http, sizeErrors);
            return true;
        }

        if (!Cursor.TryDecode(request.Query("cursor"), out int start))
        {
            response = JsonResponse.Detail(request.Http, 404, "Invalid cursor");
            return true;
        }

        int total = request.Data.SyntheticEmployees;
        Row[] templates = TemplatesOf(model, table);
        string prefix = PrefixOf(request.Data);
        int from = Math.Clamp(start, 0, total);
        int to = (int)Math.Min(total, (long)from + pageSize);
        int next = to < total ? to : -1;
        int previous = from > 0 ? Math.Max(0, from - pageSize) : -1;
        WriteOptions output = request.Output();
        response = JsonResponse.Write(request.Http, 200, w =>
        {
            w.WriteStartObject();
            Paging.WriteCursor(w, "next", next);
            Paging.WriteCursor(w, "previous", previous);
            w.WriteStartArray("results");
            for (int i = from; i < to; i++)
            {
                RowWriter.Write(w, model, Make(model, templates, prefix, i, total, request.Data.Seed.Anchor), output);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return true;
    }

    /// <summary>Serves GET /hris/v1/employees/{id} for a synthetic id; false for any other id.</summary>
    public static bool TryRetrieve(ApiRequest request, ModelSchema model, string id, out Task response)
    {
        response = Task.CompletedTask;
        if (!Applies(request, model) || request.Data.Table(model.Name) is not { } table || table.Current.Rows.Length == 0)
        {
            return false;
        }

        string prefix = PrefixOf(request.Data);
        if (id.Length != prefix.Length + 12 || !id.StartsWith(prefix, StringComparison.Ordinal)
            || !long.TryParse(id.AsSpan(prefix.Length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long index)
            || index >= request.Data.SyntheticEmployees)
        {
            return false;
        }

        Row row = Make(model, TemplatesOf(model, table), prefix, (int)index, request.Data.SyntheticEmployees, request.Data.Seed.Anchor);
        WriteOptions output = request.Output();
        response = JsonResponse.Write(request.Http, 200, w => RowWriter.Write(w, model, row, output));
        return true;
    }

    private static bool Applies(ApiRequest request, ModelSchema model) =>
        request.Data.SyntheticEmployees > 0 && model.Name == Model && request.Category.Name == "hris";

    /// <summary>Record <paramref name="index"/>: its template's values with its own identity and
    /// created_at spread evenly (ascending, as lists are ordered) over the two-year history.</summary>
    private static Row Make(ModelSchema model, Row[] templates, string prefix, int index, int total, DateTime anchor)
    {
        Row template = templates[index % templates.Length];
        var values = (object?[])template.Values.Clone();
        values[model.Id] = prefix + index.ToString("x12", CultureInfo.InvariantCulture);
        DateTime start = anchor - RowFactory.History;
        DateTime created = RowFactory.Second(start.AddSeconds((index + 0.5) / total * (RowFactory.History - TimeSpan.FromDays(1)).TotalSeconds));
        RowFactory.Set(values, model.RemoteId, (1_000_000 + (long)index).ToString(CultureInfo.InvariantCulture));
        RowFactory.Set(values, model.CreatedAt, created);
        RowFactory.Set(values, model.ModifiedAt, created);
        RowFactory.Set(values, model.IndexOf("employee_number"), (1000 + (long)index).ToString(CultureInfo.InvariantCulture));
        return new Row(values);
    }

    /// <summary>The live, non-deleted, non-shell employees of the table, once per snapshot.</summary>
    private static Row[] TemplatesOf(ModelSchema model, Table table) =>
        Templates.GetValue(table.Current, snapshot =>
        {
            Row[] rows = Array.FindAll(snapshot.Rows, r => !r.Shell && !(model.RemoteWasDeleted >= 0 && r.Values[model.RemoteWasDeleted] is true));
            return rows.Length > 0 ? rows : snapshot.Rows;
        });

    /// <summary>The first 24 characters of a uuid, fixed per account: <c>xxxxxxxx-xxxx-4xxx-yxxx-</c>;
    /// the last 12 hex digits are the index.</summary>
    private static string PrefixOf(AccountData data) =>
        Prefixes.GetValue(data, d => d.Seed.RngFor("SyntheticEmployee").Uuid().Substring(0, 24));
}
