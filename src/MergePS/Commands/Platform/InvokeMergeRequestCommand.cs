using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Text.Json;
using MergePS.Client;

namespace MergePS.Commands;

/// <summary>
/// Invoke-MergeRequest: any Merge API call, by method and path, with the session's authentication, retries
/// and redaction. Paths are relative to the API root (<c>hris/v1/employees</c>) or, when they do not start
/// with a category, to the category (-Category, else the linked account's). -All follows the <c>next</c>
/// cursors and streams every page's <c>results</c>.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "MergeRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject), typeof(Hashtable), typeof(string))]
public sealed class InvokeMergeRequestCommand : MergePlatformCmdletBase
{
    private string _path = string.Empty;
    private QueryString _pathQuery = new();
    private bool _categoryRelative;

    /// <summary>The path: <c>hris/v1/employees</c> (from the API root), or <c>employees</c> (from the category's
    /// root). A query string may be part of it. A full URL must be on the session's host.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>GET (default), POST, PUT, PATCH, DELETE, HEAD or OPTIONS.</summary>
    [Parameter(Position = 1)]
    [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", IgnoreCase = true)]
    public string Method { get; set; } = "GET";

    /// <summary>Query parameters; lists are joined with commas, dates sent as ISO 8601 UTC, booleans as true/false.</summary>
    [Parameter]
    [ValidateNotNull]
    public IDictionary? Query { get; set; }

    /// <summary>The body: a string is sent as it is; a hashtable or object is sent as JSON.</summary>
    [Parameter]
    public object? Body { get; set; }

    /// <summary>The body's content type (application/json by default).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string ContentType { get; set; } = "application/json";

    /// <summary>Extra request headers. Authorization and X-Account-Token are the session's and cannot be set here.</summary>
    [Parameter]
    [ValidateNotNull]
    public IDictionary? Headers { get; set; }

    /// <summary>Follows the <c>next</c> cursor of paged answers and writes every page's results one by one.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <summary>How answers are written: PSObject (default), Hashtable, or Json (the text as received).</summary>
    [Parameter]
    [ValidateSet("PSObject", "Hashtable", "Json", IgnoreCase = true)]
    public string OutputType { get; set; } = "PSObject";

    /// <summary>Sends no X-Account-Token even on a path that takes one. Org-level paths never send it.</summary>
    [Parameter]
    public SwitchParameter NoAccountToken { get; set; }

    /// <summary>The name of a variable to set to the last answer's HTTP status code.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatusCodeVariable { get; set; }

    /// <summary>The name of a variable to set to the last answer's headers (a hashtable).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ResponseHeadersVariable { get; set; }

    /// <summary>Org-level platform paths (link-token, linked-accounts, issues, ...) carry no account token.</summary>
    protected override bool AccountScoped => !NoAccountToken && !MergePlatform.IsOrgLevel(Method, _path);

    protected override void ProcessRecord()
    {
        if (!ParsePath())
        {
            return;
        }

        if (_categoryRelative)
        {
            // A path below a category: -Category, else the linked account's own.
            string? category = Category?.ToLowerInvariant();
            if (category is null)
            {
                if (NoAccountToken)
                {
                    WriteError(ArgumentError(MergeErrorIds.InvalidArgument, $"'{Path}' does not start with a category.",
                        "Start the path with one (hris/v1/...), or pass -Category.", Path));
                    return;
                }

                category = ResolveCategory(ResolveAccountToken());
                if (category is null)
                {
                    return;
                }
            }

            _path = MergePlatform.PathFor(category, _path);
        }

        SecureString? token = AccountScoped ? ResolveAccountToken() : null;
        HttpMethod method = new(Method.ToUpperInvariant());
        bool reads = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;
        if (!reads && !ShouldProcess("/" + _path, Method.ToUpperInvariant()))
        {
            return;
        }

        QueryString query = _pathQuery.Clone();
        ResourceQuery(query);
        Func<HttpContent>? content = BuildContent();
        if (Body is not null && content is null)
        {
            return;
        }

        Dictionary<string, string>? headers = Headers?.Cast<DictionaryEntry>().ToDictionary(
            e => Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty,
            e => Convert.ToString(e.Value is PSObject w ? w.BaseObject : e.Value, CultureInfo.InvariantCulture) ?? string.Empty,
            StringComparer.OrdinalIgnoreCase);
        if (headers is not null && headers.Keys.Any(h => h.Equals("X-Account-Token", StringComparison.OrdinalIgnoreCase) || h.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
        {
            WriteWarning("Authorization and X-Account-Token come from the session (Connect-Merge, Set-MergeAccount, -Account, -AccountToken); the values given in -Headers are not sent.");
        }

        string? cursor = null;
        do
        {
            QueryString pageQuery = query.Clone().Add("cursor", cursor);
            var request = new MergeRequest(method, _path, pageQuery) { AccountToken = token, Content = content, Headers = headers };
            MergeRawResponse response;
            try
            {
                response = Run(ct => ResolvedSession.Client.SendRawAsync(request, Log, ct));
            }
            catch (MergeException ex)
            {
                if (ex is MergeApiException { StatusCode: { } status })
                {
                    SetVariable(StatusCodeVariable, (int)status);
                }

                ReportError(ex, Path);
                return;
            }

            SetVariable(StatusCodeVariable, response.StatusCode);
            SetVariable(ResponseHeadersVariable, new Hashtable(response.Headers.ToDictionary(h => h.Key, h => (object)h.Value), StringComparer.OrdinalIgnoreCase));
            cursor = Write(response);
        }
        while (All && !string.IsNullOrEmpty(cursor) && reads);
    }

    /// <summary>Splits -Path into path and query; false (after reporting) when it points off the session's host.</summary>
    private bool ParsePath()
    {
        string path = Path.Trim();
        if (Uri.TryCreate(path, UriKind.Absolute, out Uri? absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            string root = ResolvedSession.BaseUri.AbsoluteUri;
            if (!absolute.AbsoluteUri.StartsWith(root, StringComparison.OrdinalIgnoreCase))
            {
                WriteError(ArgumentError(MergeErrorIds.InvalidArgument, $"{absolute.GetLeftPart(UriPartial.Path)} is not under the session's API root {root}.",
                    "Pass a path relative to the API root; credentials are only sent to the session's host.", Path));
                return false;
            }

            path = absolute.AbsoluteUri.Substring(root.Length);
        }

        string queryText = string.Empty;
        int mark = path.IndexOf('?');
        if (mark >= 0)
        {
            queryText = path.Substring(mark + 1);
            path = path.Substring(0, mark);
        }

        path = path.Trim('/');
        if (path.StartsWith("api/", StringComparison.OrdinalIgnoreCase))
        {
            path = path.Substring(4);
        }

        _pathQuery = new QueryString();
        foreach (string pair in queryText.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split(new[] { '=' }, 2);
            _pathQuery.Add(Uri.UnescapeDataString(parts[0].Replace('+', ' ')), parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : string.Empty);
        }

        string[] segments = path.Split('/');
        _categoryRelative = !(segments.Length >= 2 && MergePlatform.IsCategory(segments[0]) && segments[1] == "v1");
        _path = path;
        return true;
    }

    private void ResourceQuery(QueryString query)
    {
        if (Query is null)
        {
            return;
        }

        foreach (DictionaryEntry entry in Query)
        {
            object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            string? text = value switch
            {
                null => null,
                bool b => b ? "true" : "false",
                SwitchParameter s => s.IsPresent ? "true" : "false",
                DateTime d => QueryString.FormatDateTime(d),
                DateTimeOffset o => QueryString.FormatDateTime(o.UtcDateTime),
                IEnumerable sequence and not string => string.Join(",", sequence.Cast<object?>().Select(i => Convert.ToString(i is PSObject p ? p.BaseObject : i, CultureInfo.InvariantCulture))),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            query.Add(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, text);
        }
    }

    private Func<HttpContent>? BuildContent()
    {
        if (Body is null)
        {
            return null;
        }

        object? payload = Body is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : Body;
        string text;
        if (payload is string s)
        {
            text = s;
        }
        else
        {
            try
            {
                text = PSJson.ToNode(payload)?.ToJsonString() ?? "null";
            }
            catch (MergeException ex)
            {
                WriteError(ToErrorRecord(ex, Body));
                return null;
            }
        }

        string mediaType = ContentType.Split(';')[0].Trim();
        return () => new StringContent(text, Encoding.UTF8, mediaType);
    }

    /// <summary>Writes one answer; returns the next page's cursor when the answer is a page.</summary>
    private string? Write(MergeRawResponse response)
    {
        string body = response.Body;
        if (body.Trim().Length == 0)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            WriteObject(body);
            return null;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            bool isPage = root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("results", out JsonElement results) && results.ValueKind == JsonValueKind.Array
                && root.TryGetProperty("next", out _);
            if (!All || !isPage)
            {
                WriteObject(ToOutput(root, body));
                return null;
            }

            foreach (JsonElement item in root.GetProperty("results").EnumerateArray())
            {
                WriteObject(ToOutput(item, null));
            }

            JsonElement next = root.GetProperty("next");
            return next.ValueKind == JsonValueKind.String ? CursorOf(next.GetString()!) : null;
        }
    }

    /// <summary>Merge's <c>next</c> is a cursor; a full URL is also accepted (its cursor parameter is taken).</summary>
    private static string CursorOf(string next)
    {
        if (!next.StartsWith("http", StringComparison.OrdinalIgnoreCase) || !Uri.TryCreate(next, UriKind.Absolute, out Uri? uri))
        {
            return next;
        }

        foreach (string pair in uri.Query.TrimStart('?').Split('&'))
        {
            string[] parts = pair.Split(new[] { '=' }, 2);
            if (parts.Length == 2 && parts[0] == "cursor")
            {
                return Uri.UnescapeDataString(parts[1]);
            }
        }

        return next;
    }

    private object? ToOutput(JsonElement element, string? raw) => OutputType.ToUpperInvariant() switch
    {
        "JSON" => raw ?? element.GetRawText(),
        "HASHTABLE" => JsonToPowerShell.ToValue(element, asHashtable: true),
        _ => JsonToPowerShell.ToValue(element, asHashtable: false),
    };

    private void SetVariable(string? name, object value)
    {
        if (name is not null)
        {
            SessionState.PSVariable.Set(name, value);
        }
    }
}

/// <summary>JSON as PowerShell values: objects as PSCustomObjects (or hashtables), arrays as object[],
/// integers as long (decimal when larger), other numbers as double, strings kept as text.</summary>
internal static class JsonToPowerShell
{
    public static object? ToValue(JsonElement element, bool asHashtable)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (asHashtable)
                {
                    var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        table[property.Name] = ToValue(property.Value, true);
                    }

                    return table;
                }

                var result = new PSObject();
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    result.Properties.Add(new PSNoteProperty(property.Name, ToValue(property.Value, false)));
                }

                return result;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(i => ToValue(i, asHashtable)).ToArray();
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt64(out long integer))
                {
                    return integer;
                }

                if (element.TryGetDecimal(out decimal exact) && !element.GetRawText().Contains("e") && !element.GetRawText().Contains("E"))
                {
                    return exact;
                }

                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
