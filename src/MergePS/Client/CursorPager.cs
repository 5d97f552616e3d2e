using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

using MergePS.Models;

namespace MergePS.Client;

/// <summary>
/// A lazy walk over a cursor-paged listing. Each call to <see cref="NextAsync"/> sends one request,
/// so a consumer that stops asking stops the requests.
/// </summary>
public sealed class CursorPager<T>
{
    private readonly MergeClient _client;
    private readonly MergeRequest _request;
    private readonly JsonTypeInfo<Page<T>> _typeInfo;
    private readonly IMergeLog _log;
    private bool _done;

    internal CursorPager(MergeClient client, MergeRequest request, JsonTypeInfo<Page<T>> typeInfo, IMergeLog log)
    {
        _client = client;
        _request = request;
        _typeInfo = typeInfo;
        _log = log;
        Cursor = request.Query.Get("cursor");
    }

    /// <summary>The cursor of the next page to fetch (null for the first page). When a page fails,
    /// this is the cursor that resumes exactly there.</summary>
    public string? Cursor { get; private set; }

    public int PagesFetched { get; private set; }

    public long ItemsFetched { get; private set; }

    public bool IsDone => _done;

    /// <summary>The next page, or null when the listing is exhausted.</summary>
    public async Task<Page<T>?> NextAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return null;
        }

        QueryString query = _request.Query.Clone();
        query.Add("cursor", Cursor);
        var request = new MergeRequest(_request.Method, _request.Path, query) { AccountToken = _request.AccountToken };
        Page<T> page;
        try
        {
            page = await _client.SendAsync(request, _typeInfo, _log, cancellationToken).ConfigureAwait(false);
        }
        catch (MergeApiException ex)
        {
            ex.Cursor = Cursor;
            throw;
        }

        // A page whose results are null carries nothing; it is read as empty, not as a crash.
        page.Results ??= System.Array.Empty<T>();
        PagesFetched++;
        ItemsFetched += page.Results.Count;
        Cursor = page.Next;
        _done = string.IsNullOrEmpty(page.Next);
        return page;
    }
}
