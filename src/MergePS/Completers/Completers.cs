using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MergePS.Client;
using MergePS.Commands;

namespace MergePS.Completers;

/// <summary>Completes enum filters, -Expand and similar from the values the catalogue documents.</summary>
public sealed class CatalogValueCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (!CompletionTable.Values.TryGetValue(commandName + "|" + parameterName, out string[]? values))
        {
            return Enumerable.Empty<CompletionResult>();
        }

        return Complete(values, wordToComplete);
    }

    internal static IEnumerable<CompletionResult> Complete(IEnumerable<string> values, string wordToComplete)
    {
        string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return values
            .Where(v => v.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
    }
}

/// <summary>Completes -Account with the names of the accounts in the current session.</summary>
public sealed class AccountNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        MergeSession? session = SessionStore.Current;
        return session is null
            ? Enumerable.Empty<CompletionResult>()
            : CatalogValueCompleter.Complete(session.Accounts.Select(a => a.Name), wordToComplete);
    }
}

/// <summary>Completes -Region with the documented regions.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    private static readonly string[] s_regions = { "US", "EU", "APAC", "Sandbox" };

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        => CatalogValueCompleter.Complete(s_regions, wordToComplete);
}

/// <summary>Completes -Resource with the nouns that offer the cmdlet's operation.</summary>
public sealed class ResourceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        System.Func<ResourceOperations, bool> has = commandName switch
        {
            "Get-MergeWriteSchema" => r => r.MetaPost is not null || r.MetaPatch is not null,
            "Get-MergeRemoteFieldClass" => r => r.RemoteFieldClasses is not null,
            "Hide-MergeRecord" => r => r.Ignore is not null,
            "Start-MergeBulkCreate" => r => r.BulkCreate is not null,
            "Get-MergeBulkCreateStatus" => r => r.BulkStatus is not null,
            _ => _ => true,
        };
        return CatalogValueCompleter.Complete(ResourceTable.NounsWith(has), wordToComplete);
    }
}
