using System.Collections.Generic;
using MergePS.Catalog;

namespace MergePS.Emulator.Routing;

/// <summary>
/// The cross-category ("platform") endpoints, served in every category from the platform catalogue
/// (<c>catalog/platform/platform.json</c>, paths <c>/{category}/v1/...</c>; an operation whose path names
/// one category, such as Calendar's <c>PATCH linked-accounts/{id}</c>, only there). Each operation's kind is
/// <c>platform:METHOD relative-path</c> so the dispatcher can hand it to the platform handler. Without the
/// platform catalogue, the four the account cmdlets need are built in.
/// </summary>
public static class PlatformOperations
{
    public const string KindPrefix = "platform:";

    public const string LinkedAccounts = KindPrefix + "GET linked-accounts";
    public const string AccountDetails = KindPrefix + "GET account-details";
    public const string DeleteAccount = KindPrefix + "POST delete-account";
    public const string RegenerateToken = KindPrefix + "POST account-token/regenerate";

    public static IEnumerable<Operation> For(string category, CategoryCatalog? platform)
    {
        if (platform is null)
        {
            foreach (Operation builtIn in BuiltIn(category))
            {
                yield return builtIn;
            }

            yield break;
        }

        foreach (Resource resource in platform.Resources)
        {
            foreach (Operation op in resource.Operations)
            {
                string[] parts = op.Path.Trim('/').Split('/');
                if (parts[0] != "{category}" && parts[0] != category)
                {
                    continue;
                }

                string relative = string.Join("/", parts, 2, parts.Length - 2);
                yield return new Operation
                {
                    Kind = KindPrefix + op.Method + " " + relative,
                    Method = op.Method,
                    Path = "/" + category + "/v1/" + relative,
                    OperationId = op.OperationId,
                    AccountScoped = op.AccountScoped,
                    Paginated = op.Paginated,
                    PathParams = op.PathParams,
                    Query = op.Query,
                    RequestModel = op.RequestModel,
                    ResponseModel = op.ResponseModel,
                    ResponseIsArray = op.ResponseIsArray,
                    Status = op.Status,
                };
            }
        }
    }

    private static IEnumerable<Operation> BuiltIn(string category)
    {
        string prefix = "/" + category + "/v1/";
        yield return new Operation
        {
            Kind = LinkedAccounts, Method = "GET", Path = prefix + "linked-accounts", AccountScoped = false, Paginated = true,
            ResponseModel = "AccountDetailsAndActions",
        };
        yield return new Operation { Kind = AccountDetails, Method = "GET", Path = prefix + "account-details", ResponseModel = "AccountDetails" };
        yield return new Operation { Kind = DeleteAccount, Method = "POST", Path = prefix + "delete-account" };
        yield return new Operation
        {
            Kind = RegenerateToken, Method = "POST", Path = prefix + "account-token/regenerate", ResponseModel = "RegenerateAccountToken",
        };
    }
}
