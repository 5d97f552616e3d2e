using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MergePS.CodeGen;

/// <summary>Turns wire names (snake_case, kebab-case) into C# and PowerShell names.</summary>
internal static class Names
{
    /// <summary>Parameter names the cmdlet bases or PowerShell itself already use.</summary>
    public static readonly HashSet<string> ReservedParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Session", "Account", "AccountToken", "PageSize", "Cursor", "Id", "First", "Skip", "IncludeTotalCount", "All",
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
        "Model", "PassThru", "Force",
    };

    public static string Pascal(string wire)
    {
        var builder = new StringBuilder(wire.Length);
        bool upper = true;
        foreach (char c in wire)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, 'N');
        }

        return builder.ToString();
    }

    /// <summary>A property name unique in its class and different from the class name.</summary>
    public static string PropertyName(string wire, string className, ISet<string> taken)
    {
        string name = Pascal(wire);
        if (name == className || name is "AdditionalProperties" or "MergeAccount" or "ToString" or "GetType")
        {
            name += "Value";
        }

        string candidate = name;
        for (int i = 2; taken.Contains(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        taken.Add(candidate);
        return candidate;
    }

    public static string Literal(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public static string Literals(IEnumerable<string> values) => string.Join(", ", values.Select(Literal));
}
