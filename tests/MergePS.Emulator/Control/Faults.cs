using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MergePS.Emulator.Api;
using Microsoft.AspNetCore.Http;

namespace MergePS.Emulator.Control;

/// <summary>
/// Chaos and limits for the client's reliability tests and benchmarks: faults injected into
/// /api/ requests at a configured rate or for the next N requests, latency per request, and a
/// per-account-token rate limit answered with 429 and Retry-After as Merge's throttle would.
/// Configured with POST /_emulator/faults; DELETE /_emulator/faults or /reset clears it.
/// </summary>
public sealed class Faults
{
    public static readonly string[] Kinds =
    {
        "429", "408", "500", "502", "503", "504", "400", "401", "403", "404", "302",
        "reset", "truncated", "slow", "html", "notjson", "empty", "huge",
    };

    private readonly object _lock = new();
    private readonly ConcurrentDictionary<string, Queue<DateTime>> _windows = new(StringComparer.Ordinal);
    private FaultPlan _plan = new();
    private Random _random = new(1);
    private int _remaining;
    private long _injected;

    public long Injected => Interlocked.Read(ref _injected);

    public void Configure(FaultPlan plan)
    {
        lock (_lock)
        {
            _plan = plan;
            _random = new Random(plan.Seed);
            _remaining = plan.Count ?? 0;
            _windows.Clear();
            Interlocked.Exchange(ref _injected, 0);
        }
    }

    public void Clear() => Configure(new FaultPlan());

    public FaultPlan Current
    {
        get
        {
            lock (_lock)
            {
                return _plan;
            }
        }
    }

    /// <summary>Applies latency, the rate limit and at most one fault; true when the response was written.</summary>
    public async Task<bool> TryInject(HttpContext http, string apiPath)
    {
        FaultPlan plan;
        string? kind = null;
        lock (_lock)
        {
            plan = _plan;
            if (plan.PathContains is null || apiPath.Contains(plan.PathContains, StringComparison.Ordinal))
            {
                if (_remaining > 0)
                {
                    _remaining--;
                    kind = Pick(plan);
                }
                else if (plan.Count is null && plan.Rate > 0 && _random.NextDouble() < plan.Rate)
                {
                    kind = Pick(plan);
                }
            }
        }

        if (plan.LatencyMs > 0)
        {
            await Task.Delay(plan.LatencyMs, http.RequestAborted);
        }

        if (plan.RateLimitPerMinute is int limit && Throttled(http, limit, out int wait))
        {
            http.Response.Headers["Retry-After"] = wait.ToString(CultureInfo.InvariantCulture);
            await JsonResponse.Detail(http, 429, $"Request was throttled. Expected available in {wait} seconds.");
            return true;
        }

        if (kind is null)
        {
            return false;
        }

        Interlocked.Increment(ref _injected);
        switch (kind)
        {
            case "429":
                http.Response.Headers["Retry-After"] = plan.RetryAfter ?? "0";
                await JsonResponse.Detail(http, 429, "Request was throttled.");
                return true;
            case "408" or "500" or "502" or "503" or "504" or "400" or "401" or "403" or "404":
                await JsonResponse.Detail(http, int.Parse(kind, CultureInfo.InvariantCulture), "Injected fault " + kind + ".");
                return true;
            case "302":
                // A redirect to another host: a client that followed it would hand that host its credentials.
                http.Response.Headers["Location"] = "http://127.0.0.2:9/stolen";
                http.Response.StatusCode = 302;
                return true;
            case "slow":
                await Task.Delay(plan.SlowMs, http.RequestAborted);
                return false;
            case "html":
                await WriteText(http, plan.HtmlStatus, "text/html", "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>");
                return true;
            case "notjson":
                await WriteText(http, 200, "text/plain", "upstream said: all good");
                return true;
            case "empty":
                await WriteText(http, 200, "application/json", string.Empty);
                return true;
            case "huge":
                await WriteText(http, 500, "text/plain", new string('x', 5 * 1024 * 1024));
                return true;
            case "truncated":
                await WriteText(http, 200, "application/json", "{\"next\": \"cD0x\", \"previous\": null, \"results\": [{\"id\": \"");
                return true;
            default:
                // A connection reset mid-body: promise more bytes than are sent, then drop the connection.
                byte[] half = Encoding.UTF8.GetBytes("{\"next\": null, \"previous\": null, \"results\": [");
                http.Response.StatusCode = 200;
                http.Response.ContentType = "application/json";
                http.Response.ContentLength = half.Length * 4;
                await http.Response.Body.WriteAsync(half);
                await http.Response.Body.FlushAsync();
                http.Abort();
                return true;
        }
    }

    private string Pick(FaultPlan plan)
    {
        string[] kinds = plan.Kinds is { Length: > 0 } ? plan.Kinds : new[] { "500" };
        return kinds[_random.Next(kinds.Length)];
    }

    private bool Throttled(HttpContext http, int limit, out int waitSeconds)
    {
        string key = http.Request.Headers["X-Account-Token"].ToString();
        Queue<DateTime> window = _windows.GetOrAdd(key, _ => new Queue<DateTime>());
        DateTime now = DateTime.UtcNow;
        lock (window)
        {
            while (window.Count > 0 && now - window.Peek() >= TimeSpan.FromMinutes(1))
            {
                window.Dequeue();
            }

            if (window.Count >= limit)
            {
                waitSeconds = Math.Max(1, (int)Math.Ceiling((window.Peek().AddMinutes(1) - now).TotalSeconds));
                return true;
            }

            window.Enqueue(now);
            waitSeconds = 0;
            return false;
        }
    }

    private static Task WriteText(HttpContext http, int status, string contentType, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = bytes.Length;
        return http.Response.Body.WriteAsync(bytes).AsTask();
    }
}

/// <summary>The body of POST /_emulator/faults.</summary>
public sealed class FaultPlan
{
    /// <summary>Probability that a matching request gets a fault.</summary>
    public double Rate { get; set; }

    /// <summary>When set, exactly the next N matching requests get a fault and the rate is ignored.</summary>
    public int? Count { get; set; }

    /// <summary>Faults to choose from, see <see cref="Faults.Kinds"/>.</summary>
    public string[]? Kinds { get; set; }

    /// <summary>Only requests whose path (after /api) contains this get faults.</summary>
    public string? PathContains { get; set; }

    /// <summary>Retry-After sent with injected 429s: seconds, or an HTTP date.</summary>
    public string? RetryAfter { get; set; }

    public int SlowMs { get; set; } = 2000;

    public int HtmlStatus { get; set; } = 502;

    /// <summary>Added to every /api/ request.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Requests per minute per account token before 429.</summary>
    public int? RateLimitPerMinute { get; set; }

    public int Seed { get; set; } = 1;

    public static FaultPlan Parse(string json)
    {
        FaultPlan plan = JsonSerializer.Deserialize<FaultPlan>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? new FaultPlan();
        string? unknown = plan.Kinds?.FirstOrDefault(k => !Faults.Kinds.Contains(k));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown fault kind '{unknown}'. Known: {string.Join(", ", Faults.Kinds)}.");
        }

        return plan;
    }
}
