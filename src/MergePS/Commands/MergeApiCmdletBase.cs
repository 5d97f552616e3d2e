using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using MergePS.Client;

namespace MergePS.Commands;

/// <summary>
/// Base of every cmdlet that calls the API: resolves the session (-Session or the runspace default)
/// and, for account-scoped calls, the linked account (-AccountToken, -Account, or the current one).
/// </summary>
public abstract class MergeApiCmdletBase : MergeCmdletBase
{
    /// <summary>A session from Connect-Merge -PassThru; the runspace's default otherwise.</summary>
    [Parameter]
    [ValidateNotNull]
    public MergeSession? Session { get; set; }

    /// <summary>Name of an account added with Set-MergeAccount -Name, for this call only. Listings
    /// accept several names or wildcards (<c>-Account *</c>) and read every matching account.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.AccountNameCompleter))]
    [SupportsWildcards]
    public string[]? Account { get; set; }

    /// <summary>An account token for this call only.</summary>
    [Parameter]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString? AccountToken { get; set; }

    /// <summary>False for org-level endpoints, which must not carry X-Account-Token.</summary>
    protected abstract bool AccountScoped { get; }

    protected MergeSession ResolvedSession { get; private set; } = null!;

    protected override void BeginProcessing()
    {
        MergeSession? session = Session ?? SessionStore.Current;
        if (session is null)
        {
            ThrowTerminatingError(ToErrorRecord(new MergeConfigurationException(
                MergeErrorIds.NotConnected,
                "Not connected to Merge.",
                "Run Connect-Merge -ApiKey <key> first, or pass -Session."), null));
        }

        ResolvedSession = session!;
    }

    /// <summary>The account token this call sends, or null for org-level calls.</summary>
    protected SecureString? ResolveAccountToken()
    {
        if (!AccountScoped)
        {
            return null;
        }

        if (AccountToken is not null)
        {
            if (Secret.IsBlank(AccountToken))
            {
                ThrowTerminatingError(ArgumentError(
                    MergeErrorIds.InvalidAccountToken, "The account token is empty.",
                    "Pass the linked account's token from Merge.", null));
            }

            return AccountToken;
        }

        if (Account is not null)
        {
            IReadOnlyList<MergeAccount> named = ResolveAccounts();
            if (named.Count > 1)
            {
                ThrowTerminatingError(ArgumentError(
                    MergeErrorIds.InvalidArgument,
                    $"-Account names {named.Count} accounts; this command acts on one.",
                    "Name one account; only Get-Merge* listings read several accounts at once.",
                    Account));
            }

            return named[0].AccountToken;
        }

        MergeAccount? current = ResolvedSession.CurrentAccount;
        if (current is null)
        {
            ThrowTerminatingError(ToErrorRecord(new MergeConfigurationException(
                MergeErrorIds.NoAccount,
                "No linked account is selected, and this call reads one linked account's data.",
                "Run Set-MergeAccount -AccountToken <token> first, or pass -Account or -AccountToken."), null));
        }

        return current!.AccountToken;
    }

    /// <summary>The accounts -Account names, wildcards expanded, in the session's order.</summary>
    protected IReadOnlyList<MergeAccount> ResolveAccounts()
    {
        var matched = new List<MergeAccount>();
        foreach (string name in Account ?? Array.Empty<string>())
        {
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                matched.AddRange(ResolvedSession.Accounts.Where(a => pattern.IsMatch(a.Name) && !matched.Contains(a)));
            }
            else if (ResolvedSession.TryGetAccount(name, out MergeAccount account))
            {
                if (!matched.Contains(account))
                {
                    matched.Add(account);
                }
            }
            else
            {
                ThrowTerminatingError(ToErrorRecord(new MergeConfigurationException(
                    MergeErrorIds.UnknownAccount,
                    $"The session has no account named '{name}'.",
                    "Add it with Set-MergeAccount -Name <name> -AccountToken <token>; Get-MergeContext lists the accounts."), name));
            }
        }

        if (matched.Count == 0)
        {
            ThrowTerminatingError(ToErrorRecord(new MergeConfigurationException(
                MergeErrorIds.UnknownAccount,
                $"No account of the session matches '{string.Join(", ", Account ?? Array.Empty<string>())}'.",
                "Get-MergeContext lists the accounts; add more with Set-MergeAccount -Name."), Account));
        }

        return matched;
    }

    /// <summary>Reports a failed API call: non-terminating, except when no later call can succeed either.</summary>
    protected void ReportError(MergeException exception, object? target)
    {
        ErrorRecord record = ToErrorRecord(exception, target);
        if (exception.ErrorId is MergeErrorIds.Unauthorized or MergeErrorIds.Redirected)
        {
            ThrowTerminatingError(record);
        }

        WriteError(record);
    }
}
