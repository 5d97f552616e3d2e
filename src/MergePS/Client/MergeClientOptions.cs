using System;
using System.Globalization;
using System.Reflection;

namespace MergePS.Client;

/// <summary>Per-session client settings. Defaults suit unattended runbooks; environment variables
/// (MERGE_MAX_RETRIES, MERGE_MAX_RETRY_WAIT_SECONDS, MERGE_TIMEOUT_SECONDS, MERGE_RETRY_BASE_DELAY_MS)
/// override them, and Connect-Merge parameters override those.</summary>
public sealed class MergeClientOptions
{
    public static readonly string ModuleVersion =
        typeof(MergeClientOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? typeof(MergeClientOptions).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>Attempts per request, the first one included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Cap on the total time one request may spend waiting between attempts.</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>First backoff step; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait, whatever Retry-After asks for.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time one attempt may take, headers and body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Connections kept open per host; bounds parallel fan-out.</summary>
    public int MaxConnectionsPerServer { get; set; } = 16;

    public string UserAgent { get; set; } = "MergePS/" + ModuleVersion;

    /// <summary>Client-side budget of requests per minute per linked account; null for none.</summary>
    public int? MaxRequestsPerMinute { get; set; }

    /// <summary>Fetch the next page of a listing while the current one is being written.</summary>
    public bool Prefetch { get; set; } = true;

    /// <summary>Reads overrides from environment variables; invalid values are reported, not ignored.</summary>
    public static MergeClientOptions FromEnvironment(Func<string, string?> getVariable)
    {
        var options = new MergeClientOptions();
        if (ReadPositive(getVariable, "MERGE_MAX_RETRIES", 20) is int retries)
        {
            options.MaxAttempts = retries + 1;
        }

        if (ReadPositive(getVariable, "MERGE_MAX_RETRY_WAIT_SECONDS", 86400) is int wait)
        {
            options.MaxRetryWait = TimeSpan.FromSeconds(wait);
        }

        if (ReadPositive(getVariable, "MERGE_TIMEOUT_SECONDS", 86400) is int timeout && timeout > 0)
        {
            options.Timeout = TimeSpan.FromSeconds(timeout);
        }

        if (ReadPositive(getVariable, "MERGE_RETRY_BASE_DELAY_MS", 60000) is int baseDelay)
        {
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(baseDelay);
        }

        return options;
    }

    private static int? ReadPositive(Func<string, string?> getVariable, string name, int max)
    {
        string? text = getVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // The same bounds as the matching Connect-Merge parameters: beyond them a timer cannot be
        // scheduled, or a retry count wraps around and silently disables retries.
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 0 || value > max)
        {
            throw new MergeConfigurationException(
                MergeErrorIds.InvalidArgument,
                $"The environment variable {name} must be a whole number from 0 to {max}, not '{text}'.",
                $"Fix or remove {name}.");
        }

        return value;
    }
}

/// <summary>What the client has seen, so a runbook can tell whether it was throttled.</summary>
public sealed class MergeClientStatistics
{
    private long _requests;
    private long _retries;
    private long _throttles;

    public long Requests => System.Threading.Interlocked.Read(ref _requests);

    public long Retries => System.Threading.Interlocked.Read(ref _retries);

    public long Throttles => System.Threading.Interlocked.Read(ref _throttles);

    public DateTimeOffset? LastThrottleAt { get; private set; }

    public TimeSpan? LastRetryAfter { get; private set; }

    internal void CountRequest() => System.Threading.Interlocked.Increment(ref _requests);

    internal void CountRetry() => System.Threading.Interlocked.Increment(ref _retries);

    internal void CountThrottle(TimeSpan? retryAfter)
    {
        System.Threading.Interlocked.Increment(ref _throttles);
        LastThrottleAt = DateTimeOffset.UtcNow;
        LastRetryAfter = retryAfter;
    }
}
