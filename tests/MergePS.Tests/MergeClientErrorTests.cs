using System.Net;
using System.Threading;
using System.Threading.Tasks;

using MergePS.Client;
using MergePS.Json;
using MergePS.Tests.Infrastructure;

using Xunit;

namespace MergePS.Tests;

public partial class MergeClientTests
{
    public class ErrorMapping
    {
        [Theory]
        [InlineData(400, MergeErrorIds.BadRequest)]
        [InlineData(401, MergeErrorIds.Unauthorized)]
        [InlineData(403, MergeErrorIds.Forbidden)]
        [InlineData(404, MergeErrorIds.NotFound)]
        [InlineData(408, MergeErrorIds.Timeout)]
        [InlineData(409, MergeErrorIds.HttpError)]
        [InlineData(422, MergeErrorIds.BadRequest)]
        [InlineData(429, MergeErrorIds.RateLimited)]
        [InlineData(500, MergeErrorIds.ServerError)]
        [InlineData(502, MergeErrorIds.ServerError)]
        [InlineData(503, MergeErrorIds.ServerError)]
        [InlineData(504, MergeErrorIds.ServerError)]
        public async Task Maps_the_status_to_a_stable_error_id(int status, string errorId)
        {
            using var test = new TestClient(o => o.MaxAttempts = 1);
            test.Handler.Enqueue((HttpStatusCode)status, "{\"detail\":\"Something specific went wrong.\"}");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(
                () => test.GetEmployeeAsync(TestClient.Get("hris/v1/employees/e1", new QueryString().Add("expand", "manager"))));

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal((HttpStatusCode)status, error.StatusCode);
            Assert.Equal("GET", error.Method);
            Assert.Equal("/hris/v1/employees/e1?expand=manager", error.Path);
            Assert.Contains($"returned {status}", error.Message);
            Assert.Contains("Something specific went wrong.", error.Message);
            Assert.Equal("{\"detail\":\"Something specific went wrong.\"}", error.ResponseBody);
            Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
            Assert.Single(test.Handler.Requests);
        }

        [Theory]
        [InlineData(400)]
        [InlineData(401)]
        [InlineData(403)]
        [InlineData(404)]
        [InlineData(409)]
        public async Task Does_not_retry_a_client_error(int status)
        {
            using var test = new TestClient();
            test.Handler.RespondWith(_ => StubHandler.Response((HttpStatusCode)status, "{\"detail\":\"no\"}"));

            await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Single(test.Handler.Requests);
            Assert.Empty(test.Delays);
            Assert.Equal(0, test.Client.Statistics.Retries);
        }

