using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

using MergePS.Client;
using MergePS.Hris;
using MergePS.Json;
using MergePS.Models;
using MergePS.Tests.Infrastructure;

using Xunit;

namespace MergePS.Tests;

public class CursorPagerTests
{
    // Real Merge cursors are base64 and may carry '+', '/' and '='; they must survive the round trip.
    private const string Cursor2 = "cD0yMDIxLTAxLTA2KzAzJTNBMjQ+/lM0E1My40MzQz=";
    private const string Cursor3 = "cD0yMDIyLTA1LTA3/KzAx+JTNBMDAlM0E==";

    private static string PageJson(string? next, params string[] ids)
    {
        string nextJson = next is null ? "null" : "\"" + next + "\"";
        string results = string.Join(",", ids.Select(id => $"{{\"id\":\"{id}\",\"first_name\":\"Name {id}\"}}"));
        return $"{{\"next\":{nextJson},\"previous\":null,\"results\":[{results}]}}";
    }

    /// <summary>Serves three pages keyed by the cursor the request carries.</summary>
    private static void ServeThreePages(StubHandler handler) => handler.RespondWith(request => request.Query("cursor") switch
    {
        null => StubHandler.Response(HttpStatusCode.OK, PageJson(Cursor2, "e1", "e2", "e3")),
        Cursor2 => StubHandler.Response(HttpStatusCode.OK, PageJson(Cursor3, "e4", "e5", "e6")),
        Cursor3 => StubHandler.Response(HttpStatusCode.OK, PageJson(null, "e7")),
        string other => StubHandler.Response(HttpStatusCode.BadRequest, $"{{\"detail\":\"unknown cursor {other}\"}}"),
    });

