using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

using MergePS.Client;

namespace MergePS.Tests.Infrastructure;

/// <summary>
/// A <see cref="MergeClient"/> wired to a <see cref="StubHandler"/>, whose waits between attempts are
/// recorded instead of slept, so retry tests take no time.
/// </summary>
public sealed class TestClient : IDisposable
{
    public const string ApiKey = "sk_test_Q7bX2mPz9LkV4wRt8Ny3KEY1";
    public const string AccountToken = "acct_Hq5Jd8Ws2Ze6Rt4Yu1TOK9";
    public static readonly Uri BaseUri = new("https://api.merge.test/api/");

    private readonly List<TimeSpan> _delays = new();

    public TestClient(Action<MergeClientOptions>? configure = null, bool realDelay = false)
    {
        Options = new MergeClientOptions();
        configure?.Invoke(Options);
        Handler = new StubHandler();
        Client = new MergeClient(BaseUri, Secret.FromString(ApiKey), Options, Handler);
        if (!realDelay)
        {
            Client.Delay = (delay, token) =>
            {
                lock (_delays)
                {
                    _delays.Add(delay);
                }

                return Task.CompletedTask;
            };
        }
    }

    public StubHandler Handler { get; }

    public MergeClientOptions Options { get; }

    public MergeClient Client { get; }

    public RecordingLog Log { get; } = new();

    /// <summary>The waits the client asked for between attempts, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return _delays.ToArray();
            }
        }
    }

    public static MergeRequest Get(string path, QueryString? query = null, bool withAccount = true)
        => new(HttpMethod.Get, path, query) { AccountToken = withAccount ? Secret.FromString(AccountToken) : null };

    public static MergeRequest Post(string path, string json) => new(HttpMethod.Post, path)
    {
        AccountToken = Secret.FromString(AccountToken),
        Content = () => new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
    };

    /// <summary>Sends a GET for one employee and returns it parsed.</summary>
    public Task<Hris.Employee> GetEmployeeAsync(MergeRequest? request = null, CancellationToken cancellationToken = default)
        => Client.SendAsync(request ?? Get("hris/v1/employees/e1"), Json.HrisJsonContext.Default.Employee, Log, cancellationToken);

    public void Dispose() => Client.Dispose();
}
