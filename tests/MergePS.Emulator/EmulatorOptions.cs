using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace MergePS.Emulator;

/// <summary>Command line: <c>--catalog &lt;dir&gt; [--port 0] [--api-key &lt;key&gt;] [--seed &lt;n&gt;]
/// [--employees &lt;n&gt;] [--accounts &lt;n&gt;] [--synthetic-employees &lt;n[,n...]&gt;] [--parent-pid &lt;pid&gt;] [--now &lt;iso&gt;]</c>.</summary>
public sealed class EmulatorOptions
{
    public string CatalogDirectory { get; private set; } = Path.Combine(AppContext.BaseDirectory, "catalog");

    public int Port { get; private set; }

    public string ApiKey { get; private set; } = "test-api-key";

    public int Seed { get; private set; } = 1;

    public int Employees { get; private set; } = 250;

    /// <summary>Linked accounts per category, tokens <c>&lt;category&gt;-token-1..N</c>.</summary>
    public int Accounts { get; private set; } = MergePS.Emulator.Accounts.AccountRegistry.DefaultAccountsPerCategory;

    /// <summary>When set, HRIS employee lists and retrieves are served from records generated on the
    /// fly from their index (see Api/SyntheticEmployees.cs): one count per account number, the last
    /// for the remaining accounts; 0 serves the account's table.</summary>
    public IReadOnlyList<int> SyntheticEmployees { get; private set; } = Array.Empty<int>();

    /// <summary>Synthetic employees of account number <paramref name="number"/> (from 1); 0 when off.</summary>
    public int SyntheticEmployeesFor(int number) =>
        SyntheticEmployees.Count == 0 ? 0 : SyntheticEmployees[Math.Clamp(number, 1, SyntheticEmployees.Count) - 1];

    public int? ParentPid { get; private set; }

    /// <summary>The instant generated history ends at. Defaults to midnight UTC today, so data looks
    /// recent; pass --now for data that is identical on every day.</summary>
    public DateTime Anchor { get; private set; } = DateTime.UtcNow.Date;

    public static EmulatorOptions Parse(string[] args)
    {
        var options = new EmulatorOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--catalog":
                    options.CatalogDirectory = Path.GetFullPath(Value());
                    break;
                case "--port":
                    options.Port = Int(name, Value(), 0, 65535);
                    break;
                case "--api-key":
                    options.ApiKey = Value();
                    break;
                case "--seed":
                    options.Seed = Int(name, Value(), int.MinValue, int.MaxValue);
                    break;
                case "--employees":
                    options.Employees = Int(name, Value(), 1, 5_000_000);
                    break;
                case "--accounts":
                    options.Accounts = Int(name, Value(), 1, 1000);
                    break;
                case "--synthetic-employees":
                    string list = Value();
                    options.SyntheticEmployees = Array.ConvertAll(list.Split(','), n => Int(name, n.Trim(), 0, 100_000_000));
                    break;
                case "--parent-pid":
                    options.ParentPid = Int(name, Value(), 1, int.MaxValue);
                    break;
                case "--now":
                    options.Anchor = DateTimeOffset.Parse(Value(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{name}'.");
            }
        }

        return options;
    }

    private static int Int(string name, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new ArgumentException($"{name} must be an integer between {min} and {max}.");
        }

        return value;
    }
}
