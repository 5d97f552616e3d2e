using System;
using System.Collections.Generic;
using System.Linq;
using MergePS.Catalog;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Routing;

/// <summary>Every catalogue operation (plus the built-in platform ones) by category. Matching is
/// generic: a new category or resource in the catalogue is served without code changes.</summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, List<RouteEntry>> _byCategory = new(StringComparer.Ordinal);

    public RouteTable(IEnumerable<CategoryRuntime> categories, CategoryCatalog? platform = null)
    {
        foreach (CategoryRuntime category in categories)
        {
            // Built-in platform operations win over same-path catalogue entries: their answers come
            // from the account registry, not from generated records.
            var entries = PlatformOperations.For(category.Name, platform).Select(op => new RouteEntry(category, null, op)).ToList();
            foreach (Resource resource in category.Catalog.Resources)
            {
                foreach (Operation op in resource.Operations)
                {
                    if (!entries.Any(e => e.Resource is null && e.Operation.Path == op.Path && e.Operation.Method == op.Method))
                    {
                        entries.Add(new RouteEntry(category, resource, op));
                    }
                }
            }

            // Most specific first, so the first match of a method is the right one.
            entries.Sort((a, b) => b.Specificity.CompareTo(a.Specificity));
            _byCategory[category.Name] = entries;
        }
    }

    public IEnumerable<RouteEntry> All => _byCategory.Values.SelectMany(e => e);

    /// <summary>Matches a path relative to /api (e.g. <c>/hris/v1/employees/abc</c>).</summary>
    public RouteMatch Match(string method, string path)
    {
        string[] segments = path.Trim('/').Split('/');
        if (segments.Length < 2 || !_byCategory.TryGetValue(segments[0], out List<RouteEntry>? entries))
        {
            return RouteMatch.NotFound;
        }

        bool pathExists = false;
        foreach (RouteEntry entry in entries)
        {
            if (!entry.Matches(segments))
            {
                continue;
            }

            pathExists = true;
            if (string.Equals(entry.Operation.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (int i = 0; i < segments.Length; i++)
                {
                    if (entry.ParamNames[i] is { } name)
                    {
                        values[name] = segments[i];
                    }
                }

                return new RouteMatch(entry, values, false);
            }
        }

        return pathExists ? RouteMatch.MethodNotAllowed : RouteMatch.NotFound;
    }
}

public sealed record RouteMatch(RouteEntry? Entry, IReadOnlyDictionary<string, string> Values, bool WrongMethod)
{
    public static readonly RouteMatch NotFound = new(null, new Dictionary<string, string>(), false);

    public static readonly RouteMatch MethodNotAllowed = new(null, new Dictionary<string, string>(), true);
}
