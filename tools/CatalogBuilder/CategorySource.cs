using System.Collections.Generic;

namespace MergePS.CatalogBuilder;

/// <summary>One category: where its spec lives, how its paths are written and, optionally, the docs export
/// that supplements the spec with the operations it lacks.</summary>
public sealed record CategorySource(string Name, string Pascal, string File, string PathPrefix, string? Supplement = null, string? PlatformFrom = null)
{
    /// <summary>The cross-category ("platform") operations, read once from the HRIS spec (they are the same
    /// in every category, reference §6) and supplemented by the HRIS docs export; written to
    /// <c>platform/platform.json</c> with <c>/{category}/v1/</c> paths.</summary>
    public static readonly CategorySource Platform =
        new("platform", "Platform", "hris_v3.yml", "", "docs.merge.dev/merge-hris-api-openapi.yaml", PlatformFrom: "hris");

    /// <summary>True for <see cref="Platform"/>: only platform paths are read, from <see cref="PlatformFrom"/>'s prefix.</summary>
    public bool IsPlatform => PlatformFrom is not null;

    /// <summary>The categories with a spec, in <c>CatalogSet.CategoryOrder</c>. Calendar and Email have none
    /// (see <see cref="ReferenceCategory"/>).</summary>
    public static readonly IReadOnlyList<CategorySource> All = new[]
    {
        // The Nov-2025 _v3 specs are primary; the 2026 docs exports add the operations they lack.
        new CategorySource("hris", "Hris", "hris_v3.yml", "", "docs.merge.dev/merge-hris-api-openapi.yaml"),
        new CategorySource("ats", "Ats", "ats_v3.yml", "", "docs.merge.dev/merge-ats-api-openapi.yaml"),
        new CategorySource("accounting", "Accounting", "accounting_v3.yml", "", "docs.merge.dev/merge-accounting-api-openapi.yaml"),
        new CategorySource("ticketing", "Ticketing", "ticketing_v3.yml", "", "docs.merge.dev/merge-ticketing-api-openapi.yaml"),
        new CategorySource("crm", "Crm", "crm_v3.yml", "", "docs.merge.dev/merge-crm-api-openapi.yaml"),
        new CategorySource("filestorage", "FileStorage", "filestorage_v3.yml", "", "docs.merge.dev/merge-file-storage-api-openapi.yaml"),
        new CategorySource("knowledgebase", "KnowledgeBase", "docs.merge.dev/merge-knowledge-base-api-openapi.yaml", ""),
        // The Chat export's server is https://api.merge.dev/api/chat/v1 and its paths are relative.
        new CategorySource("chat", "Chat", "docs.merge.dev/merge-chat-api-openapi.yaml", "/chat/v1"),
    };

    /// <summary>The reference's Counts table (merge-api.md §3): resources and common-model endpoints
    /// (SDK HEAD), for the summary only.</summary>
    public static readonly IReadOnlyDictionary<string, (int Resources, int Endpoints)> Reference =
        new Dictionary<string, (int, int)>
        {
            ["hris"] = (16, 40),
            ["ats"] = (16, 46),
            ["accounting"] = (32, 133),
            ["ticketing"] = (11, 38),
            ["crm"] = (14, 69),
            ["filestorage"] = (5, 17),
            ["knowledgebase"] = (5, 10),
            ["chat"] = (4, 10),
            ["calendar"] = (5, 10),
            ["email"] = (6, 12),
        };
}

/// <summary>A category without a spec, built from the reference catalogue (<c>merge-api.md</c>): its
/// endpoint table (§3), its Appendix A and Appendix B subsections, all found by <paramref name="Title"/>.</summary>
public sealed record ReferenceCategory(string Name, string Pascal, string Title)
{
    /// <summary>Where <c>--reference</c> points by default, relative to <c>--specs</c>.</summary>
    public const string DefaultPath = "../reference/merge-api.md";

    /// <summary>The catalogue's <c>source</c> for these categories.</summary>
    public const string Source = "reference/merge-api.md";

    /// <summary>In <c>CatalogSet.CategoryOrder</c>, after the categories with a spec.</summary>
    public static readonly IReadOnlyList<ReferenceCategory> All = new[]
    {
        new ReferenceCategory("calendar", "Calendar", "Calendar"),
        new ReferenceCategory("email", "Email", "Email"),
    };
}
