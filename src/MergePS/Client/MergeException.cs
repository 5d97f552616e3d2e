using System;
using System.Net;

namespace MergePS.Client;

/// <summary>Base of every error the core raises; carries a stable id and what the user can do.</summary>
public abstract class MergeException : Exception
{
    protected MergeException(string errorId, string message, string recommendedAction, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        RecommendedAction = recommendedAction;
    }

    /// <summary>One of <see cref="MergeErrorIds"/>.</summary>
    public string ErrorId { get; }

    public string RecommendedAction { get; }
}

/// <summary>The session or an argument cannot be used; nothing was sent.</summary>
public sealed class MergeConfigurationException : MergeException
{
    public MergeConfigurationException(string errorId, string message, string recommendedAction)
        : base(errorId, message, recommendedAction)
    {
    }
}

/// <summary>Merge answered with an error status, or with a body the module cannot read.</summary>
public sealed class MergeApiException : MergeException
{
    public MergeApiException(
        string errorId,
        string message,
        string recommendedAction,
        HttpStatusCode? statusCode,
        string method,
        string path,
        string? responseBody,
        string? requestId,
        string? cursor = null,
        TimeSpan? retryAfter = null,
        Exception? inner = null)
        : base(errorId, message, recommendedAction, inner)
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        ResponseBody = responseBody;
        RequestId = requestId;
        Cursor = cursor;
        RetryAfter = retryAfter;
    }

    /// <summary>Null when no response arrived (timeout, connection failure).</summary>
    public HttpStatusCode? StatusCode { get; }

    public string Method { get; }

    /// <summary>Path and query, without host; never contains secrets.</summary>
    public string Path { get; }

    /// <summary>Merge's error body as sent (truncated when very large).</summary>
    public string? ResponseBody { get; }

    public string? RequestId { get; }

    /// <summary>For a failed page of a listing: the cursor that fetches that page again.</summary>
    public string? Cursor { get; internal set; }

    public TimeSpan? RetryAfter { get; }
}
