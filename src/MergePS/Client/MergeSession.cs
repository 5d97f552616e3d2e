using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;

namespace MergePS.Client;

/// <summary>
/// One connection to Merge: host, API key, the linked accounts in use and the HTTP client that serves
/// them. Lives in memory only; secrets are internal SecureStrings that no public member exposes.
/// </summary>
public sealed class MergeSession : IDisposable
{
    public const string DefaultAccountName = "default";

    private readonly Dictionary<string, MergeAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _clientLock = new();
    private MergeClient? _client;

    public MergeSession(MergeRegion region, Uri baseUri, SecureString apiKey, MergeClientOptions? options = null)
    {
        Region = region;
        BaseUri = baseUri;
        ApiKey = apiKey;
        ApiKeyHint = Secret.Hint(apiKey);
        Options = options ?? new MergeClientOptions();
    }

    public MergeRegion Region { get; }

    public Uri BaseUri { get; }

    /// <summary>The API key's last four characters, masked.</summary>
    public string ApiKeyHint { get; }

    public MergeClientOptions Options { get; }

    /// <summary>Name of the account data cmdlets use when none is given.</summary>
    public string? CurrentAccountName { get; private set; }

    public MergeAccount? CurrentAccount =>
        CurrentAccountName is null ? null : _accounts.TryGetValue(CurrentAccountName, out MergeAccount? a) ? a : null;

    public IReadOnlyList<MergeAccount> Accounts => _accounts.Values.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Retry and throttle counters of this session's client; reading them creates no client.</summary>
    public MergeClientStatistics Statistics { get; } = new();

    internal SecureString ApiKey { get; }

    /// <summary>Created on first use so that connecting costs nothing until a request is made.</summary>
    public MergeClient Client
    {
        get
        {
            lock (_clientLock)
            {
                if (_client is null)
                {
                    _client = new MergeClient(BaseUri, ApiKey, Options, statistics: Statistics);
                }

                return _client;
            }
        }
    }

    /// <summary>Adds or replaces an account; it becomes current unless <paramref name="makeCurrent"/> is false.</summary>
    public MergeAccount SetAccount(string name, SecureString token, bool makeCurrent = true)
    {
        var account = new MergeAccount(name, token);
        _accounts[name] = account;
        if (makeCurrent || CurrentAccountName is null)
        {
            CurrentAccountName = name;
        }

        return account;
    }

    public bool TryGetAccount(string name, out MergeAccount account)
    {
        bool found = _accounts.TryGetValue(name, out MergeAccount? value);
        account = value!;
        return found;
    }

    public bool RemoveAccount(string name)
    {
        bool removed = _accounts.Remove(name);
        if (removed && string.Equals(CurrentAccountName, name, StringComparison.OrdinalIgnoreCase))
        {
            CurrentAccountName = _accounts.Keys.FirstOrDefault();
        }

        return removed;
    }

    public void SelectAccount(string name)
    {
        if (!_accounts.ContainsKey(name))
        {
            throw new MergeConfigurationException(
                MergeErrorIds.UnknownAccount,
                $"The session has no account named '{name}'.",
                "Add it with Set-MergeAccount -Name <name> -AccountToken <token>; Get-MergeContext lists the accounts.");
        }

        CurrentAccountName = _accounts.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose()
    {
        lock (_clientLock)
        {
            _client?.Dispose();
            _client = null;
        }
    }

    public override string ToString() => $"Merge {Region} {BaseUri} (key {ApiKeyHint})";
}
