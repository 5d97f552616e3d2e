using System.Linq;
using System.Management.Automation;
using MergePS.Client;

namespace MergePS.Commands;

/// <summary>Get-MergeContext: what the session points at, with secrets shown only as hints.</summary>
[Cmdlet(VerbsCommon.Get, "MergeContext")]
[OutputType(typeof(MergeContext))]
public sealed class GetMergeContextCommand : MergeCmdletBase
{
    [Parameter]
    [ValidateNotNull]
    public MergeSession? Session { get; set; }

    protected override void EndProcessing()
    {
        MergeSession? session = Session ?? SessionStore.Current;
        if (session is null)
        {
            ThrowTerminatingError(ToErrorRecord(new MergeConfigurationException(
                MergeErrorIds.NotConnected, "Not connected to Merge.", "Run Connect-Merge -ApiKey <key> first."), null));
        }

        WriteObject(new MergeContext(session!));
    }
}

/// <summary>A safe view of a session for display and logs.</summary>
public sealed class MergeContext
{
    internal MergeContext(MergeSession session)
    {
        Region = session.Region;
        BaseUri = session.BaseUri.ToString();
        ApiKey = session.ApiKeyHint;
        Account = session.CurrentAccountName;
        AccountToken = session.CurrentAccount?.TokenHint;
        Accounts = session.Accounts.Select(a => a.Name).ToArray();
        Requests = session.Statistics.Requests;
        Retries = session.Statistics.Retries;
        Throttles = session.Statistics.Throttles;
        LastThrottleAt = session.Statistics.LastThrottleAt;
        LastRetryAfter = session.Statistics.LastRetryAfter;
        TimeoutSeconds = session.Options.Timeout.TotalSeconds;
        MaxRetries = session.Options.MaxAttempts - 1;
    }

    public MergeRegion Region { get; }

    public string BaseUri { get; }

    /// <summary>Last four characters of the key, masked.</summary>
    public string ApiKey { get; }

    public string? Account { get; }

    /// <summary>Last four characters of the current account token, masked.</summary>
    public string? AccountToken { get; }

    public string[] Accounts { get; }

    public long Requests { get; }

    public long Retries { get; }

    public long Throttles { get; }

    /// <summary>When Merge last answered 429 to this session.</summary>
    public System.DateTimeOffset? LastThrottleAt { get; }

    /// <summary>What that 429 asked the client to wait.</summary>
    public System.TimeSpan? LastRetryAfter { get; }

    public double TimeoutSeconds { get; }

    public int MaxRetries { get; }
}
