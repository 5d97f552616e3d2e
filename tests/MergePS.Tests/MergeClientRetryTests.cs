using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

using MergePS.Client;
using MergePS.Tests.Infrastructure;

using Xunit;

namespace MergePS.Tests;

public partial class MergeClientTests
{
    public class Retries
    {
        [Theory]
        [InlineData(408)]
        [InlineData(429)]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(504)]
        public async Task Retries_a_get_on_a_transient_status(int status)
        {
            using var test = new TestClient();
            test.Handler.Enqueue((HttpStatusCode)status, "{\"detail\":\"try later\"}");
            test.Handler.EnqueueJson(EmployeeJson);

            var employee = await test.GetEmployeeAsync();

            Assert.Equal("Ada", employee.FirstName);
            Assert.Equal(2, test.Handler.Requests.Count);
            Assert.Single(test.Delays);
            Assert.Equal(1, test.Client.Statistics.Retries);
        }

        [Fact]
        public async Task Retries_a_get_on_a_connection_failure()
        {
            using var test = new TestClient();
            test.Handler.EnqueueException(new HttpRequestException("Connection refused (api.merge.test:443)"));
            test.Handler.EnqueueException(new HttpRequestException("reset", new IOException("Connection reset by peer")));
            test.Handler.EnqueueJson(EmployeeJson);

            var employee = await test.GetEmployeeAsync();

            Assert.Equal("e1", employee.Id);
            Assert.Equal(3, test.Handler.Requests.Count);
            Assert.Equal(2, test.Client.Statistics.Retries);
        }

