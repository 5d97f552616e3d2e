using System.Collections.Generic;

namespace MergePS.CatalogBuilder;

/// <summary>One category: where its spec lives, how its paths are written and, optionally, the docs export
/// that supplements the spec with the operations it lacks.</summary>
public sealed record CategorySource(string Name, string Pascal, string File, string PathPrefix, string? Supplement = null)
{
    /// <summary>The categories with a spec, in <c>CatalogSet.CategoryOrder</c>. Calendar and Email have none.</summary>
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
        };
}