        [Fact]
        public async Task Puts_merges_detail_in_the_message()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.Unauthorized, "{\"detail\":\"Invalid API key.\"}");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal("GET /hris/v1/employees/e1 returned 401 Unauthorized: Invalid API key.", error.Message);
        }

        [Fact]
        public async Task Puts_field_errors_in_the_message()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(
                HttpStatusCode.BadRequest,
                "{\"page_size\":[\"Ensure this value is less than or equal to 100.\"],\"cursor\":[\"Invalid cursor\",\"Try again\"]}");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.BadRequest, error.ErrorId);
            Assert.Contains("page_size: Ensure this value is less than or equal to 100.", error.Message);
            Assert.Contains("cursor: Invalid cursor Try again", error.Message);
        }

        [Fact]
        public async Task Puts_the_write_envelopes_errors_in_the_message()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(
                HttpStatusCode.BadRequest,
                "{\"errors\":[{\"title\":\"Missing Required Field\",\"detail\":\"first_name is a required field.\"},\"plain\"]}");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(
                () => test.Client.SendAsync(TestClient.Post("hris/v1/employees", "{}"), test.Log, CancellationToken.None));

            Assert.Contains("first_name is a required field.; plain", error.Message);
        }

        [Fact]
        public async Task Describes_an_html_error_page_readably()
        {
            using var test = new TestClient(o => o.MaxAttempts = 1);
            const string html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
            test.Handler.Enqueue(HttpStatusCode.BadGateway, html, "text/html");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.ServerError, error.ErrorId);
            Assert.Contains("HTML page instead of JSON", error.Message);
            Assert.DoesNotContain("<html>", error.Message);
            Assert.Equal(html, error.ResponseBody);
        }

        [Fact]
        public async Task Describes_an_html_page_without_a_content_type()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.NotFound, "  <html><body>Not Found</body></html>", contentType: null);

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.NotFound, error.ErrorId);
            Assert.Contains("HTML page instead of JSON", error.Message);
        }

        [Fact]
        public async Task Describes_an_empty_error_body()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.Forbidden, body: null);

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.Forbidden, error.ErrorId);
            Assert.Equal("GET /hris/v1/employees/e1 returned 403 Forbidden: (no body)", error.Message);
            Assert.Equal(string.Empty, error.ResponseBody);
        }

        [Fact]
        public async Task Quotes_a_plain_text_error_body()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.NotFound, "No such employee", "text/plain");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.EndsWith(": No such employee", error.Message);
        }

        [Fact]
        public async Task Shortens_a_huge_error_body_in_the_message_and_keeps_a_bounded_copy()
        {
            using var test = new TestClient();
            string detail = new('x', 10_000);
            test.Handler.Enqueue(HttpStatusCode.BadRequest, "{\"detail\":\"" + detail + "\"}");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.True(error.Message.Length < 500, $"Message is {error.Message.Length} chars long.");
            Assert.EndsWith("…", error.Message);
            Assert.NotNull(error.ResponseBody);
            Assert.Equal(4096, error.ResponseBody.Length);
        }

        [Theory]
        [InlineData("X-Request-Id")]
        [InlineData("X-Merge-Request-Id")]
        [InlineData("X-Amzn-RequestId")]
        public async Task Captures_the_request_id(string header)
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.NotFound, "{\"detail\":\"Not found.\"}", "application/json", (header, "req-7f3a9c"));

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal("req-7f3a9c", error.RequestId);
        }

        [Fact]
        public async Task Has_no_request_id_when_none_was_sent()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.NotFound, "{\"detail\":\"Not found.\"}");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Null(error.RequestId);
        }

        [Theory]
        [InlineData(301)]
        [InlineData(302)]
        [InlineData(303)]
        [InlineData(307)]
        [InlineData(308)]
        public async Task Reports_a_redirect_without_following_it(int status)
        {
            using var test = new TestClient();
            test.Handler.Enqueue((HttpStatusCode)status, body: null, contentType: null, ("Location", "https://evil.example/steal"));
            test.Handler.EnqueueJson(EmployeeJson);

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.Redirected, error.ErrorId);
            Assert.Equal((HttpStatusCode)status, error.StatusCode);
            RecordedRequest only = Assert.Single(test.Handler.Requests);
            Assert.Equal("api.merge.test", only.Uri.Host);
        }

        [Fact]
        public void Creates_a_default_handler_that_does_not_follow_redirects_or_keep_cookies()
        {
            using var handler = (System.Net.Http.HttpClientHandler)MergeClient.CreateHandler(new MergeClientOptions { MaxConnectionsPerServer = 7 });

            Assert.False(handler.AllowAutoRedirect);
            Assert.False(handler.UseCookies);
            Assert.Equal(7, handler.MaxConnectionsPerServer);
        }

        [Fact]
        public async Task Reports_a_non_json_success_body_as_an_invalid_response()
        {
            using var test = new TestClient(o => o.MaxAttempts = 1);
            test.Handler.Enqueue(HttpStatusCode.OK, "<html><body>Welcome to the captive portal</body></html>", "text/html");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.InvalidResponse, error.ErrorId);
            Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
            Assert.Contains("not the JSON expected", error.Message);
        }

        [Fact]
        public async Task Reports_truncated_json_as_an_invalid_response_after_the_retries()
        {
            using var test = new TestClient(o => o.MaxAttempts = 3);
            test.Handler.RespondWith(_ => StubHandler.Response(HttpStatusCode.OK, "{\"id\":\"e1\",\"first_name\":\"Ad"));

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.InvalidResponse, error.ErrorId);
            Assert.Equal(3, test.Handler.Requests.Count);
            Assert.Equal(2, test.Delays.Count);
        }

        [Fact]
        public async Task Reads_a_response_that_recovers_after_a_truncated_one()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson("{\"next\":null,\"results\":[{\"id\":\"e1\"},");
            test.Handler.EnqueueJson("{\"next\":null,\"results\":[{\"id\":\"e1\"}]}");

            var page = await test.Client.SendAsync(TestClient.Get("hris/v1/employees"), HrisJsonContext.Default.PageEmployee, test.Log, CancellationToken.None);

            Assert.Equal("e1", Assert.Single(page.Results).Id);
            Assert.Equal(2, test.Handler.Requests.Count);
        }

        [Fact]
        public async Task Reports_an_empty_success_body_as_an_invalid_response()
        {
            using var test = new TestClient(o => o.MaxAttempts = 1);
            test.Handler.Enqueue(HttpStatusCode.OK, string.Empty);

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.InvalidResponse, error.ErrorId);
        }

        [Fact]
        public async Task Reports_a_json_null_body_as_an_invalid_response_without_retrying()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.OK, "null");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.InvalidResponse, error.ErrorId);
            Assert.Contains("empty body", error.Message);
            Assert.Single(test.Handler.Requests);
        }

        [Fact]
        public async Task Accepts_an_empty_success_body_when_no_body_is_wanted()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.NoContent, body: null);

            await test.Client.SendAsync(TestClient.Post("hris/v1/delete-account", "{}"), test.Log, CancellationToken.None);

            Assert.Single(test.Handler.Requests);
        }

        [Fact]
        public async Task Never_puts_the_secrets_in_an_error()
        {
            using var test = new TestClient(o => o.MaxAttempts = 1);
            test.Handler.Enqueue(HttpStatusCode.Unauthorized, "{\"detail\":\"Invalid token.\"}");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            string all = string.Join("\n", error.Message, error.RecommendedAction, error.Path, error.ResponseBody, error.ToString());
            Assert.DoesNotContain(TestClient.ApiKey, all);
            Assert.DoesNotContain(TestClient.AccountToken, all);
        }
    }
}
