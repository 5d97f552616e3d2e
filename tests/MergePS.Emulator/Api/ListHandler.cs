using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MergePS.Catalog;
using MergePS.Emulator.Data;
using MergePS.Emulator.Filters;
using MergePS.Emulator.Serialization;

namespace MergePS.Emulator.Api;

/// <summary>Paginated lists and nested lists: filters, visibility flags, ordering, cursors.</summary>
public static class ListHandler
{
    public static Task Handle(ApiRequest request)
    {
        ModelSchema? model = request.Category.Schema(ResultModel(request));
        Table? table = model is null ? null : request.Data.Table(model.Name);
        if (model is null || table is null)
        {
            return EmptyList(request);
        }

        if (SyntheticEmployees.TryList(request, model, table, out Task synthetic))
        {
            return synthetic;
        }

        if (!Paging.PageSize(request, out int pageSize, out var sizeErrors))
        {
            return JsonResponse.FieldErrors(request.Http, sizeErrors);
        }

        if (!Cursor.TryDecode(request.Query("cursor"), out int start))
        {
            return JsonResponse.Detail(request.Http, 404, "Invalid cursor");
        }

        var ctx = new BindContext(request.Data);
        Func<Row, bool>? parent = ParentScope.Filter(request, model, ctx, out bool parentMissing, out Row[]? nested);
        if (parentMissing)
        {
            return JsonResponse.Detail(request.Http, 404, "Not found.");
        }

        List<Func<Row, bool>> predicates = Predicates(request, model, ctx);
        if (parent is not null)
        {
            predicates.Add(parent);
        }

        if (ctx.Errors.Count > 0)
        {
            return JsonResponse.FieldErrors(request.Http, ctx.Errors);
        }

        TableSnapshot snapshot = table.Current;
        int[]? order = nested is null ? snapshot.Ordering(OrderBy(request)) : null;
        Row[] rows = nested ?? snapshot.Rows;
        Func<Row, bool> visible = Visibility(request, model, predicates);
        WriteOptions output = request.Output();
        if (!request.Operation.Paginated)
        {
            return JsonResponse.Write(request.Http, 200, w =>
            {
                w.WriteStartArray();
                for (int i = 0; i < rows.Length; i++)
                {
                    Row row = rows[order?[i] ?? i];
                    if (visible(row))
                    {
                        RowWriter.Write(w, model, row, output);
                    }
                }

                w.WriteEndArray();
            });
        }

        var page = new List<Row>(Math.Min(pageSize, 128));
        int next = -1;
        int n = rows.Length;
        for (int pos = Math.Max(0, start); pos < n; pos++)
        {
            Row row = rows[order?[pos] ?? pos];
            if (!visible(row))
            {
                continue;
            }

            if (page.Count == pageSize)
            {
                next = pos;
                break;
            }

            page.Add(row);
        }

        int previous = -1;
        int found = 0;
        for (int pos = Math.Min(start, n) - 1; pos >= 0 && found < pageSize; pos--)
        {
            if (visible(rows[order?[pos] ?? pos]))
            {
                previous = pos;
                found++;
            }
        }

        return JsonResponse.Write(request.Http, 200, w =>
        {
            w.WriteStartObject();
            Paging.WriteCursor(w, "next", next);
            Paging.WriteCursor(w, "previous", previous);
            w.WriteStartArray("results");
            foreach (Row row in page)
            {
                RowWriter.Write(w, model, row, output);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static string? ResultModel(ApiRequest request) =>
        request.Operation.Kind == OperationKinds.List ? request.Resource?.Model ?? request.Operation.ResponseModel : request.Operation.ResponseModel;

    /// <summary>Deleted and shell records are hidden unless asked for; then every filter must hold.</summary>
    public static Func<Row, bool> Visibility(ApiRequest request, ModelSchema model, List<Func<Row, bool>> predicates)
    {
        bool deleted = request.Flag("include_deleted_data");
        bool shells = request.Flag("include_shell_data");
        int deletedIndex = model.RemoteWasDeleted;
        Func<Row, bool>[] all = predicates.ToArray();
        return row =>
        {
            if (row.Shell ? !shells : !deleted && deletedIndex >= 0 && row.Values[deletedIndex] is true)
            {
                return false;
            }

            foreach (Func<Row, bool> predicate in all)
            {
                if (!predicate(row))
                {
                    return false;
                }
            }

            return true;
        };
    }

    private static List<Func<Row, bool>> Predicates(ApiRequest request, ModelSchema model, BindContext ctx)
    {
        var predicates = new List<Func<Row, bool>>();
        CompiledFilters compiled = CompiledFilters.For(request.Category, request.Operation, model);
        foreach (var (param, matcher) in compiled.Query)
        {
            var values = request.Http.Request.Query[param];
            if (values.Count == 0)
            {
                if (matcher.DefaultValue is { } fallback && matcher.Bind(param, fallback, ctx) is { } implied)
                {
                    predicates.Add(implied);
                }

                continue;
            }

            // List parameters accept repeats (a=1&a=2) as well as commas; others take the last value.
            string raw = matcher.AcceptsList ? string.Join(',', values.Where(v => v is not null)) : values[values.Count - 1] ?? string.Empty;
            Func<Row, bool>? predicate = matcher.Bind(param, raw, ctx);
            if (predicate is not null)
            {
                predicates.Add(predicate);
            }
        }

        return predicates;
    }

    private static string? OrderBy(ApiRequest request)
    {
        string? orderBy = request.Query("order_by");
        Parameter? declared = request.Operation.Query.FirstOrDefault(p => p.Name == "order_by");
        if (orderBy is null || declared is null)
        {
            return null;
        }

        // DRF's OrderingFilter ignores values it does not offer.
        return declared.Values is null || declared.Values.Contains(orderBy) ? orderBy : null;
    }

    private static Task EmptyList(ApiRequest request) => request.Operation.Paginated
        ? JsonResponse.Write(request.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteNull("next");
            w.WriteNull("previous");
            w.WriteStartArray("results");
            w.WriteEndArray();
            w.WriteEndObject();
        })
        : JsonResponse.Write(request.Http, 200, w =>
        {
            w.WriteStartArray();
            w.WriteEndArray();
        });
}
