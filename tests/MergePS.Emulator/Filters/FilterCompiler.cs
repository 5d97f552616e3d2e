using System;
using System.Collections.Generic;
using System.Linq;
using MergePS.Catalog;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>
/// Maps a catalogue query parameter to a <see cref="Matcher"/> on the result model, by the override
/// table first and then by naming rules, in order:
/// <list type="number">
/// <item><c>x_after</c>/<c>x_before</c> compare the model's x field (started → start_date|start_time|...,
/// ended → end_*, terminated → termination_date, created → created_at, ...).</item>
/// <item>a parameter named like a field: equality (a list parameter: any of; an array field: contains;
/// an array of nested objects: one of them has that text).</item>
/// <item><c>x</c> with a field <c>x_id</c> (root_message → root_message_id): equality.</item>
/// <item><c>x_id</c> → field <c>x</c> (or array <c>xs</c>): equality / contains.</item>
/// <item><c>x_ids</c> → field <c>x</c>/<c>xs</c>: any of the comma list.</item>
/// <item>plural <c>xs</c> → field <c>x</c>: any of the comma list (types, names, ids).</item>
/// <item>singular <c>x</c> → array field <c>xs</c>: contains (ticketing users?team=).</item>
/// <item>otherwise a related record: an expand field whose target model matches by rules 1-7.</item>
/// </list>
/// </summary>
public static class FilterCompiler
{
    /// <summary>Parameters that shape the response rather than select rows.</summary>
    public static readonly HashSet<string> NonFilters = new(StringComparer.Ordinal)
    {
        "cursor", "page_size", "expand", "include_deleted_data", "include_remote_data", "include_shell_data",
        "include_sensitive_fields", "include_remote_fields", "remote_fields", "show_enum_origins", "order_by",
        "is_debug_mode", "run_async",
    };

    private static readonly Dictionary<string, string[]> StemFields = new(StringComparer.Ordinal)
    {
        ["started"] = new[] { "start_date", "start_time", "started_at", "start_at", "start" },
        ["starts"] = new[] { "start_date", "start_time", "started_at", "start_at", "start" },
        ["ended"] = new[] { "end_date", "end_time", "ended_at", "end_at", "end" },
        ["ends"] = new[] { "end_date", "end_time", "ended_at", "end_at", "end" },
        ["terminated"] = new[] { "termination_date", "terminated_at" },
        ["completed"] = new[] { "completed_at", "completed_date", "completion_date" },
        ["due"] = new[] { "due_date", "due_at" },
    };

    public static Matcher? Resolve(CategoryRuntime category, ModelSchema model, Parameter parameter) =>
        Resolve(category, model, parameter.Name, parameter.Type == "list", true);

    public static Matcher? Resolve(CategoryRuntime category, ModelSchema model, string param, bool list, bool allowRelated)
    {
        foreach (var (m, p, rule) in FilterOverrides.Table)
        {
            if (p == param && (m == "*" || m == model.Name))
            {
                Matcher? overridden = FromRule(category, model, rule);
                if (overridden is not null)
                {
                    return overridden;
                }
            }
        }

        Matcher? direct = Direct(model, param, list);
        if (direct is not null || !allowRelated)
        {
            return direct;
        }

        foreach (FieldSchema via in model.Fields.Where(f => f.Kind == FieldKind.Expand && f.Target != model.Name))
        {
            ModelSchema? target = category.Schema(via.Target);
            Matcher? inner = target is null ? null : Direct(target, param, list);
            if (inner is not null)
            {
                return new RelatedMatcher(via, inner);
            }
        }

        return null;
    }

