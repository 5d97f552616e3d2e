using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MergePS.Emulator.Data;
using MergePS.Emulator.Filters;
using MergePS.Emulator.Serialization;

namespace MergePS.Emulator.Api;

/// <summary>
/// GET /ticketing/v1/tickets/live-search: the "third party" is searched live, i.e. the account's
/// records of the resource, and the matches come back as <c>{"next", "previous", "results"}</c> with
/// <c>next</c> being the <c>remote_cursor</c> for the following page.
/// Filters: <c>name</c> (case-insensitive substring), <c>status</c> and <c>ticket_url</c> (equal,
/// case-insensitive), <c>collection_ids</c>/<c>assignee_ids</c> (any of the comma-separated ids),
/// <c>collections</c>/<c>assignees</c> (any of the comma-separated names of the related records).
/// </summary>
public static class LiveSearchHandler
{
    public const int PageSize = 50;

    public static bool Handles(ApiRequest request) =>
        request.Operation.Path.EndsWith("/live-search", StringComparison.Ordinal) && request.Operation.Method == "GET";

    public static Task Handle(ApiRequest request)
    {
        ModelSchema? model = request.Category.Schema(request.Resource?.Model);
        Table? table = model is null ? null : request.Data.Table(model.Name);
        if (model is null || table is null)
        {
            return JsonResponse.Detail(request.Http, 404, "Not found.");
        }

        if (!Cursor.TryDecode(request.Query("remote_cursor"), out int start))
        {
            return JsonResponse.Detail(request.Http, 400, "Invalid remote_cursor.");
        }

        var predicates = new List<Func<Row, bool>>();
        Text(request, model, "name", "name", contains: true, predicates);
        Text(request, model, "status", "status", contains: false, predicates);
        Text(request, model, "ticket_url", "ticket_url", contains: false, predicates);
        Related(request, model, "collection_ids", "collections", byName: false, predicates);
        Related(request, model, "assignee_ids", "assignees", byName: false, predicates);
        Related(request, model, "collections", "collections", byName: true, predicates);
        Related(request, model, "assignees", "assignees", byName: true, predicates);
        Func<Row, bool> visible = ListHandler.Visibility(request, model, predicates);

        var page = new List<Row>();
        int next = -1;
        Row[] rows = table.Current.Rows;
        for (int pos = Math.Max(0, start); pos < rows.Length; pos++)
        {
            if (!visible(rows[pos]))
            {
                continue;
            }

            if (page.Count == PageSize)
            {
                next = pos;
                break;
            }

            page.Add(rows[pos]);
        }

        WriteOptions output = request.Output();
        return JsonResponse.Write(request.Http, 200, w =>
        {
            w.WriteStartObject();
            Paging.WriteCursor(w, "next", next);
            w.WriteNull("previous");
            w.WriteStartArray("results");
            foreach (Row row in page)
            {
                RowWriter.Write(w, model, row, output);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Text(ApiRequest request, ModelSchema model, string param, string fieldName, bool contains, List<Func<Row, bool>> predicates)
    {
        string? wanted = request.Query(param)?.Trim();
        if (string.IsNullOrEmpty(wanted) || model.Field(fieldName) is not { } field)
        {
            return;
        }

        predicates.Add(row => row[field.Index] is string value
            && (contains ? value.Contains(wanted, StringComparison.OrdinalIgnoreCase) : value.Equals(wanted, StringComparison.OrdinalIgnoreCase)));
    }

    private static void Related(ApiRequest request, ModelSchema model, string param, string fieldName, bool byName, List<Func<Row, bool>> predicates)
    {
        string? raw = request.Query(param);
        if (string.IsNullOrWhiteSpace(raw) || model.Field(fieldName) is not { } field)
        {
            return;
        }

        var wanted = new HashSet<string>(QueryValues.List(raw), byName ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        if (byName)
        {
            // Names become the ids of the related records that carry them.
            var ids = new HashSet<string>(StringComparer.Ordinal);
            if (field.Target is { } target && request.Data.Table(target) is { } related && related.Schema.Field("name") is { } name)
            {
                foreach (Row row in related.Current.Rows)
                {
                    if (row[name.Index] is string n && wanted.Contains(n) && row.Id(related.Schema) is { } id)
                    {
                        ids.Add(id);
                    }
                }
            }

            wanted = ids;
        }

        predicates.Add(row => (row[field.Index] switch
        {
            object?[] items => items.OfType<string>(),
            string one => new[] { one },
            _ => Enumerable.Empty<string>(),
        }).Any(wanted.Contains));
    }
}
