using System.Collections.Generic;
using MergePS.Catalog;

namespace MergePS.Emulator.Routing;

/// <summary>
/// The few cross-category ("platform") endpoints the emulator serves although the catalogue leaves
/// platform paths out: they are identical in every category (reference §6), and the module's
/// account cmdlets and the tests need linked accounts and account details.
/// </summary>
public static class PlatformOperations
{
    public const string LinkedAccounts = "platform-linked-accounts";
    public const string AccountDetails = "platform-account-details";
    public const string DeleteAccount = "platform-delete-account";
    public const string RegenerateToken = "platform-regenerate-token";

    public static IEnumerable<Operation> For(string category)
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
