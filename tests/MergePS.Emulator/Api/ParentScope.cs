using System;
using System.Collections.Generic;
using System.Linq;
using MergePS.Catalog;
using MergePS.Emulator.Data;
using MergePS.Emulator.Filters;

namespace MergePS.Emulator.Api;

/// <summary>Which rows a nested list (a list under one record) may show.</summary>
public static class ParentScope
{
    /// <summary>
    /// For nested lists (jobs/{job_id}/screening-questions): the parent must exist. Rows are then the
    /// parent's own list of them when it has one (a conversation's members, an expense report's
    /// lines), else those whose field points at the parent, else a stable subset.
    /// </summary>
    public static Func<Row, bool>? Filter(ApiRequest request, ModelSchema model, BindContext ctx, out bool parentMissing, out Row[]? nested)
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
}
