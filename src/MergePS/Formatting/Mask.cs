using System;
using System.Globalization;
using System.Text;

namespace MergePS.Formatting;

/// <summary>
/// How the module's default views show personal data: social security numbers, dates of birth,
/// bank account and routing numbers, pay. The views call these; the objects keep the real values,
/// so <c>$employee.Ssn</c> or <c>Select-Object Ssn</c> still show them. Which fields are masked is
/// listed once, in tools/CodeGen/Sensitive.cs.
/// </summary>
public static class Mask
{
    private const string Stars = "****";

    /// <summary><c>***-**-1234</c>: only the last four digits; null or blank shows nothing.</summary>
    public static string? Ssn(object? value)
    {
        string? text = Text(value);
        if (text is null)
        {
            return null;
        }

        var digits = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsDigit(c))
            {
                digits.Append(c);
            }
        }

        return digits.Length >= 4 ? "***-**-" + digits.ToString(digits.Length - 4, 4) : "***-**-****";
    }

    /// <summary><c>****1234</c>: only the last four characters of an account number.</summary>
    public static string? LastFour(object? value)
    {
        string? text = Text(value);
        if (text is null)
        {
            return null;
        }

        return text.Length > 4 ? Stars + text.Substring(text.Length - 4) : Stars;
    }

    /// <summary><c>****</c>: shows that a value is there, never what it is.</summary>
    public static string? Hidden(object? value) => Text(value) is null ? null : Stars;

    private static string? Text(object? value)
    {
        // A PSObject wrapper arrives here from format scripts; IFormattable covers dates and numbers.
        string? text = value switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
