using System;
using System.Collections.Generic;
using System.Globalization;
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
    public const int MaxPageSize = 100;

    public static Task Handle(ApiRequest request)
    {
        ModelSchema? model = request.Category.Schema(ResultModel(request));
        Table? table = model is null ? null : request.Data.Table(model.Name);
        if (model is null || table is null)
        {
            return EmptyList(request);
        }

        if (!PageSize(request, out int pageSize, out var sizeErrors))
        {
            return JsonResponse.FieldErrors(request.Http, sizeErrors);
        }

        if (!Cursor.TryDecode(request.Query("cursor"), out int start))
        {
            return JsonResponse.Detail(request.Http, 404, "Invalid cursor");
        }

        var ctx = new BindContext(request.Data);
        Func<Row, bool>? parent = ParentFilter(request, model, ctx, out bool parentMissing, out Row[]? nested);
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
            WriteCursor(w, "next", next);
            WriteCursor(w, "previous", previous);
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

    /// <summary>
    /// For nested lists (jobs/{job_id}/screening-questions): the parent must exist. Rows are then the
    /// parent's own list of them when it has one (a conversation's members, an expense report's
    /// lines), else those whose field points at the parent, else a stable subset.
    /// </summary>
    private static Func<Row, bool>? ParentFilter(ApiRequest request, ModelSchema model, BindContext ctx, out bool parentMissing, out Row[]? nested)
    {
        parentMissing = false;
        nested = null;
        if (request.PathValues.Count == 0)
        {
            return null;
        }

        if (ParentParam(request) is { } parentParam && request.Resource is { } resource && request.Data.Table(resource.Model) is { } parents)
        {
            Row? parentRow = parents.Find(request.PathValues[parentParam]);
            if (parentRow is null)
            {
                parentMissing = true;
                return null;
            }

            FieldSchema? own = parents.Schema.Fields.FirstOrDefault(f => f.IsArray && f.Target == model.Name && f.Kind is FieldKind.Expand or FieldKind.Model);
            if (own is not null)
            {
                object?[] items = parentRow[own.Index] as object?[] ?? Array.Empty<object?>();
                if (own.Kind == FieldKind.Model)
                {
                    nested = items.OfType<Row>().ToArray();
                    return null;
                }

                var ids = items.OfType<string>().ToHashSet(StringComparer.Ordinal);
                int idIndex = model.Id;
                return row => row.Values[idIndex] is string id && ids.Contains(id);
            }
        }

        CompiledFilters compiled = CompiledFilters.For(request.Category, request.Operation, model);
        var predicates = new List<Func<Row, bool>>();
        foreach (var (name, value) in request.PathValues)
        {
            Matcher? matcher = compiled.Path.GetValueOrDefault(name);
            Func<Row, bool>? p = matcher?.Bind(name, value, ctx);
            if (p is not null)
            {
                predicates.Add(p);
            }
            else if (matcher is null)
            {
                int idIndex = model.Id;
                uint salt = Hash(value);
                predicates.Add(row => row.Values[idIndex] is string id && (Hash(id) ^ salt) % 3 == 0);
            }
        }

        return predicates.Count == 0 ? null : row => predicates.All(p => p(row));
    }

    /// <summary>The path parameter naming a record of the route's own resource (the job in
    /// jobs/{job_id}/screening-questions), if the route is a nested list under one.</summary>
    private static string? ParentParam(ApiRequest request)
    {
        if (request.Operation.Kind != OperationKinds.SubList || request.Resource is null)
        {
            return null;
        }

        var route = request.Route;
        for (int i = 0; i + 1 < route.Length; i++)
        {
            if (route.Literals[i] == request.Resource.Name && route.ParamNames[i + 1] is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private static uint Hash(string text)
    {
        uint h = 2166136261;
        foreach (char c in text)
        {
            h = (h ^ c) * 16777619;
        }

        return h;
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

    private static bool PageSize(ApiRequest request, out int size, out Dictionary<string, List<string>> errors)
    {
        errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        size = MaxPageSize;
        string? text = request.Query("page_size");
        if (text is null)
        {
            return true;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            errors["page_size"] = new List<string> { "A valid integer is required." };
            return false;
        }

        if (value < 1)
        {
            errors["page_size"] = new List<string> { "Ensure this value is greater than or equal to 1." };
            return false;
        }

        size = Math.Min(value, MaxPageSize);
        return true;
    }

    private static void WriteCursor(System.Text.Json.Utf8JsonWriter w, string name, int position)
    {
        if (position < 0)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, Cursor.Encode(position));
        }
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
