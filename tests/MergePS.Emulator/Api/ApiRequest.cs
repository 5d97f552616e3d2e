using System;
using System.Collections.Generic;
using System.Linq;
using MergePS.Catalog;
using MergePS.Emulator.Accounts;
using MergePS.Emulator.Data;
using MergePS.Emulator.Filters;
using MergePS.Emulator.Routing;
using MergePS.Emulator.Serialization;
using Microsoft.AspNetCore.Http;

namespace MergePS.Emulator.Api;

/// <summary>An authenticated request matched to its operation, with the data it acts on.</summary>
public sealed class ApiRequest
{
    public ApiRequest(HttpContext http, RouteEntry route, IReadOnlyDictionary<string, string> pathValues, LinkedAccount? account, AccountData data)
    {
        Http = http;
        Route = route;
        PathValues = pathValues;
        Account = account;
        Data = data;
    }

    public HttpContext Http { get; }

    public RouteEntry Route { get; }

    public Operation Operation => Route.Operation;

    public Resource? Resource => Route.Resource;

    public CategoryRuntime Category => Route.Category;

    public IReadOnlyDictionary<string, string> PathValues { get; }

    public LinkedAccount? Account { get; }

    public AccountData Data { get; }

    /// <summary>The last value of a query parameter, as Django's QueryDict.get does.</summary>
    public string? Query(string name)
    {
        var values = Http.Request.Query[name];
        return values.Count == 0 ? null : values[values.Count - 1];
    }

    public bool Flag(string name) => QueryValues.Flag(Query(name));

    /// <summary>Expansions from <c>expand=a,b</c> and from repeated <c>expand=a&amp;expand=b</c>.</summary>
    public ISet<string> ListParam(string name)
    {
        var values = Http.Request.Query[name];
        if (values.Count == 0)
        {
            return Serialization.WriteOptions.EmptySet;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (string? value in values)
        {
            if (value is not null)
            {
                set.UnionWith(QueryValues.List(value));
            }
        }

        return set;
    }

    public bool Offers(string param) => Operation.Query.Any(p => p.Name == param);

    public WriteOptions Output(string? remotePath = null) => new(Data)
    {
        Expand = ListParam("expand"),
        IncludeRemoteData = Flag("include_remote_data"),
        IncludeRemoteFields = Flag("include_remote_fields"),
        IncludeSensitive = !Offers("include_sensitive_fields") || Flag("include_sensitive_fields"),
        EnumOrigins = Union(ListParam("show_enum_origins"), ListParam("remote_fields")),
        RemotePath = remotePath ?? "/" + (Resource?.Name ?? "records"),
    };

    private static ISet<string> Union(ISet<string> a, ISet<string> b)
    {
        if (b.Count == 0)
        {
            return a;
        }

        if (a.Count == 0)
        {
            return b;
        }

        var set = new HashSet<string>(a, StringComparer.Ordinal);
        set.UnionWith(b);
        return set;
    }
}
