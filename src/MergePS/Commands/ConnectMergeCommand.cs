using System;
using System.Management.Automation;
using System.Security;
using MergePS.Client;

namespace MergePS.Commands;

/// <summary>Connect-Merge: sets up the runspace's session (host, API key, optional account).</summary>
[Cmdlet(VerbsCommunications.Connect, "Merge", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(MergeSession))]
public sealed class ConnectMergeCommand : MergeCmdletBase
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";
    private const string EnvironmentSet = "Environment";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString ApiKey { get; set; } = null!;

    /// <summary>The password is the API key; the user name is ignored.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = null!;

    /// <summary>Reads MERGE_API_KEY, MERGE_ACCOUNT_TOKEN and MERGE_REGION or MERGE_BASE_URI.</summary>
    [Parameter(Mandatory = true, ParameterSetName = EnvironmentSet)]
    public SwitchParameter FromEnvironment { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(Completers.RegionCompleter))]
    public string? Region { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BaseUri { get; set; }

    /// <summary>Sets the default linked account at once, as Set-MergeAccount would.</summary>
    [Parameter(ParameterSetName = ApiKeySet)]
    [Parameter(ParameterSetName = CredentialSet)]
    [SecureStringTransformation]
    public SecureString? AccountToken { get; set; }

    /// <summary>Seconds one request attempt may take.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int? TimeoutSeconds { get; set; }

    /// <summary>Retries after a throttle, a server error or a dropped connection.</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int? MaxRetries { get; set; }

    /// <summary>Cap on the total seconds one request may spend waiting between retries.</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public int? MaxRetryWaitSeconds { get; set; }

    /// <summary>Client-side limit of requests per minute for each linked account (Merge limits per account).</summary>
    [Parameter]
    [ValidateRange(1, 100000)]
    public int? MaxRequestsPerMinute { get; set; }

    /// <summary>Fetch pages strictly one after another instead of fetching the next while the current is written.</summary>
    [Parameter]
    public SwitchParameter NoPrefetch { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            MergeSession session = CreateSession();
            MergeSession? previous = SessionStore.Current;
            SessionStore.Current = session;
            previous?.Dispose();
            WriteVerbose($"Connected to {session.BaseUri} ({session.Region}) with key {session.ApiKeyHint}.");
            if (PassThru)
            {
                WriteObject(session);
            }
        }
        catch (MergeException ex)
        {
            ThrowTerminatingError(ToErrorRecord(ex, null));
        }
    }

    private MergeSession CreateSession()
    {
        MergeClientOptions options = MergeClientOptions.FromEnvironment(Environment.GetEnvironmentVariable);
        options.UserAgent += " PowerShell/" + Host.Version;
        if (TimeoutSeconds is int timeout)
        {
            options.Timeout = TimeSpan.FromSeconds(timeout);
        }

        if (MaxRetries is int retries)
        {
            options.MaxAttempts = retries + 1;
        }

        options.MaxRequestsPerMinute = MaxRequestsPerMinute;
        options.Prefetch = !NoPrefetch;
        if (MaxRetryWaitSeconds is int wait)
        {
            options.MaxRetryWait = TimeSpan.FromSeconds(wait);
        }

        SecureString apiKey;
        SecureString? accountToken = AccountToken;
        string? region = Region;
        string? baseUri = BaseUri;
        switch (ParameterSetName)
        {
            case CredentialSet:
                apiKey = Credential.Password;
                break;
            case EnvironmentSet:
                string? key = Environment.GetEnvironmentVariable("MERGE_API_KEY");
                if (string.IsNullOrWhiteSpace(key))
                {
                    throw new MergeConfigurationException(
                        MergeErrorIds.MissingEnvironment,
                        "MERGE_API_KEY is not set.",
                        "Set MERGE_API_KEY (and optionally MERGE_ACCOUNT_TOKEN, MERGE_REGION or MERGE_BASE_URI), or pass -ApiKey.");
                }

                apiKey = Secret.FromString(key!.Trim());
                string? token = Environment.GetEnvironmentVariable("MERGE_ACCOUNT_TOKEN");
                if (!string.IsNullOrWhiteSpace(token))
                {
                    accountToken = Secret.FromString(token!.Trim());
                }

                region ??= NullIfBlank(Environment.GetEnvironmentVariable("MERGE_REGION"));
                baseUri ??= NullIfBlank(Environment.GetEnvironmentVariable("MERGE_BASE_URI"));
                break;
            default:
                apiKey = ApiKey;
                break;
        }

        if (Secret.IsBlank(apiKey))
        {
            throw new MergeConfigurationException(
                MergeErrorIds.InvalidApiKey, "The API key is empty.", "Pass the API key from the Merge dashboard.");
        }

        if (region is not null && baseUri is not null)
        {
            throw new MergeConfigurationException(
                MergeErrorIds.InvalidArgument,
                "Give either a region or a base URI, not both.",
                "Use -Region for Merge's hosts, -BaseUri for anything else.");
        }

        MergeRegion parsedRegion = MergeRegion.US;
        Uri uri;
        if (baseUri is not null)
        {
            uri = MergeEndpoints.NormalizeBaseUri(baseUri);
            parsedRegion = MergeRegion.Custom;
        }
        else
        {
            if (region is not null && !MergeEndpoints.TryParseRegion(region, out parsedRegion))
            {
                throw new MergeConfigurationException(
                    MergeErrorIds.InvalidRegion,
                    $"'{region}' is not a Merge region.",
                    "Use US, EU, APAC or Sandbox, or pass -BaseUri.");
            }

            uri = MergeEndpoints.BaseUriFor(parsedRegion);
        }

        var session = new MergeSession(parsedRegion, uri, apiKey, options);
        if (accountToken is not null)
        {
            if (Secret.IsBlank(accountToken))
            {
                throw new MergeConfigurationException(
                    MergeErrorIds.InvalidAccountToken, "The account token is empty.", "Pass the linked account's token from Merge.");
            }

            session.SetAccount(MergeSession.DefaultAccountName, accountToken);
        }

        return session;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
