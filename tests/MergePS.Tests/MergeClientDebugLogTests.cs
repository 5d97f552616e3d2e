using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

using MergePS.Client;
using MergePS.Tests.Infrastructure;

using Xunit;

namespace MergePS.Tests;

public partial class MergeClientTests
{
    public class DebugLog
    {
        [Fact]
        public async Task Describes_each_exchange_with_method_url_and_status()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson(EmployeeJson, ("X-Request-Id", "req-1"));

            await test.GetEmployeeAsync(TestClient.Get("hris/v1/employees/e1", new QueryString().Add("expand", "manager")));

            string debug = Assert.Single(test.Log.DebugMessages);
            Assert.StartsWith("GET https://api.merge.test/api/hris/v1/employees/e1?expand=manager -> 200 OK in ", debug);
            Assert.Contains("< X-Request-Id: req-1", debug, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public async Task Redacts_the_api_key_and_the_account_token()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();

            string debug = Assert.Single(test.Log.DebugMessages);
            Assert.Contains("> Authorization: [redacted]", debug);
            Assert.Contains("> X-Account-Token: [redacted]", debug);
            Assert.Contains("> User-Agent: MergePS/", debug);
            Assert.DoesNotContain(TestClient.ApiKey, debug);
            Assert.DoesNotContain(TestClient.AccountToken, debug);
        }

        [Fact]
        public async Task Describes_failed_attempts_too_and_never_reveals_the_secrets()
        {
            using var test = new TestClient(o => o.MaxAttempts = 3);
            test.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "1"));
            test.Handler.Enqueue(HttpStatusCode.Unauthorized, "{\"detail\":\"Invalid token.\"}");

            await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(2, test.Log.DebugMessages.Count);
            Assert.Contains(" -> 429 Too Many Requests in ", test.Log.DebugMessages[0]);
            Assert.Contains(" -> 401 Unauthorized in ", test.Log.DebugMessages[1]);
            Assert.DoesNotContain(TestClient.ApiKey, test.Log.AllText);
            Assert.DoesNotContain(TestClient.AccountToken, test.Log.AllText);
        }

        [Fact]
        public async Task Redacts_the_api_key_on_org_level_requests_without_an_account_token()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson("{}");

            await test.Client.SendAsync(TestClient.Get("hris/v1/linked-accounts", withAccount: false), test.Log, CancellationToken.None);

            string debug = Assert.Single(test.Log.DebugMessages);
            Assert.Contains("> Authorization: [redacted]", debug);
            Assert.DoesNotContain("X-Account-Token", debug);
            Assert.DoesNotContain(TestClient.ApiKey, debug);
        }
    }
}