    private static Matcher? Direct(ModelSchema model, string param, bool list)
    {
        foreach (string suffix in new[] { "_after", "_before" })
        {
            if (param.EndsWith(suffix, StringComparison.Ordinal))
            {
                string stem = param.Substring(0, param.Length - suffix.Length);
                IEnumerable<string> candidates = StemFields.TryGetValue(stem, out string[]? known)
                    ? known
                    : new[] { stem, stem + "_at", stem + "_date", stem + "_time", stem + "_on" };
                FieldSchema? field = candidates.Select(model.Field).FirstOrDefault(f => f is { IsTemporal: true, IsArray: false });
                return field is null ? null : new TemporalMatcher(field, suffix == "_after");
            }
        }

        FieldSchema? same = model.Field(param);
        if (same is not null && same.Index != model.RemoteData)
        {
            return Equality(same, list);
        }

        if (model.Field(param + "_id") is { } withId)
        {
            return Equality(withId, list);
        }

        if (param.EndsWith("_ids", StringComparison.Ordinal))
        {
            string stem = param.Substring(0, param.Length - 4);
            FieldSchema? f = model.Field(stem) ?? model.Field(stem + "s") ?? model.Field(stem + "es");
            return f is null ? null : Equality(f, true);
        }

        if (param.EndsWith("_id", StringComparison.Ordinal))
        {
            string stem = param.Substring(0, param.Length - 3);
            FieldSchema? f = model.Field(stem) ?? model.Field(stem + "s") ?? model.Field(stem + "es") ?? Qualified(model, stem);
            return f is null ? null : Equality(f, list);
        }

        if (param.EndsWith('s') && model.Field(param.Substring(0, param.Length - 1)) is { } singular)
        {
            return Equality(singular, true);
        }

        if (model.Field(param + "s") is { IsArray: true } plural)
        {
            return Equality(plural, list);
        }

        return null;
    }

    /// <summary>to_address → field <c>to</c> pointing at EmailAddress: leading words name the field,
    /// the rest the target model.</summary>
    private static FieldSchema? Qualified(ModelSchema model, string stem)
    {
        string[] words = stem.Split('_');
        for (int split = words.Length - 1; split >= 1; split--)
        {
            FieldSchema? field = model.Field(string.Join('_', words.Take(split)));
            string rest = string.Concat(words.Skip(split).Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w.Substring(1)));
            if (field is { Kind: FieldKind.Expand, Target: { } target } && target.Contains(rest, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }

    private static Matcher Equality(FieldSchema field, bool list) =>
        field.Kind == FieldKind.Model ? new NestedTextMatcher(field) : new EqualsMatcher(field, list);

    private static Matcher? FromRule(CategoryRuntime category, ModelSchema model, string rule)
    {
        string[] parts = rule.Split(':');
        FieldSchema? Field(int i) => parts.Length > i ? model.Field(parts[i]) : null;
        switch (parts[0])
        {
            case "eq":
                return Field(1) is { } eq ? Equality(eq, false) : null;
            case "in":
                return Field(1) is { } inField ? Equality(inField, true) : null;
            case "after":
            case "before":
                return Field(1) is { IsTemporal: true } t ? new TemporalMatcher(t, parts[0] == "after") : null;
            case "unless":
                return Field(1) is { Kind: FieldKind.Bool } hidden ? new IncludeFlagMatcher(hidden) : null;
            case "not":
                return Field(1) is { Kind: FieldKind.Bool } b ? new NegatedBoolMatcher(b) : null;
            case "via":
                FieldSchema? via = Field(1);
                ModelSchema? target = category.Schema(via?.Target);
                Matcher? inner = target is null || parts.Length < 3 ? null : Direct(target, parts[2], false);
                return via is null || inner is null ? null : new RelatedMatcher(via, inner);
            case "sameid":
                ModelSchema? other = parts.Length < 3 ? null : category.Schema(parts[1]);
                Matcher? otherMatcher = other is null ? null : Direct(other, parts[2], list: true);
                return otherMatcher is null ? null : new SameIdMatcher(other!.Name, otherMatcher, model.Id);
            case "jsonid":
                return Field(1) is { Kind: FieldKind.Object } json ? new JsonIdMatcher(json) : null;
            case "none":
                return new NoOpMatcher(parts.Length > 1 ? string.Join(':', parts.Skip(1)) : "accepted");
            default:
                return null;
        }
    }
}
