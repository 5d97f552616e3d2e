using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MergePS.Catalog;
using MergePS.Emulator.Accounts;
using MergePS.Emulator.Api;
using MergePS.Emulator.Data;
using MergePS.Emulator.Filters;
using MergePS.Emulator.Routing;
using Microsoft.AspNetCore.Http;

namespace MergePS.Emulator.Control;

/// <summary>/_emulator/...: test hooks, no authentication.</summary>
public sealed class ControlEndpoints
{
    private readonly RequestLog _log;
    private readonly AccountRegistry _accounts;
    private readonly DataStore _store;
    private readonly RouteTable _routes;
    private readonly Faults _faults;
    private readonly PlatformControl _platform;

    public ControlEndpoints(RequestLog log, AccountRegistry accounts, DataStore store, RouteTable routes, Faults faults)
    {
        _faults = faults;
        _log = log;
        _accounts = accounts;
        _store = store;
        _routes = routes;
        _platform = new PlatformControl(accounts, store);
    }

    public Task Handle(HttpContext http, string path)
    {
        string method = http.Request.Method;
        return (method, path.TrimEnd('/')) switch
        {
            ("GET", "/health") => JsonResponse.Write(http, 200, w =>
            {
                w.WriteStartObject();
                w.WriteString("status", "ok");
                w.WriteEndObject();
            }),
            ("GET", "/requests") => Requests(http),
            ("DELETE", "/requests") => Clear(http),
            ("POST", "/reset") => Reset(http),
            ("GET", "/accounts") => Accounts(http),
            ("GET", "/unmapped-filters") => Filters(http, unmappedOnly: true),
            ("GET", "/filters") => Filters(http, unmappedOnly: false),
            ("GET", "/stats") => Stats(http),
            ("GET", "/records") => Records(http),
            ("POST", "/warm") => Warm(http),
            ("POST", "/faults") => SetFaults(http),
            ("DELETE", "/faults") => ClearFaults(http),
            ("GET", "/faults") => FaultStats(http),
            ("POST", "/link") => _platform.Link(http),
            ("POST", "/webhooks") => _platform.SendWebhook(http),
            _ => JsonResponse.Detail(http, 404, "Not found."),
        };
    }

    private Task Requests(HttpContext http)
    {
        IReadOnlyList<RequestLogEntry> entries = _log.Snapshot();
        return JsonResponse.Write(http, 200, w =>
        {
            w.WriteStartArray();
            foreach (RequestLogEntry e in entries)
            {
                w.WriteStartObject();
                w.WriteString("method", e.Method);
                w.WriteString("path", e.Path);
                w.WriteString("query", e.Query);
                w.WriteStartObject("headers");
                foreach (var (name, value) in e.Headers)
                {
                    w.WriteString(name, value);
                }

                w.WriteEndObject();
                if (e.Body is null)
                {
                    w.WriteNull("body");
                }
                else
                {
                    w.WriteString("body", e.Body);
                }

                w.WriteNumber("status", e.Status);
                w.WriteString("time", e.Time);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private Task Clear(HttpContext http)
    {
        _log.Clear();
        return JsonResponse.Empty(http, 204);
    }

    private async Task SetFaults(HttpContext http)
    {
        using var reader = new System.IO.StreamReader(http.Request.Body);
        string json = await reader.ReadToEndAsync();
        try
        {
            _faults.Configure(FaultPlan.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json));
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException)
        {
            await JsonResponse.Detail(http, 400, ex.Message);
            return;
        }

        await FaultStats(http);
    }

    private Task ClearFaults(HttpContext http)
    {
        _faults.Clear();
        return FaultStats(http);
    }

    private Task FaultStats(HttpContext http) => JsonResponse.Write(http, 200, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("injected", _faults.Injected);
        w.WriteNumber("rate", _faults.Current.Rate);
        w.WriteEndObject();
    });

    private Task Reset(HttpContext http)
    {
        _faults.Clear();
        _accounts.Reset();
        _store.Reset();
        _log.Clear();
        return JsonResponse.Write(http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "reset");
            w.WriteEndObject();
        });
    }

