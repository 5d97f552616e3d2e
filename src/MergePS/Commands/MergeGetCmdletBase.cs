using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using MergePS.Client;
using MergePS.Models;

namespace MergePS.Commands;

/// <summary>
/// Shared behaviour of the generated Get-Merge* cmdlets: retrieve by id, or stream a cursor-paged
/// listing item by item as each page arrives, honouring -First/-Skip, -PageSize and -Cursor; with
/// several accounts (-Account *), read them in parallel and tag each record with its account.
/// </summary>
public abstract class MergeGetCmdletBase<T> : MergeApiCmdletBase
    where T : MergeModel
{
    private static readonly TimeSpan s_progressDelay = TimeSpan.FromSeconds(1);

    // A consumer that is still busy with a page this long after it arrived is slow enough that
    // fetching the next page now hides latency; a fast one (or Select-Object -First) never waits
    // this long, so it never causes a request it does not need.
    private static readonly TimeSpan s_prefetchAfter = TimeSpan.FromMilliseconds(10);

    private ulong _skip;
    private ulong _first;
    private ulong _written;
    private Stopwatch _clock = new();
    private ProgressRecord? _progress;
    private int _pages;

    /// <summary>How many accounts are read at once when -Account names several.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 10;

    protected abstract string Category { get; }

    protected abstract string? ListPath { get; }

    protected abstract string? RetrievePath { get; }

    protected abstract JsonTypeInfo<T> ItemTypeInfo { get; }

    protected abstract JsonTypeInfo<Page<T>>? PageTypeInfo { get; }

    protected abstract bool IsRetrieve { get; }

    protected abstract IReadOnlyList<string> Ids { get; }

    protected abstract int? PageSizeValue { get; }

    protected abstract string? CursorValue { get; }

    protected abstract void BuildListQuery(QueryString query);

    protected abstract void BuildRetrieveQuery(QueryString query);

    /// <summary>Fills path parameters other than the record id (e.g. <c>{job_id}</c>).</summary>
    protected virtual string ExpandPath(string template) => template;

    protected override void ProcessRecord()
    {
        if (!IsRetrieve && AccountScoped && AccountToken is null && Account is { Length: > 0 })
        {
            IReadOnlyList<MergeAccount> accounts = ResolveAccounts();
            if (accounts.Count > 1)
            {
                FanOut(accounts);
                return;
            }
        }

        SecureString? token = ResolveAccountToken();
        if (IsRetrieve)
        {
            foreach (string id in Ids)
            {
                Retrieve(id, token);
            }
        }
        else
        {
            List(token);
        }
    }

    private void Retrieve(string id, SecureString? token)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            WriteError(ArgumentError(MergeErrorIds.InvalidArgument, "An id must not be empty.", "Pass the Merge id of the record.", id));
            return;
        }

        var query = new QueryString();
        BuildRetrieveQuery(query);
        var request = new MergeRequest(HttpMethod.Get, ExpandPath(RetrievePath!).Replace("{id}", Uri.EscapeDataString(id.Trim())), query)
        {
            AccountToken = token,
        };
        try
        {
            T item = Run(ct => ResolvedSession.Client.SendAsync(request, ItemTypeInfo, Log, ct));
            WriteObject(item);
        }
        catch (MergeException ex)
        {
            ReportError(ex, id);
        }
    }

    private MergeRequest ListRequest(SecureString? token)
    {
        var query = new QueryString();
        BuildListQuery(query);

        // With -First, ask only for what is needed, so -First 5 is one small request.
        int pageSize = PageSizeValue ?? (int)Math.Min(100UL, Math.Max(1UL, SaturatingAdd(_first, _skip)));
        query.Add("page_size", pageSize);
        query.Add("cursor", CursorValue);
        return new MergeRequest(HttpMethod.Get, ExpandPath(ListPath!), query) { AccountToken = token };
    }

    private void StartListing()
    {
        _skip = PagingParameters?.Skip ?? 0;
        _first = PagingParameters?.First ?? ulong.MaxValue;
        _written = 0;
        _pages = 0;
        _clock = Stopwatch.StartNew();
        _progress = null;
    }

    /// <summary>Writes one record unless -Skip still swallows it; false once -First is satisfied.</summary>
    private bool Emit(T item)
    {
        if (_skip > 0)
        {
            _skip--;
            return true;
        }

        WriteObject(item);
        return ++_written < _first;
    }

    private void List(SecureString? token)
    {
        StartListing();
        if (_first == 0)
        {
            return;
        }

        CursorPager<T> pager = ResolvedSession.Client.Page(ListRequest(token), PageTypeInfo!, Log);
        bool prefetch = ResolvedSession.Options.Prefetch;
        using var fetches = CancellationTokenSource.CreateLinkedTokenSource(CancelToken);
        Task<Page<T>?>? next = Fetch(pager, fetches.Token);
        try
        {
            while (next is not null)
            {
                Page<T>? page = Await(next);
                next = null;
                if (page is null)
                {
                    break;
                }

                _pages++;
                var pageClock = Stopwatch.StartNew();
                IReadOnlyList<T> items = page.Results;
                for (int i = 0; i < items.Count; i++)
                {
                    if (!Emit(items[i]))
                    {
                        return;
                    }

                    if (next is null && prefetch && !pager.IsDone && pageClock.Elapsed >= s_prefetchAfter
                        && _first - _written > (ulong)(items.Count - i - 1))
                    {
                        next = Fetch(pager, fetches.Token);
                    }
                }

                // A prefetch started during this page may already have read the last page (and so
                // set IsDone); that page is still to be written.
                if (next is null && pager.IsDone)
                {
                    break;
                }

                next ??= Fetch(pager, fetches.Token);
                ReportProgress();
            }
        }
        catch (MergeException ex)
        {
            ReportError(ex, ListPath);
        }
        finally
        {
            // Whatever ended the listing, a page still on its way is no longer wanted.
            fetches.Cancel();
            if (!Stopping)
            {
                Finish();
            }
        }
    }

    private Task<Page<T>?> Fetch(CursorPager<T> pager, CancellationToken token) =>
        Task.Run(() => pager.NextAsync(token), token);

    /// <summary>
    /// Reads several accounts at once: at most -ThrottleLimit requests in flight, one per account
    /// (an account's pages must come in cursor order), accounts served round-robin.
    /// </summary>
    private void FanOut(IReadOnlyList<MergeAccount> accounts)
    {
        StartListing();
        if (_first == 0)
        {
            return;
        }

        var waiting = new Queue<(MergeAccount Account, CursorPager<T> Pager)>(
            accounts.Select(a => (a, ResolvedSession.Client.Page(ListRequest(a.AccountToken), PageTypeInfo!, Log))));
        var running = new Dictionary<Task<Page<T>?>, (MergeAccount Account, CursorPager<T> Pager)>();
        using var fetches = CancellationTokenSource.CreateLinkedTokenSource(CancelToken);
        try
        {
            while (waiting.Count > 0 || running.Count > 0)
            {
                while (running.Count < ThrottleLimit && waiting.Count > 0)
                {
                    var entry = waiting.Dequeue();
                    running[Fetch(entry.Pager, fetches.Token)] = entry;
                }

                Task<Task<Page<T>?>> any = Task.WhenAny(running.Keys);
                Task<Page<T>?> done = Await(any);
                var (account, pager) = running[done];
                running.Remove(done);
                Page<T>? page;
                try
                {
                    page = Await(done);
                }
                catch (MergeException ex)
                {
                    // One account failing does not stop the others.
                    ReportError(ex, account.Name);
                    continue;
                }

                _pages++;
                foreach (T item in page?.Results ?? Array.Empty<T>())
                {
                    item.MergeAccount = account.Name;
                    if (!Emit(item))
                    {
                        return;
                    }
                }

                if (!pager.IsDone)
                {
                    waiting.Enqueue((account, pager));
                }

                ReportProgress();
            }
        }
        finally
        {
            fetches.Cancel();
            if (!Stopping)
            {
                Finish();
            }
        }
    }

    private void ReportProgress()
    {
        if (_clock.Elapsed <= s_progressDelay)
        {
            return;
        }

        _progress ??= new ProgressRecord(Math.Abs((ListPath ?? string.Empty).GetHashCode()) % 100000, "Get-Merge " + ListPath, "Reading pages");
        double rate = _written / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        _progress.StatusDescription = string.Format(
            CultureInfo.CurrentCulture, "{0:N0} records in {1:N0} pages ({2:N0}/s)", _written, _pages, rate);
        WriteProgress(_progress);
    }

    private void Finish()
    {
        try
        {
            if (_progress is not null)
            {
                _progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(_progress);
            }

            if (PagingParameters?.IncludeTotalCount == true)
            {
                // Merge reports no totals; only what was read is known.
                WriteObject(PagingParameters.NewTotalCount(_written, 0.0));
            }
        }
        catch (PipelineStoppedException)
        {
            // A downstream Select-Object -First ended the pipeline; nothing more may be written.
        }
    }

    private static ulong SaturatingAdd(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;
}
