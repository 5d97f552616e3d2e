using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MergePS.Client;
using MergePS.Models;

namespace MergePS.Commands;

/// <summary>
/// Shared behaviour of the generated Search-Merge* cmdlets, which query the third party live.
/// Merge documents the body only as JSON holding the records, so both a bare array and a page
/// object are read.
/// </summary>
public abstract class MergeSearchCmdletBase<T> : MergeApiCmdletBase
    where T : MergeModel
{
    protected abstract string PathTemplate { get; }

    protected abstract JsonTypeInfo<T> ItemTypeInfo { get; }

    protected abstract void BuildQuery(QueryString query);

    protected override void ProcessRecord()
    {
        var query = new QueryString();
        BuildQuery(query);
        var request = new MergeRequest(HttpMethod.Get, PathTemplate, query) { AccountToken = ResolveAccountToken() };
        try
        {
            MergeRawResponse response = Run(ct => ResolvedSession.Client.SendRawAsync(request, Log, ct));
            foreach (T item in Parse(response.Body))
            {
                WriteObject(item);
            }
        }
        catch (MergeException ex)
        {
            ReportError(ex, PathTemplate);
        }
    }

    private IEnumerable<T> Parse(string body)
    {
        var items = new List<T>();
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            JsonElement list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("results", out JsonElement results) ? results : root;
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new JsonException("Expected a list of records.");
            }

            foreach (JsonElement element in list.EnumerateArray())
            {
                T? item = element.Deserialize(ItemTypeInfo);
                if (item is not null)
                {
                    items.Add(item);
                }
            }
        }
        catch (JsonException ex)
        {
            throw new MergeApiException(
                MergeErrorIds.InvalidResponse,
                $"GET /{PathTemplate} returned a body that is not a list of records: {ex.Message}",
                "Retry; if it persists, report it.",
                null, "GET", "/" + PathTemplate, null, null, inner: ex);
        }

        return items;
    }
}
