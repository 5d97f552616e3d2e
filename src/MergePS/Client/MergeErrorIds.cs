namespace MergePS.Client;

/// <summary>
/// Stable error identifiers. They appear as the first part of an ErrorRecord's FullyQualifiedErrorId,
/// so scripts may branch on them; never rename one. about_MergePS_Errors documents each.
/// </summary>
public static class MergeErrorIds
{
    public const string NotConnected = "MergePS.NotConnected";
    public const string NoAccount = "MergePS.NoAccount";
    public const string UnknownAccount = "MergePS.UnknownAccount";
    public const string InvalidApiKey = "MergePS.InvalidApiKey";
    public const string InvalidAccountToken = "MergePS.InvalidAccountToken";
    public const string InvalidBaseUri = "MergePS.InvalidBaseUri";
    public const string InsecureBaseUri = "MergePS.InsecureBaseUri";
    public const string InvalidRegion = "MergePS.InvalidRegion";
    public const string MissingEnvironment = "MergePS.MissingEnvironment";
    public const string InvalidArgument = "MergePS.InvalidArgument";
    public const string Unauthorized = "MergePS.Unauthorized";
    public const string Forbidden = "MergePS.Forbidden";
    public const string NotFound = "MergePS.NotFound";
    public const string BadRequest = "MergePS.BadRequest";
    public const string RateLimited = "MergePS.RateLimited";
    public const string ServerError = "MergePS.ServerError";
    public const string Timeout = "MergePS.Timeout";
    public const string ConnectionFailed = "MergePS.ConnectionFailed";
    public const string InvalidResponse = "MergePS.InvalidResponse";
    public const string Redirected = "MergePS.Redirected";
    public const string HttpError = "MergePS.HttpError";
    public const string WriteProblem = "MergePS.WriteProblem";
    public const string FileWriteFailed = "MergePS.FileWriteFailed";
    public const string InvalidWebhookSignature = "MergePS.InvalidWebhookSignature";
}
