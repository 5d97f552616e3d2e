using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

using MergePS.Client;
using MergePS.Tests.Infrastructure;

using Xunit;

namespace MergePS.Tests;

public partial class MergeClientTests
{
    private const string EmployeeJson = "{\"id\":\"e1\",\"first_name\":\"Ada\"}";

    public class Headers
    {
        [Fact]
        public async Task Sends_the_api_key_as_a_bearer_token()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();

            Assert.Equal("Bearer " + TestClient.ApiKey, Assert.Single(test.Handler.Requests).Header("Authorization"));
        }

        [Fact]
        public async Task Sends_the_bearer_token_on_every_attempt_and_every_request()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.ServiceUnavailable, "{}");
            test.Handler.EnqueueJson(EmployeeJson);
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();
            await test.GetEmployeeAsync(TestClient.Get("hris/v1/employees/e2", withAccount: false));

            Assert.Equal(3, test.Handler.Requests.Count);
            Assert.All(test.Handler.Requests, r => Assert.Equal("Bearer " + TestClient.ApiKey, r.Header("Authorization")));
        }

        [Fact]
        public async Task Sends_the_account_token_when_the_request_has_one()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync(TestClient.Get("hris/v1/employees/e1", withAccount: true));

            Assert.Equal(TestClient.AccountToken, Assert.Single(test.Handler.Requests).Header("X-Account-Token"));
        }

        [Fact]
        public async Task Sends_no_account_token_when_the_request_has_none()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson("{}");

            await test.Client.SendAsync(TestClient.Get("hris/v1/account-token/abc", withAccount: false), test.Log, CancellationToken.None);

            RecordedRequest request = Assert.Single(test.Handler.Requests);
            Assert.Null(request.Header("X-Account-Token"));
            Assert.DoesNotContain(TestClient.AccountToken, string.Join("\n", request.Headers.Values));
        }

        [Fact]
        public async Task Sends_a_user_agent_naming_the_module()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();

            string? userAgent = Assert.Single(test.Handler.Requests).Header("User-Agent");
            Assert.NotNull(userAgent);
            Assert.StartsWith("MergePS/", userAgent);
            Assert.Equal("MergePS/" + MergeClientOptions.ModuleVersion, userAgent);
        }

        [Fact]
        public async Task Asks_for_json()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();

            Assert.Equal("application/json", Assert.Single(test.Handler.Requests).Header("Accept"));
        }

        [Fact]
        public async Task Joins_the_path_to_the_base_uri()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync(TestClient.Get("/hris/v1/employees/e1", new QueryString().Add("expand", "manager")));

            Assert.Equal("https://api.merge.test/api/hris/v1/employees/e1?expand=manager", Assert.Single(test.Handler.Requests).Uri.AbsoluteUri);
        }

        [Fact]
        public async Task Lets_caller_headers_through_but_never_lets_them_replace_the_credentials()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson(EmployeeJson);
            MergeRequest request = TestClient.Get("hris/v1/employees/e1");
            request.Headers = new Dictionary<string, string>
            {
                ["Authorization"] = "Bearer attacker-key",
                ["X-ACCOUNT-TOKEN"] = "attacker-token",
                ["x-account-token"] = "attacker-token-2",
                ["X-Custom-Trace"] = "trace-42",
            };

            await test.GetEmployeeAsync(request);

            RecordedRequest sent = Assert.Single(test.Handler.Requests);
            Assert.Equal("Bearer " + TestClient.ApiKey, sent.Header("Authorization"));
            Assert.Equal(TestClient.AccountToken, sent.Header("X-Account-Token"));
            Assert.Equal("trace-42", sent.Header("X-Custom-Trace"));
            Assert.DoesNotContain("attacker", string.Join("\n", sent.Headers.Values));
        }

        [Fact]
        public async Task Never_lets_caller_headers_add_an_account_token_to_an_org_level_request()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson("{}");
            MergeRequest request = TestClient.Get("hris/v1/linked-accounts", withAccount: false);
            request.Headers = new Dictionary<string, string> { ["X-Account-Token"] = "smuggled", ["authorization"] = "Basic Zm9vOmJhcg==" };

            await test.Client.SendAsync(request, test.Log, CancellationToken.None);

            RecordedRequest sent = Assert.Single(test.Handler.Requests);
            Assert.Null(sent.Header("X-Account-Token"));
            Assert.Equal("Bearer " + TestClient.ApiKey, sent.Header("Authorization"));
        }

        [Fact]
        public async Task Builds_a_fresh_body_for_each_attempt()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "1"));
            test.Handler.EnqueueJson("{}");

            await test.Client.SendAsync(TestClient.Post("hris/v1/employees", "{\"model\":{\"first_name\":\"Ada\"}}"), test.Log, CancellationToken.None);

            Assert.Equal(2, test.Handler.Requests.Count);
            Assert.All(test.Handler.Requests, r =>
            {
                Assert.Equal(HttpMethod.Post, r.Method);
                Assert.Equal("{\"model\":{\"first_name\":\"Ada\"}}", r.Body);
                Assert.StartsWith("application/json", r.Header("Content-Type"));
            });
        }
    }
}
