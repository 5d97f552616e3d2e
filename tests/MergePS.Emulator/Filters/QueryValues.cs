using System;
using System.Globalization;

namespace MergePS.Emulator.Filters;

/// <summary>Parsing of query-string values the way Django/DRF accepts them.</summary>
public static class QueryValues
{
    private static readonly string[] DateTimeFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
    };

    /// <summary>ISO 8601 with or without offset (no offset means UTC). A '+' that arrived unescaped
    /// in a query string decodes to a space; that is put back.</summary>
    public static bool TryDateTime(string text, out DateTime utc)
    {
        text = text.Trim();
        if (text.Length > 19 && text[^6] == ' ' && char.IsDigit(text[^5]))
        {
            text = string.Concat(text.AsSpan(0, text.Length - 6), "+", text.AsSpan(text.Length - 5));
        }

        if (DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
        {
            utc = parsed.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
    }

    /// <summary>Django's boolean filter: true/True/1 and false/False/0; anything else means "no filter".</summary>
    public static bool? Bool(string? text) => text?.Trim() switch
    {
        "true" or "True" or "TRUE" or "1" => true,
        "false" or "False" or "FALSE" or "0" => false,
        _ => null,
    };

    public static bool Flag(string? text) => Bool(text) == true;

    public static string[] List(string text)
    {
        string[] parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts;
    }
}
