namespace MergePS.Emulator.Api;

/// <summary>The request body is read once (by the request log) and shared through HttpContext.Items.</summary>
public static class RequestBody
{
    public const string ItemKey = "MergePS.Emulator.Body";
}
