using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Text.Json.Serialization.Metadata;
using MergePS.Client;
using MergePS.Models;

namespace MergePS.Commands;

/// <summary>
/// Shared behaviour of the generated Get-Merge* cmdlets: retrieve by id, or stream a cursor-paged
/// listing item by item as each page arrives, honouring -First/-Skip, -PageSize and -Cursor.
/// </summary>
public abstract class MergeGetCmdletBase<T> : MergeApiCmdletBase
    where T : MergeModel
{
    private static readonly TimeSpan s_progressDelay = TimeSpan.FromSeconds(1);

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

    private void List(SecureString? token)
    {
        ulong skip = PagingParameters?.Skip ?? 0;
        ulong first = PagingParameters?.First ?? ulong.MaxValue;
        if (first == 0)
        {
            return;
        }

        var query = new QueryString();
        BuildListQuery(query);

        // With -First, ask only for what is needed, so -First 5 is one small request.
        int pageSize = PageSizeValue ?? (int)Math.Min(100UL, Math.Max(1UL, SaturatingAdd(first, skip)));
        query.Add("page_size", pageSize);
        query.Add("cursor", CursorValue);
        var request = new MergeRequest(HttpMethod.Get, ExpandPath(ListPath!), query) { AccountToken = token };
        CursorPager<T> pager = ResolvedSession.Client.Page(request, PageTypeInfo!, Log);

        ulong written = 0;
        var clock = Stopwatch.StartNew();
        var progress = new ProgressRecord(Math.Abs(ListPath!.GetHashCode()) % 100000, "Get-Merge " + ListPath, "Reading pages");
        bool progressShown = false;
        try
        {
            while (true)
            {
                Page<T>? page = Run(ct => pager.NextAsync(ct));
                if (page is null)
                {
                    break;
                }

                foreach (T item in page.Results)
                {
                    if (skip > 0)
                    {
                        skip--;
                        continue;
                    }

                    WriteObject(item);
                    if (++written >= first)
                    {
                        return;
                    }
                }

                if (pager.IsDone)
                {
                    break;
                }

                if (clock.Elapsed > s_progressDelay)
                {
                    progressShown = true;
                    double rate = written / Math.Max(0.001, clock.Elapsed.TotalSeconds);
                    progress.StatusDescription = string.Format(
                        CultureInfo.CurrentCulture, "{0:N0} records in {1:N0} pages ({2:N0}/s)", written, pager.PagesFetched, rate);
                    WriteProgress(progress);
                }
            }
        }
        catch (MergeException ex)
        {
            ReportError(ex, ListPath);
        }
        finally
        {
            if (!Stopping)
            {
                Finish(progressShown ? progress : null, written);
            }
        }
    }

    private void Finish(ProgressRecord? progress, ulong written)
    {
        try
        {
            if (progress is not null)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }

            if (PagingParameters?.IncludeTotalCount == true)
            {
                // Merge reports no totals; only what was read is known.
                WriteObject(PagingParameters.NewTotalCount(written, 0.0));
            }
        }
        catch (PipelineStoppedException)
        {
            // A downstream Select-Object -First ended the pipeline; nothing more may be written.
        }
    }

    private static ulong SaturatingAdd(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;
}
