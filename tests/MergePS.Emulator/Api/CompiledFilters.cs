using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using MergePS.Catalog;
using MergePS.Emulator.Data;
using MergePS.Emulator.Filters;

namespace MergePS.Emulator.Api;

/// <summary>The matchers of one operation's query and path parameters, compiled once.</summary>
public sealed class CompiledFilters
{
    private static readonly ConcurrentDictionary<Operation, CompiledFilters> Cache = new();

    private CompiledFilters(CategoryRuntime category, Operation op, ModelSchema model)
    {
        foreach (Parameter p in op.Query)
        {
            if (FilterCompiler.NonFilters.Contains(p.Name))
            {
                continue;
            }

            Matcher? matcher = FilterCompiler.Resolve(category, model, p);
            if (matcher is null)
            {
                Unmapped.Add(p.Name);
            }
            else
            {
                Query[p.Name] = matcher;
            }
        }

        foreach (Parameter p in op.PathParams)
        {
            Path[p.Name] = FilterCompiler.Resolve(category, model, p.Name, false, false);
        }
    }

    public Dictionary<string, Matcher> Query { get; } = new(StringComparer.Ordinal);

    /// <summary>Path parameter to matcher; null when no field relates the nested list to its parent.</summary>
    public Dictionary<string, Matcher?> Path { get; } = new(StringComparer.Ordinal);

    public List<string> Unmapped { get; } = new();

    public static CompiledFilters For(CategoryRuntime category, Operation op, ModelSchema model) =>
        Cache.GetOrAdd(op, o => new CompiledFilters(category, o, model));
}
