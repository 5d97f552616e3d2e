using System;
using System.Collections.Generic;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>Per-request inputs for turning a query value into a row predicate.</summary>
public sealed class BindContext
{
    public BindContext(AccountData data) => Data = data;

    public AccountData Data { get; }

    /// <summary>Validation errors in DRF's shape: parameter name to messages.</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public void Error(string param, string message)
    {
        if (!Errors.TryGetValue(param, out List<string>? list))
        {
            Errors[param] = list = new List<string>();
        }

        list.Add(message);
    }
}
