using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MergePS.CatalogBuilder;

/// <summary>Turns path segments into singular PascalCase nouns (employees → Employee, time-off → TimeOff).</summary>
public static class Naming
{
    /// <summary>Irregular resources: whole path segment → noun. Everything else follows <see cref="Singular"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> NounOverrides = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        // "info" is a mass noun: bank-info, company-info stay as they are (listed for clarity; the rules agree).
        ["bank-info"] = "BankInfo",
        ["company-info"] = "CompanyInfo",
    };

    /// <summary>Singular forms the suffix rules would get wrong, by last word.</summary>
    private static readonly IReadOnlyDictionary<string, string> WordOverrides = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["series"] = "series",
        ["people"] = "person",
        ["data"] = "data",
        ["info"] = "info",
        ["status"] = "status",
        ["statuses"] = "status",
        ["addresses"] = "address",
        ["analyses"] = "analysis",
    };

    public static string Noun(string segment)
    {
        if (NounOverrides.TryGetValue(segment, out string? noun))
        {
            return noun;
        }

        string[] words = segment.Split('-', StringSplitOptions.RemoveEmptyEntries);
        words[^1] = Singular(words[^1]);
        return Pascal(words);
    }

    public static string Singular(string word)
    {
        if (WordOverrides.TryGetValue(word, out string? singular))
        {
            return singular;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("uses", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith("s", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length > 1)
        {
            return word[..^1];
        }

        return word;
    }

    /// <summary>PascalCase of words split on <c>-</c> or <c>_</c>.</summary>
    public static string Pascal(string text) => Pascal(text.Split(new[] { '-', '_' }, StringSplitOptions.RemoveEmptyEntries));

    private static string Pascal(IEnumerable<string> words)
    {
        var builder = new StringBuilder();
        foreach (string word in words)
        {
            builder.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture));
            builder.Append(word, 1, word.Length - 1);
        }

        return builder.ToString();
    }
}