    private static MergeRequest ListRequest(string? cursor = null)
    {
        var query = new QueryString()
            .Add("page_size", 3)
            .Add("modified_after", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero))
            .Add("expand", new[] { "manager", "team" })
            .Add("cursor", cursor);
        return TestClient.Get("hris/v1/employees", query);
    }

    private static async Task<List<Employee>> ReadAllAsync(CursorPager<Employee> pager)
    {
        var items = new List<Employee>();
        while (await pager.NextAsync(CancellationToken.None) is Page<Employee> page)
        {
            items.AddRange(page.Results);
        }

        return items;
    }

    public class NextAsync
    {
        [Fact]
        public async Task Reads_three_pages_in_order_with_one_request_each()
        {
            using var test = new TestClient();
            ServeThreePages(test.Handler);
            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            List<Employee> items = await ReadAllAsync(pager);

            Assert.Equal(new[] { "e1", "e2", "e3", "e4", "e5", "e6", "e7" }, items.Select(e => e.Id).ToArray());
            Assert.Equal("Name e7", items[6].FirstName);
            Assert.Equal(3, test.Handler.Requests.Count);
            Assert.Equal(3, pager.PagesFetched);
            Assert.Equal(7, pager.ItemsFetched);
            Assert.True(pager.IsDone);
            Assert.Equal(3, test.Client.Statistics.Requests);
        }

        [Fact]
        public async Task Sends_each_page_the_previous_pages_next_cursor_exactly()
        {
            using var test = new TestClient();
            ServeThreePages(test.Handler);
            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            await ReadAllAsync(pager);

            Assert.Equal(new string?[] { null, Cursor2, Cursor3 }, test.Handler.Requests.Select(r => r.Query("cursor")).ToArray());
        }

        [Fact]
        public async Task Keeps_page_size_and_the_other_query_parameters_on_every_page()
        {
            using var test = new TestClient();
            ServeThreePages(test.Handler);
            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            await ReadAllAsync(pager);

            foreach (RecordedRequest request in test.Handler.Requests)
            {
                Assert.Equal(HttpMethod.Get, request.Method);
                Assert.Equal("/api/hris/v1/employees", request.Uri.AbsolutePath);
                Assert.Equal("3", request.Query("page_size"));
                Assert.Equal("2024-01-02T03:04:05.0000000Z", request.Query("modified_after"));
                Assert.Equal("manager,team", request.Query("expand"));
                Assert.Equal(
                    new[] { "page_size", "modified_after", "expand" },
                    request.QueryParameters.Select(p => p.Key).Where(k => k != "cursor").ToArray());
            }
        }

        [Fact]
        public async Task Sends_the_account_token_on_every_page()
        {
            using var test = new TestClient();
            ServeThreePages(test.Handler);
            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            await ReadAllAsync(pager);

            Assert.All(test.Handler.Requests, r => Assert.Equal(TestClient.AccountToken, r.Header("X-Account-Token")));
        }

        [Fact]
        public async Task Stops_when_next_is_null_and_sends_nothing_more()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson(PageJson(null, "only"));
            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            Page<Employee>? first = await pager.NextAsync(CancellationToken.None);
            Page<Employee>? second = await pager.NextAsync(CancellationToken.None);

            Assert.NotNull(first);
            Assert.Equal("only", Assert.Single(first.Results).Id);
            Assert.Null(second);
            Assert.True(pager.IsDone);
            Assert.Single(test.Handler.Requests);
        }

        [Fact]
        public async Task Stops_when_next_is_an_empty_string()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson("{\"next\":\"\",\"previous\":null,\"results\":[{\"id\":\"a\"}]}");
            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            List<Employee> items = await ReadAllAsync(pager);

            Assert.Equal("a", Assert.Single(items).Id);
            Assert.Single(test.Handler.Requests);
        }

        [Fact]
        public async Task Sends_no_request_before_the_first_page_is_asked_for()
        {
            using var test = new TestClient();
            ServeThreePages(test.Handler);

            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            Assert.Empty(test.Handler.Requests);
            Assert.Null(pager.Cursor);
            Assert.False(pager.IsDone);
        }

        [Fact]
        public async Task Sends_no_more_requests_when_the_consumer_stops_after_page_one()
        {
            using var test = new TestClient();
            ServeThreePages(test.Handler);
            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            Page<Employee>? page = await pager.NextAsync(CancellationToken.None);
            await Task.Delay(50);

            Assert.NotNull(page);
            Assert.Equal(3, page.Results.Count);
            Assert.Single(test.Handler.Requests);
            Assert.Equal(Cursor2, pager.Cursor);
            Assert.False(pager.IsDone);
        }

        [Fact]
        public async Task Starts_from_a_cursor_given_in_the_query()
        {
            using var test = new TestClient();
            ServeThreePages(test.Handler);
            CursorPager<Employee> pager = test.Client.Page(ListRequest(Cursor3), HrisJsonContext.Default.PageEmployee, test.Log);

            List<Employee> items = await ReadAllAsync(pager);

            Assert.Equal("e7", Assert.Single(items).Id);
            Assert.Equal(Cursor3, Assert.Single(test.Handler.Requests).Query("cursor"));
        }

        [Fact]
        public async Task Puts_the_failing_pages_cursor_on_the_error_so_the_caller_can_resume()
        {
            using var test = new TestClient(o => o.MaxAttempts = 1);
            test.Handler.EnqueueJson(PageJson(Cursor2, "e1", "e2", "e3"));
            test.Handler.Enqueue(HttpStatusCode.ServiceUnavailable, "{\"detail\":\"down for maintenance\"}");
            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            await pager.NextAsync(CancellationToken.None);
            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => pager.NextAsync(CancellationToken.None));

            Assert.Equal(Cursor2, error.Cursor);
            Assert.Equal(MergeErrorIds.ServerError, error.ErrorId);
            Assert.Equal(Cursor2, pager.Cursor);
            Assert.Equal(1, pager.PagesFetched);
        }

        [Fact]
        public async Task Resumes_at_the_failed_page_when_asked_again()
        {
            using var test = new TestClient(o => o.MaxAttempts = 1);
            test.Handler.EnqueueJson(PageJson(Cursor2, "e1", "e2", "e3"));
            test.Handler.Enqueue(HttpStatusCode.InternalServerError, "{\"detail\":\"boom\"}");
            test.Handler.EnqueueJson(PageJson(null, "e4"));
            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            await pager.NextAsync(CancellationToken.None);
            await Assert.ThrowsAsync<MergeApiException>(() => pager.NextAsync(CancellationToken.None));
            Page<Employee>? resumed = await pager.NextAsync(CancellationToken.None);

            Assert.NotNull(resumed);
            Assert.Equal("e4", Assert.Single(resumed.Results).Id);
            Assert.Equal(new string?[] { null, Cursor2, Cursor2 }, test.Handler.Requests.Select(r => r.Query("cursor")).ToArray());
        }

        [Fact]
        public async Task Puts_no_cursor_on_the_error_when_the_first_page_fails()
        {
            using var test = new TestClient(o => o.MaxAttempts = 1);
            test.Handler.Enqueue(HttpStatusCode.Unauthorized, "{\"detail\":\"Invalid token.\"}");
            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => pager.NextAsync(CancellationToken.None));

            Assert.Null(error.Cursor);
            Assert.Equal(MergeErrorIds.Unauthorized, error.ErrorId);
        }

        [Fact]
        public async Task Puts_the_starting_cursor_on_the_error_when_a_resumed_listing_fails_at_once()
        {
            using var test = new TestClient(o => o.MaxAttempts = 1);
            test.Handler.Enqueue(HttpStatusCode.BadGateway, "<html><body>Bad gateway</body></html>", "text/html");
            CursorPager<Employee> pager = test.Client.Page(ListRequest(Cursor3), HrisJsonContext.Default.PageEmployee, test.Log);

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => pager.NextAsync(CancellationToken.None));

            Assert.Equal(Cursor3, error.Cursor);
        }

        [Fact]
        public async Task Retries_a_failing_page_with_the_same_cursor()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson(PageJson(Cursor2, "e1"));
            test.Handler.Enqueue(HttpStatusCode.ServiceUnavailable, "{}");
            test.Handler.EnqueueJson(PageJson(null, "e2"));
            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            List<Employee> items = await ReadAllAsync(pager);

            Assert.Equal(new[] { "e1", "e2" }, items.Select(e => e.Id).ToArray());
            Assert.Equal(new string?[] { null, Cursor2, Cursor2 }, test.Handler.Requests.Select(r => r.Query("cursor")).ToArray());
        }

        [Fact]
        public async Task Treats_null_results_as_a_readable_page_or_an_invalid_response()
        {
            using var test = new TestClient(o => o.MaxAttempts = 1);
            test.Handler.EnqueueJson("{\"next\":null,\"previous\":null,\"results\":null}");
            CursorPager<Employee> pager = test.Client.Page(ListRequest(), HrisJsonContext.Default.PageEmployee, test.Log);

            Exception? error = await Record.ExceptionAsync(() => pager.NextAsync(CancellationToken.None));

            Assert.True(error is null || error is MergeApiException { ErrorId: MergeErrorIds.InvalidResponse }, $"Unexpected {error?.GetType().Name}: {error?.Message}");
        }
    }
}
