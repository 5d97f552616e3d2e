using System;
using System.Net.Http;
using System.Security;

namespace MergePS.Client;

/// <summary>One API call, described without any host or secret in text form.</summary>
public sealed class MergeRequest
{
    public MergeRequest(HttpMethod method, string path, QueryString? query = null)
    {
        Method = method;
        Path = path.TrimStart('/');
        Query = query ?? new QueryString();
    }

    public HttpMethod Method { get; }

    /// <summary>Relative to the session's base URI (which ends in <c>/api/</c>), e.g. <c>hris/v1/employees</c>.</summary>
    public string Path { get; }

    public QueryString Query { get; }

    /// <summary>Null for org-level endpoints, which must not carry X-Account-Token.</summary>
    public SecureString? AccountToken { get; set; }

    /// <summary>Builds the body afresh for each attempt, since a sent HttpContent cannot be resent.</summary>
    public Func<HttpContent>? Content { get; set; }

    /// <summary>Extra headers (passthrough, raw requests); never Authorization or X-Account-Token.</summary>
    public System.Collections.Generic.IDictionary<string, string>? Headers { get; set; }

    /// <summary>
    /// Whether a failed attempt may be repeated. Reads may; writes only when the server refused them
    /// before doing anything (429), so that no record is created twice.
    /// </summary>
    public bool IsIdempotent => Method == HttpMethod.Get || Method == HttpMethod.Head || Method == HttpMethod.Options;

    /// <summary>Path and query for messages and errors.</summary>
    public string Display => "/" + Path + Query;
}
