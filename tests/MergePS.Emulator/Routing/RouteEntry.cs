using System;
using MergePS.Catalog;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Routing;

/// <summary>One operation's path template, split into segments (null marks a <c>{param}</c>).</summary>
public sealed class RouteEntry
{
    public RouteEntry(CategoryRuntime category, Resource? resource, Operation operation)
    {
        Category = category;
        Resource = resource;
        Operation = operation;
        string[] parts = operation.Path.Trim('/').Split('/');
        Literals = new string?[parts.Length];
        ParamNames = new string?[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            bool isParam = parts[i].StartsWith('{') && parts[i].EndsWith('}');
            Literals[i] = isParam ? null : parts[i];
            ParamNames[i] = isParam ? parts[i].Substring(1, parts[i].Length - 2) : null;
        }
    }

    public CategoryRuntime Category { get; }

    /// <summary>Null for the built-in platform operations, which are not in the catalogue.</summary>
    public Resource? Resource { get; }

    public Operation Operation { get; }

    public string?[] Literals { get; }

    public string?[] ParamNames { get; }

    public int Length => Literals.Length;

    /// <summary>Higher when literals come earlier: /groups/types beats /groups/{id}.</summary>
    public long Specificity
    {
        get
        {
            long score = 0;
            for (int i = 0; i < Literals.Length; i++)
            {
                score = (score << 1) | (Literals[i] is null ? 0L : 1L);
            }

            return score;
        }
    }

    public bool Matches(string[] segments)
    {
        if (segments.Length != Literals.Length)
        {
            return false;
        }

        for (int i = 0; i < segments.Length; i++)
        {
            if (Literals[i] is { } literal ? !string.Equals(literal, segments[i], StringComparison.Ordinal) : segments[i].Length == 0)
            {
                return false;
            }
        }

        return true;
    }
}