    private Task Accounts(HttpContext http) => JsonResponse.Write(http, 200, w =>
    {
        w.WriteStartArray();
        foreach (LinkedAccount a in _accounts.All)
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            w.WriteString("category", a.Category);
            w.WriteString("account_token", a.Token);
            w.WriteString("integration", a.IntegrationName);
            w.WriteString("integration_slug", a.IntegrationSlug);
            w.WriteString("end_user_organization_name", a.EndUserOrganizationName);
            w.WriteString("end_user_email_address", a.EndUserEmailAddress);
            w.WriteString("end_user_origin_id", a.EndUserOriginId);
            w.WriteString("status", a.Status);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    /// <summary>How every list parameter of the catalogue is interpreted; with unmappedOnly, the ones
    /// that are not (a test asserts that list is empty).</summary>
    private Task Filters(HttpContext http, bool unmappedOnly)
    {
        string? category = http.Request.Query["category"].LastOrDefault();
        var rows = new List<(string Category, string Path, string Param, string? Rule)>();
        foreach (RouteEntry route in _routes.All)
        {
            Operation op = route.Operation;
            if (route.Resource is null || op.Kind is not (OperationKinds.List or OperationKinds.SubList or OperationKinds.RemoteFieldClasses)
                || category is not null && route.Category.Name != category)
            {
                continue;
            }

            string? modelName = op.Kind == OperationKinds.List ? route.Resource.Model : op.ResponseModel;
            ModelSchema? model = route.Category.Schema(modelName);
            if (model is null)
            {
                rows.AddRange(op.Query.Where(p => !FilterCompiler.NonFilters.Contains(p.Name)).Select(p => (route.Category.Name, op.Path, p.Name, (string?)null)));
                continue;
            }

            CompiledFilters compiled = CompiledFilters.For(route.Category, op, model);
            foreach (Parameter p in op.Query.Where(p => !FilterCompiler.NonFilters.Contains(p.Name)))
            {
                rows.Add((route.Category.Name, op.Path, p.Name, compiled.Query.TryGetValue(p.Name, out Matcher? m) ? m.Describe : null));
            }

            foreach (var (name, matcher) in compiled.Path)
            {
                rows.Add((route.Category.Name, op.Path, "{" + name + "}", matcher?.Describe ?? "stable subset (no field relates it to the parent)"));
            }
        }

        return JsonResponse.Write(http, 200, w =>
        {
            w.WriteStartArray();
            foreach (var row in rows.Where(r => !unmappedOnly || r.Rule is null).OrderBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Param, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("category", row.Category);
                w.WriteString("path", row.Path);
                w.WriteString("param", row.Param);
                if (!unmappedOnly)
                {
                    w.WriteString("rule", row.Rule ?? "UNMAPPED");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private Task Stats(HttpContext http) => JsonResponse.Write(http, 200, w =>
    {
        w.WriteStartArray();
        foreach (AccountData data in _store.Generated.OrderBy(d => d.DataKey, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("data_key", data.DataKey);
            w.WriteString("category", data.Category.Name);
            w.WriteNumber("core_generation_ms", Math.Round(data.CoreGenerationTime.TotalMilliseconds, 1));
            w.WriteStartObject("tables");
            foreach (string model in data.Models.OrderBy(m => m, StringComparer.Ordinal))
            {
                if (data.IsBuilt(model))
                {
                    w.WriteNumber(model, data.Table(model)!.Current.Rows.Length);
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    /// <summary>
    /// The ids of one account's records of one model (?token=&amp;model=), shells left out, in table
    /// order. For tests of retrieve-only resources whose ids no API response carries (accounting
    /// phone numbers and async tasks).
    /// </summary>
    private Task Records(HttpContext http)
    {
        string? token = http.Request.Query["token"].LastOrDefault();
        string? model = http.Request.Query["model"].LastOrDefault();
        LinkedAccount? account = token is null ? null : _accounts.Find(token);
        Table? table = account is null || model is null ? null : _store.For(account).Table(model);
        if (table is null)
        {
            return JsonResponse.Detail(http, 404, "Unknown token or model.");
        }

        ModelSchema schema = table.Schema;
        return JsonResponse.Write(http, 200, w =>
        {
            w.WriteStartArray();
            foreach (Row row in table.Current.Rows)
            {
                if (!row.Shell && row.Id(schema) is { } id)
                {
                    w.WriteStringValue(id);
                }
            }

            w.WriteEndArray();
        });
    }

    /// <summary>Generates every table of one account (?token=) or of all accounts, so benchmarks can
    /// exclude generation time; answers with the time it took.</summary>
    private Task Warm(HttpContext http)
    {
        string? token = http.Request.Query["token"].LastOrDefault();
        var watch = Stopwatch.StartNew();
        int tables = 0;
        foreach (LinkedAccount account in _accounts.All.Where(a => token is null || a.Token == token))
        {
            AccountData data = _store.For(account);
            foreach (string model in data.Models.ToList())
            {
                data.Table(model);
                tables++;
            }
        }

        return JsonResponse.Write(http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("tables", tables);
            w.WriteNumber("elapsed_ms", Math.Round(watch.Elapsed.TotalMilliseconds, 1));
            w.WriteEndObject();
        });
    }
}
