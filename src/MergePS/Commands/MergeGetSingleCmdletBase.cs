using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using MergePS.Client;

namespace MergePS.Commands;

/// <summary>
/// Generated cmdlets over a GET that returns one object which is not a record (e.g. the list of
/// HRIS group types): sends it once and writes what the object holds.
/// </summary>
public abstract class MergeGetSingleCmdletBase<TResponse> : MergeApiCmdletBase
    where TResponse : class
{
    protected abstract string PathTemplate { get; }

    protected abstract JsonTypeInfo<TResponse> ResponseTypeInfo { get; }

    protected virtual string ExpandPath(string template) => template;

    protected abstract void BuildQuery(QueryString query);

    /// <summary>What goes to the pipeline: the object, or the items of its only list.</summary>
    protected abstract IEnumerable<object> Unroll(TResponse response);

    protected override void ProcessRecord()
    {
        var query = new QueryString();
        BuildQuery(query);
        var request = new MergeRequest(HttpMethod.Get, ExpandPath(PathTemplate), query) { AccountToken = ResolveAccountToken() };
        try
        {
            TResponse response = Run(ct => ResolvedSession.Client.SendAsync(request, ResponseTypeInfo, Log, ct));
            foreach (object item in Unroll(response))
            {
                WriteObject(item);
            }
        }
        catch (MergeException ex)
        {
            ReportError(ex, PathTemplate);
        }
    }

    protected static IEnumerable<object> Items<TItem>(IReadOnlyList<TItem>? items)
    {
        foreach (TItem item in items ?? Array.Empty<TItem>())
        {
            if (item is not null)
            {
                yield return item;
            }
        }
    }
}