        [Fact]
        public async Task Reports_a_connection_failure_with_the_innermost_reason_once_attempts_run_out()
        {
            using var test = new TestClient(o => o.MaxAttempts = 2);
            test.Handler.RespondWith((_, _) => Task.FromException<HttpResponseMessage>(
                new HttpRequestException("An error occurred", new IOException("Connection reset by peer"))));

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.ConnectionFailed, error.ErrorId);
            Assert.Null(error.StatusCode);
            Assert.Contains("Connection reset by peer", error.Message);
            Assert.IsType<HttpRequestException>(error.InnerException);
            Assert.Equal(2, test.Handler.Requests.Count);
        }

        [Fact]
        public async Task Retries_when_the_body_breaks_off_mid_read()
        {
            using var test = new TestClient();
            test.Handler.Enqueue((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StreamContent(new FailingStream("{\"id\":\"e1\",\"fir"u8.ToArray())),
            }));
            test.Handler.EnqueueJson(EmployeeJson);

            var employee = await test.GetEmployeeAsync();

            Assert.Equal("Ada", employee.FirstName);
            Assert.Equal(2, test.Handler.Requests.Count);
        }

        [Fact]
        public async Task Waits_as_long_as_retry_after_seconds_asks()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "2"));
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();

            Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(test.Delays));
            Assert.Equal(TimeSpan.FromSeconds(2), test.Client.Statistics.LastRetryAfter);
        }

        [Fact]
        public async Task Honours_retry_after_on_a_503_too()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.ServiceUnavailable, "{}", "application/json", ("Retry-After", "7"));
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();

            Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(test.Delays));
        }

        [Fact]
        public async Task Waits_until_a_retry_after_date()
        {
            using var test = new TestClient();
            test.Handler.Enqueue((_, _) =>
            {
                var response = StubHandler.Response(HttpStatusCode.TooManyRequests, "{}");
                response.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(30));
                return Task.FromResult(response);
            });
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();

            TimeSpan delay = Assert.Single(test.Delays);
            // An HTTP date has whole seconds, so up to one second is lost to rounding, more on a busy machine.
            Assert.InRange(delay, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
        }

        [Fact]
        public async Task Reads_a_retry_after_date_sent_as_text()
        {
            using var test = new TestClient();
            string date = DateTimeOffset.UtcNow.AddSeconds(20).ToString("r", CultureInfo.InvariantCulture);
            test.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", date));
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();

            Assert.InRange(Assert.Single(test.Delays), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));
        }

        [Fact]
        public async Task Does_not_wait_for_a_retry_after_date_in_the_past()
        {
            using var test = new TestClient();
            string date = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("r", CultureInfo.InvariantCulture);
            test.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", date));
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();

            Assert.Equal(TimeSpan.Zero, Assert.Single(test.Delays));
        }

        [Fact]
        public async Task Caps_one_wait_at_max_retry_delay()
        {
            using var test = new TestClient(o => o.MaxRetryDelay = TimeSpan.FromSeconds(10));
            test.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "3600"));
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();

            Assert.Equal(TimeSpan.FromSeconds(10), Assert.Single(test.Delays));
        }

        [Fact]
        public async Task Backs_off_exponentially_with_jitter_without_retry_after()
        {
            using var test = new TestClient(o =>
            {
                o.MaxAttempts = 4;
                o.RetryBaseDelay = TimeSpan.FromSeconds(1);
            });
            test.Handler.RespondWith(_ => StubHandler.Response(HttpStatusCode.BadGateway, "{}"));

            await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(3, test.Delays.Count);
            // base * 2^(attempt-1) * [0.5, 1.5)
            Assert.InRange(test.Delays[0].TotalSeconds, 0.5, 1.5);
            Assert.InRange(test.Delays[1].TotalSeconds, 1.0, 3.0);
            Assert.InRange(test.Delays[2].TotalSeconds, 2.0, 6.0);
        }

        [Fact]
        public async Task Stops_after_max_attempts()
        {
            using var test = new TestClient(o => o.MaxAttempts = 3);
            test.Handler.RespondWith(_ => StubHandler.Response(HttpStatusCode.ServiceUnavailable, "{\"detail\":\"still down\"}"));

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.ServerError, error.ErrorId);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
            Assert.Contains("still down", error.Message);
            Assert.Equal(3, test.Handler.Requests.Count);
            Assert.Equal(2, test.Delays.Count);
            Assert.Equal(2, test.Client.Statistics.Retries);
            Assert.Equal(3, test.Client.Statistics.Requests);
        }

        [Fact]
        public async Task Sends_once_when_max_attempts_is_one()
        {
            using var test = new TestClient(o => o.MaxAttempts = 1);
            test.Handler.RespondWith(_ => StubHandler.Response(HttpStatusCode.ServiceUnavailable, "{}"));

            await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Single(test.Handler.Requests);
            Assert.Empty(test.Delays);
        }

        [Fact]
        public async Task Stops_before_the_total_wait_would_pass_max_retry_wait()
        {
            using var test = new TestClient(o =>
            {
                o.MaxAttempts = 10;
                o.MaxRetryWait = TimeSpan.FromSeconds(5);
            });
            test.Handler.RespondWith(_ => StubHandler.Response(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "2")));

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.RateLimited, error.ErrorId);
            Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
            Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) }, test.Delays.ToArray());
            Assert.Equal(3, test.Handler.Requests.Count);
            Assert.True(test.Delays.Aggregate(TimeSpan.Zero, (a, b) => a + b) <= TimeSpan.FromSeconds(5));
        }

        [Fact]
        public async Task Does_not_retry_a_post_on_a_server_error()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.InternalServerError, "{\"detail\":\"oops\"}");
            test.Handler.EnqueueJson("{}");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(
                () => test.Client.SendAsync(TestClient.Post("hris/v1/employees", "{\"model\":{}}"), test.Log, CancellationToken.None));

            Assert.Equal(MergeErrorIds.ServerError, error.ErrorId);
            Assert.Equal("POST", error.Method);
            Assert.Single(test.Handler.Requests);
            Assert.Empty(test.Delays);
        }

        [Theory]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(504)]
        [InlineData(408)]
        public async Task Does_not_retry_a_post_on_other_transient_statuses(int status)
        {
            using var test = new TestClient();
            test.Handler.RespondWith(_ => StubHandler.Response((HttpStatusCode)status, "{}"));

            await Assert.ThrowsAsync<MergeApiException>(
                () => test.Client.SendAsync(TestClient.Post("hris/v1/employees", "{}"), test.Log, CancellationToken.None));

            Assert.Single(test.Handler.Requests);
        }

        [Fact]
        public async Task Does_not_retry_a_post_on_a_connection_failure()
        {
            using var test = new TestClient();
            test.Handler.EnqueueException(new HttpRequestException("Connection reset"));
            test.Handler.EnqueueJson("{}");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(
                () => test.Client.SendAsync(TestClient.Post("hris/v1/employees", "{}"), test.Log, CancellationToken.None));

            Assert.Equal(MergeErrorIds.ConnectionFailed, error.ErrorId);
            Assert.Single(test.Handler.Requests);
        }

        [Fact]
        public async Task Retries_a_post_on_429()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "1"));
            test.Handler.EnqueueJson("{}");

            await test.Client.SendAsync(TestClient.Post("hris/v1/employees", "{\"model\":{}}"), test.Log, CancellationToken.None);

            Assert.Equal(2, test.Handler.Requests.Count);
            Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(test.Delays));
        }

        [Fact]
        public async Task Counts_retries_and_throttles()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "1"));
            test.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "3"));
            test.Handler.Enqueue(HttpStatusCode.ServiceUnavailable, "{}");
            test.Handler.EnqueueJson(EmployeeJson);
            DateTimeOffset before = DateTimeOffset.UtcNow;

            await test.GetEmployeeAsync();

            MergeClientStatistics statistics = test.Client.Statistics;
            Assert.Equal(4, statistics.Requests);
            Assert.Equal(3, statistics.Retries);
            Assert.Equal(2, statistics.Throttles);
            Assert.Equal(TimeSpan.FromSeconds(3), statistics.LastRetryAfter);
            Assert.NotNull(statistics.LastThrottleAt);
            Assert.True(statistics.LastThrottleAt >= before);
        }

        [Fact]
        public async Task Reports_each_retry_as_a_verbose_message()
        {
            using var test = new TestClient(o => o.MaxAttempts = 5);
            test.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "2"));
            test.Handler.Enqueue(HttpStatusCode.BadGateway, "{}", "application/json", ("Retry-After", "1"));
            test.Handler.EnqueueException(new HttpRequestException("refused"));
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();

            Assert.Equal(
                new[]
                {
                    "GET hris/v1/employees/e1: 429; retry 1 of 4 in 2.0 s.",
                    "GET hris/v1/employees/e1: 502; retry 2 of 4 in 1.0 s.",
                },
                test.Log.VerboseMessages.Take(2).ToArray());
            Assert.Equal(3, test.Log.VerboseMessages.Count);
            Assert.StartsWith("GET hris/v1/employees/e1: MergePS.ConnectionFailed; retry 3 of 4 in ", test.Log.VerboseMessages[2]);
        }

        [Fact]
        public async Task Warns_when_throttled_repeatedly()
        {
            using var test = new TestClient();
            test.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "1"));
            test.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "1"));
            test.Handler.EnqueueJson(EmployeeJson);

            await test.GetEmployeeAsync();

            string warning = Assert.Single(test.Log.WarningMessages);
            Assert.Contains("throttling", warning);
            Assert.Contains("2 times", warning);
        }

        [Fact]
        public async Task Stops_waiting_when_cancelled_during_the_wait_between_attempts()
        {
            using var test = new TestClient(o => o.MaxAttempts = 2, realDelay: true);
            test.Handler.RespondWith(_ => StubHandler.Response(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "5")));
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
            var clock = System.Diagnostics.Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => test.GetEmployeeAsync(cancellationToken: cts.Token));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Took {clock.Elapsed}.");
            Assert.Single(test.Handler.Requests);
        }

        /// <summary>Yields some bytes, then fails as a reset connection does.</summary>
        private sealed class FailingStream : MemoryStream
        {
            public FailingStream(byte[] prefix)
                : base(prefix)
            {
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int read = base.Read(buffer, offset, count);
                return read > 0 ? read : throw new IOException("Connection reset by peer");
            }

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                int read = await base.ReadAsync(buffer, cancellationToken);
                return read > 0 ? read : throw new IOException("Connection reset by peer");
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
                => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        }
    }
}
