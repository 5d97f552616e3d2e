using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MergePS.Catalog;
using MergePS.Emulator.Accounts;
using MergePS.Emulator.Api;
using MergePS.Emulator.Control;
using MergePS.Emulator.Data;
using MergePS.Emulator.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MergePS.Emulator;

public static class Program
{
    /// <summary>http://127.0.0.1:&lt;port&gt;, known once Kestrel has bound.</summary>
    public static string BaseUrl { get; private set; } = "http://127.0.0.1";

    public static async Task<int> Main(string[] args)
    {
        EmulatorOptions options;
        CatalogSet catalog;
        try
        {
            options = EmulatorOptions.Parse(args);
            catalog = CatalogSet.Load(options.CatalogDirectory);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or FormatException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("MergePS.Emulator: " + ex.Message);
            return 2;
        }

        if (catalog.Categories.Count == 0)
        {
            await Console.Error.WriteLineAsync("MergePS.Emulator: no catalogue files in " + options.CatalogDirectory);
            return 2;
        }

        Dictionary<string, CategoryRuntime> categories = catalog.Categories.ToDictionary(c => c.Name, c => new CategoryRuntime(c), StringComparer.Ordinal);
        var accounts = new AccountRegistry(categories.Keys.ToList(), options.Seed, options.Anchor, options.Accounts);
        var store = new DataStore(options, categories);
        var routes = new RouteTable(categories.Values, CatalogSet.LoadPlatform(options.CatalogDirectory));
        var log = new RequestLog();
        var api = new ApiDispatcher(routes, accounts, store, options);
        var faults = new Faults();
        var control = new ControlEndpoints(log, accounts, store, routes, faults);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = Array.Empty<string>(),
            ContentRootPath = AppContext.BaseDirectory,
        });

        // No appsettings or ASPNETCORE_* endpoint can add an address: we listen on 127.0.0.1 only.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
        });
        WebApplication app = builder.Build();
        app.Run(http => Serve(http, api, control, log, faults));

        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = "http://127.0.0.1:" + new Uri(address).Port;
        Console.Out.WriteLine("MergePS.Emulator listening on " + BaseUrl);
        Console.Out.Flush();

        if (options.ParentPid is int parent)
        {
            _ = WatchParent(parent, app.Lifetime);
        }

        await app.WaitForShutdownAsync();
        return 0;
    }

    private static async Task Serve(HttpContext http, ApiDispatcher api, ControlEndpoints control, RequestLog log, Faults faults)
    {
        string path = http.Request.Path.Value ?? "/";
        try
        {
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                await Record(http, log);
                if (!await faults.TryInject(http, path.Substring(4)))
                {
                    await api.Handle(http, path.Substring(4));
                }
            }
            else if (path.StartsWith("/_emulator/", StringComparison.Ordinal))
            {
                await control.Handle(http, path.Substring("/_emulator".Length));
            }
            else
            {
                await JsonResponse.Detail(http, 404, "Not found.");
            }
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            await Console.Error.WriteLineAsync("MergePS.Emulator: " + http.Request.Method + " " + path + ": " + ex);
            await JsonResponse.Detail(http, 500, "Internal server error: " + ex.Message);
        }
    }

    /// <summary>Logs the request before it is handled; its status is filled in as the response starts,
    /// so a client never sees a response whose log entry is missing.</summary>
    private static async Task Record(HttpContext http, RequestLog log)
    {
        string? body = null;
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(http.Request.Body);
            body = await reader.ReadToEndAsync();
            http.Items[RequestBody.ItemKey] = body;
        }

        var entry = new RequestLogEntry
        {
            Method = http.Request.Method,
            Path = http.Request.Path.Value ?? string.Empty,
            Query = http.Request.QueryString.HasValue ? http.Request.QueryString.Value!.Substring(1) : string.Empty,
            Headers = http.Request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString())).ToList(),
            Body = body,
            Time = DateTime.UtcNow,
        };
        http.Response.OnStarting(() =>
        {
            entry.Status = http.Response.StatusCode;
            return Task.CompletedTask;
        });
        log.Add(entry);
    }

    /// <summary>Exits when the process that started us is gone, so test runs never leak emulators.</summary>
    private static async Task WatchParent(int pid, IHostApplicationLifetime lifetime)
    {
        while (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            if (!IsAlive(pid))
            {
                lifetime.StopApplication();
                return;
            }

            await Task.Delay(500);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using Process process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
