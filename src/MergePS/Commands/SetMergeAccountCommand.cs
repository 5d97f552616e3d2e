using System.Management.Automation;
using System.Security;
using MergePS.Client;

namespace MergePS.Commands;

/// <summary>Set-MergeAccount: adds a linked account to the session, or switches to a named one.</summary>
[Cmdlet(VerbsCommon.Set, "MergeAccount", DefaultParameterSetName = SelectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MergeAccount))]
public sealed class SetMergeAccountCommand : MergeCmdletBase
{
    private const string TokenSet = "Token";
    private const string SelectSet = "Select";
    private const string PublicTokenSet = "PublicToken";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = TokenSet, ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString AccountToken { get; set; } = null!;

    /// <summary>The public token Merge Link returned: exchanged for the account token (org level) in one step.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PublicTokenSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PublicToken { get; set; } = null!;

    /// <summary>Keeps several accounts in one session; "default" when not given.</summary>
    [Parameter(ParameterSetName = TokenSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = PublicTokenSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, ParameterSetName = SelectSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.AccountNameCompleter))]
    public string Name { get; set; } = MergeSession.DefaultAccountName;

    /// <summary>Adds the account without making it the current one.</summary>
    [Parameter(ParameterSetName = TokenSet)]
    [Parameter(ParameterSetName = PublicTokenSet)]
    public SwitchParameter NoSelect { get; set; }

    [Parameter]
    [ValidateNotNull]
    public MergeSession? Session { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        MergeSession? session = Session ?? SessionStore.Current;
        if (session is null)
        {
            ThrowTerminatingError(ToErrorRecord(new MergeConfigurationException(
                MergeErrorIds.NotConnected, "Not connected to Merge.", "Run Connect-Merge -ApiKey <key> first."), null));
        }

        try
        {
            MergeAccount account;
            if (ParameterSetName == SelectSet)
            {
                if (!ShouldProcess(Name, "Select linked account"))
                {
                    return;
                }

                session!.SelectAccount(Name);
                account = session.CurrentAccount!;
            }
            else if (ParameterSetName == PublicTokenSet)
            {
                if (!ShouldProcess(Name, "Exchange the public token and set the linked account"))
                {
                    return;
                }

                Platform.AccountToken exchanged = Run(ct => MergePlatform.ExchangePublicTokenAsync(session!.Client, MergePlatform.DefaultCategory, PublicToken, Log, ct));
                account = session!.SetAccount(Name, Secret.FromString(exchanged.AccountTokenValue ?? string.Empty), makeCurrent: !NoSelect);
                account.LinkedAccountId = exchanged.Id;
                account.Category = exchanged.Integration?.Categories is { Count: 1 } categories ? categories[0] : null;
            }
            else
            {
                if (Secret.IsBlank(AccountToken))
                {
                    throw new MergeConfigurationException(
                        MergeErrorIds.InvalidAccountToken, "The account token is empty.", "Pass the linked account's token from Merge.");
                }

                if (!ShouldProcess(Name, "Set linked account"))
                {
                    return;
                }

                account = session!.SetAccount(Name, AccountToken, makeCurrent: !NoSelect);
            }

            WriteVerbose($"Account '{account.Name}' ({account.TokenHint}){(session.CurrentAccountName == account.Name ? " is now current" : " added")}.");
            if (PassThru)
            {
                WriteObject(account);
            }
        }
        catch (MergeException ex)
        {
            WriteError(ToErrorRecord(ex, Name));
        }
    }
}
