using System;
using System.Threading.Tasks;
using MergePS.Catalog;
using MergePS.Emulator.Accounts;
using MergePS.Emulator.Data;
using MergePS.Emulator.Routing;
using Microsoft.AspNetCore.Http;

namespace MergePS.Emulator.Api;

/// <summary>Serves /api/...: route, authenticate as Merge does (API key, then account token),
/// then hand the request to the handler of the operation's kind.</summary>
public sealed class ApiDispatcher
{
    private readonly RouteTable _routes;
    private readonly AccountRegistry _accounts;
    private readonly DataStore _store;
    private readonly EmulatorOptions _options;
    private readonly PlatformHandler _platform;

    public ApiDispatcher(RouteTable routes, AccountRegistry accounts, DataStore store, EmulatorOptions options)
    {
        _routes = routes;
        _accounts = accounts;
        _store = store;
        _options = options;
        _platform = new PlatformHandler(accounts, store);
    }

    public Task Handle(HttpContext http, string path)
    {
        RouteMatch match = _routes.Match(http.Request.Method, path);
        if (match.Entry is null && !match.WrongMethod)
        {
            return JsonResponse.Detail(http, 404, "Not found.");
        }

        // DRF authenticates before it looks at the method, so a bad key wins over a 405.
        string? authError = Authenticate(http.Request.Headers.Authorization.ToString());
        if (authError is not null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return JsonResponse.Detail(http, 401, authError);
        }

        if (match.WrongMethod)
        {
            return JsonResponse.Detail(http, 405, "Method \"" + http.Request.Method + "\" not allowed.");
        }

        RouteEntry route = match.Entry!;
        LinkedAccount? account = null;
        AccountData data;
        if (route.Operation.AccountScoped)
        {
            string token = http.Request.Headers["X-Account-Token"].ToString().Trim();
            if (token.Length == 0)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return JsonResponse.Detail(http, 401, "Account Token must be passed in as an X-Account-Token header.");
            }

            account = _accounts.Find(token);
            if (account is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return JsonResponse.Detail(http, 401, "Invalid account token.");
            }

            // A real account of another category: Merge answers as for an endpoint the linked
            // integration does not support, i.e. 404.
            if (account.Category != route.Category.Name)
            {
                return JsonResponse.Detail(http, 404, "Not found.");
            }

            data = _store.For(account);
        }
        else
        {
            data = _store.ForOrganization(route.Category);
        }

        var request = new ApiRequest(http, route, match.Values, account, data);
        return Dispatch(request);
    }

    private Task Dispatch(ApiRequest request) => request.Operation.Kind switch
    {
        OperationKinds.List or OperationKinds.SubList or OperationKinds.RemoteFieldClasses => ListHandler.Handle(request),
        OperationKinds.Retrieve => RetrieveHandler.Handle(request),
        OperationKinds.Create => WriteHandler.Create(request),
        OperationKinds.PartialUpdate => WriteHandler.PartialUpdate(request),
        OperationKinds.Ignore => WriteHandler.Ignore(request),
        OperationKinds.MetaPost or OperationKinds.MetaPatch => MetaHandler.Handle(request),
        OperationKinds.Download => OtherHandlers.Download(request),
        OperationKinds.SubRetrieve when LiveSearchHandler.Handles(request) => LiveSearchHandler.Handle(request),
        OperationKinds.SubRetrieve => OtherHandlers.SubRetrieve(request),
        OperationKinds.BulkCreate => BulkHandler.Create(request),
        OperationKinds.BulkStatus => BulkHandler.Status(request),
        OperationKinds.Action when CreditApplication.Handles(request) => CreditApplication.Handle(request),
        OperationKinds.Action => OtherHandlers.Action(request),
        PlatformOperations.LinkedAccounts => _platform.LinkedAccounts(request),
        PlatformOperations.AccountDetails => _platform.AccountDetails(request),
        PlatformOperations.DeleteAccount => _platform.DeleteAccount(request),
        PlatformOperations.RegenerateToken => _platform.RegenerateToken(request),
        string kind when kind.StartsWith(PlatformOperations.KindPrefix, StringComparison.Ordinal) => _platform.Handle(request),
        _ => OtherHandlers.Synthesized(request),
    };

    /// <summary>DRF TokenAuthentication with keyword "Bearer": the same checks and messages.</summary>
    private string? Authenticate(string header)
    {
        string[] parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return "Authentication credentials were not provided.";
        }

        if (parts.Length == 1)
        {
            return "Invalid token header. No credentials provided.";
        }

        if (parts.Length > 2)
        {
            return "Invalid token header. Token string should not contain spaces.";
        }

        return string.Equals(parts[1], _options.ApiKey, StringComparison.Ordinal) ? null : "Invalid token.";
    }
}
