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

    /// <summary>Name of an account added with Set-MergeAccount -Name, for this call only.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.AccountNameCompleter))]
    public string? Account { get; set; }

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
            if (!ResolvedSession.TryGetAccount(Account, out MergeAccount named))
            {
                ThrowTerminatingError(ToErrorRecord(new MergeConfigurationException(
                    MergeErrorIds.UnknownAccount,
                    $"The session has no account named '{Account}'.",
                    "Add it with Set-MergeAccount -Name <name> -AccountToken <token>; Get-MergeContext lists the accounts."), Account));
            }

            return named.AccountToken;
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
