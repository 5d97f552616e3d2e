using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace MergePS.Emulator.Api;

/// <summary>page_size validation (DRF's messages, capped at Merge's 100) and cursor fields.</summary>
public static class Paging
{
    public const int MaxPageSize = 100;

    public static bool PageSize(ApiRequest request, out int size, out Dictionary<string, List<string>> errors)
    {
        errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        size = MaxPageSize;
        string? text = request.Query("page_size");
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            errors["page_size"] = new List<string> { "A valid integer is required." };
            return false;
        }

        if (value < 1)
        {
            errors["page_size"] = new List<string> { "Ensure this value is greater than or equal to 1." };
            return false;
        }

        size = Math.Min(value, MaxPageSize);
        return true;
    }

    public static void WriteCursor(Utf8JsonWriter w, string name, int position)
    {
        if (position < 0)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, Cursor.Encode(position));
        }
    }
}
