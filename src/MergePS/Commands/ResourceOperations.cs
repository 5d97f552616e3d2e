using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization.Metadata;
using MergePS.Client;

namespace MergePS.Commands;

/// <summary>
/// The per-resource operations that exist once for every resource (write schemas, remote field
/// classes, ignore, bulk create), so that one cmdlet with -Resource serves them all. The table of
/// these is generated from the catalogue (<see cref="ResourceTable"/>).
/// </summary>
public sealed class ResourceOperations
{
    public ResourceOperations(string category, string noun)
    {
        Category = category;
        Noun = noun;
    }

    public string Category { get; }

    /// <summary>The cmdlet noun without "Merge", e.g. Employee, CrmAccount; the -Resource value.</summary>
    public string Noun { get; }

    public string? MetaPost { get; init; }

    public string? MetaPatch { get; init; }

    public JsonTypeInfo? MetaType { get; init; }

    public string? RemoteFieldClasses { get; init; }

    public JsonTypeInfo? RemoteFieldClassPage { get; init; }

    public string? Ignore { get; init; }

    public string? BulkCreate { get; init; }

    public JsonTypeInfo? BulkCreateType { get; init; }

    public string? BulkStatus { get; init; }

    public JsonTypeInfo? BulkStatusType { get; init; }
}

internal static partial class ResourceTable
{
    public static IEnumerable<string> NounsWith(Func<ResourceOperations, bool> predicate) =>
        All.Where(predicate).Select(r => r.Noun).OrderBy(n => n, StringComparer.Ordinal);

    public static ResourceOperations Find(string noun, Func<ResourceOperations, string?> operation, string what)
    {
        ResourceOperations? match = All.FirstOrDefault(r => string.Equals(r.Noun, noun, StringComparison.OrdinalIgnoreCase));
        if (match is null || operation(match) is null)
        {
            string known = string.Join(", ", All.Where(r => operation(r) is not null).Select(r => r.Noun).OrderBy(n => n));
            throw new MergeConfigurationException(
                MergeErrorIds.InvalidArgument,
                match is null ? $"'{noun}' is not a Merge resource." : $"Merge offers no {what} for '{match.Noun}'.",
                $"Use one of: {known}.");
        }

        return match;
    }
}
