using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;

namespace MergePS.Bench.RawLoop;

/// <summary>
/// Lists every employee of one account as a C# programmer would without the module: one reused
/// HttpClient, each page deserialized from the response stream by source-generated System.Text.Json
/// into a minimal record, the next cursor followed until it is null. Prints one JSON line:
/// <c>{"pass","count","seconds","cpuSeconds","pages"}</c> per timed pass (<c>--passes N</c>, default 1; a
/// one-page warm-up comes first, so pass 1 is a first read in a fresh process and later passes are warm).
/// <c>--model mergeps &lt;MergePS.dll&gt;</c> deserializes into the module's full Employee model
/// through its own generated context instead: the module's deserialization cost without PowerShell.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        string? baseUri = null, apiKey = "test-api-key", token = "hris-token-1", modulePath = null;
        int pageSize = 100, passes = 1;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value.");
            switch (args[i])
            {
                case "--base-uri": baseUri = Next().TrimEnd('/'); break;
                case "--api-key": apiKey = Next(); break;
                case "--token": token = Next(); break;
                case "--page-size": pageSize = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--model-mergeps": modulePath = Next(); break;
                case "--passes": passes = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException("Unknown argument " + args[i]);
            }
        }

        if (baseUri is null)
        {
            Console.Error.WriteLine("usage: RawLoop --base-uri http://127.0.0.1:<port>/api [--token hris-token-1] [--page-size 100] [--passes 1] [--model-mergeps <MergePS.dll>]");
            return 2;
        }

        Func<Stream, Task<(string? Next, int Count)>> read = modulePath is null ? ReadMinimal : MergePSReader(modulePath);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        http.DefaultRequestHeaders.Add("X-Account-Token", token);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        await Run(http, baseUri, pageSize, read, maxPages: 1);
        for (int pass = 1; pass <= passes; pass++)
        {
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            (long count, int pages) = await Run(http, baseUri, pageSize, read, maxPages: int.MaxValue);
            watch.Stop();
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"pass\":{pass},\"count\":{count},\"seconds\":{watch.Elapsed.TotalSeconds:0.####},\"cpuSeconds\":{cpuSeconds:0.####},\"pages\":{pages}}}"));
        }
        return 0;
    }

    private static async Task<(long Count, int Pages)> Run(HttpClient http, string baseUri, int pageSize, Func<Stream, Task<(string? Next, int Count)>> read, int maxPages)
    {
        long count = 0;
        int pages = 0;
        string? cursor = null;
        do
        {
            string uri = baseUri + "/hris/v1/employees?page_size=" + pageSize.ToString(CultureInfo.InvariantCulture)
                + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            using HttpResponseMessage response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using Stream body = await response.Content.ReadAsStreamAsync();
            (cursor, int n) = await read(body);
            count += n;
            pages++;
        }
        while (cursor is not null && pages < maxPages);
        return (count, pages);
    }

    private static async Task<(string? Next, int Count)> ReadMinimal(Stream body)
    {
        MinimalPage page = (await JsonSerializer.DeserializeAsync(body, RawJsonContext.Default.MinimalPage))!;
        return (page.Next, page.Results.Count);
    }

    /// <summary>The module's Page&lt;Employee&gt; type info, found by reflection in its assembly.</summary>
    private static Func<Stream, Task<(string? Next, int Count)>> MergePSReader(string path)
    {
        Assembly module = Assembly.LoadFrom(Path.GetFullPath(path));
        Type context = module.GetType("MergePS.Json.HrisJsonContext", throwOnError: true)!;
        object instance = context.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var info = (JsonTypeInfo)context.GetProperty("PageEmployee")!.GetValue(instance)!;
        Type pageInterface = module.GetType("MergePS.Models.IPage", throwOnError: true)!;
        PropertyInfo next = pageInterface.GetProperty("Next")!;
        PropertyInfo items = pageInterface.GetProperty("Items")!;
        return async body =>
        {
            object page = (await JsonSerializer.DeserializeAsync(body, info))!;
            int count = 0;
            foreach (object? _ in (IEnumerable)items.GetValue(page)!)
            {
                count++;
            }

            return ((string?)next.GetValue(page), count);
        };
    }
}

public sealed class MinimalPage
{
    [JsonPropertyName("next")]
    public string? Next { get; set; }

    [JsonPropertyName("results")]
    public List<MinimalEmployee> Results { get; set; } = new();
}

/// <summary>The few fields a script typically reads; the rest of each record is parsed and skipped.</summary>
public sealed class MinimalEmployee
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("employee_number")]
    public string? EmployeeNumber { get; set; }

    [JsonPropertyName("first_name")]
    public string? FirstName { get; set; }

    [JsonPropertyName("last_name")]
    public string? LastName { get; set; }

    [JsonPropertyName("work_email")]
    public string? WorkEmail { get; set; }

    [JsonPropertyName("employment_status")]
    public string? EmploymentStatus { get; set; }

    [JsonPropertyName("modified_at")]
    public DateTimeOffset? ModifiedAt { get; set; }
}

[JsonSerializable(typeof(MinimalPage))]
internal sealed partial class RawJsonContext : JsonSerializerContext
{
}
