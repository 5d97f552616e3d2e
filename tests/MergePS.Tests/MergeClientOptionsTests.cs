using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;

using MergePS.Client;
using MergePS.Tests.Infrastructure;

using Xunit;

namespace MergePS.Tests;

public class MergeClientOptionsTests
{
    private static Func<string, string?> Variables(params (string Name, string Value)[] variables)
    {
        var map = new Dictionary<string, string>();
        foreach ((string name, string value) in variables)
        {
            map[name] = value;
        }

        return name => map.TryGetValue(name, out string? value) ? value : null;
    }

    public class Defaults
    {
        [Fact]
        public void Suit_unattended_runbooks()
        {
            var options = new MergeClientOptions();

            Assert.Equal(5, options.MaxAttempts);
            Assert.Equal(TimeSpan.FromMinutes(2), options.MaxRetryWait);
            Assert.Equal(TimeSpan.FromSeconds(60), options.Timeout);
            Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryDelay);
            Assert.StartsWith("MergePS/", options.UserAgent);
        }
    }

    public class FromEnvironment
    {
        [Fact]
        public void Keeps_the_defaults_when_nothing_is_set()
        {
            MergeClientOptions options = MergeClientOptions.FromEnvironment(Variables(("MERGE_TIMEOUT_SECONDS", "  ")));

            Assert.Equal(5, options.MaxAttempts);
            Assert.Equal(TimeSpan.FromMinutes(2), options.MaxRetryWait);
            Assert.Equal(TimeSpan.FromSeconds(60), options.Timeout);
        }

        [Fact]
        public void Reads_retries_wait_and_timeout()
        {
            MergeClientOptions options = MergeClientOptions.FromEnvironment(Variables(
                ("MERGE_MAX_RETRIES", "3"), ("MERGE_MAX_RETRY_WAIT_SECONDS", "30"), ("MERGE_TIMEOUT_SECONDS", "15")));

            Assert.Equal(4, options.MaxAttempts);
            Assert.Equal(TimeSpan.FromSeconds(30), options.MaxRetryWait);
            Assert.Equal(TimeSpan.FromSeconds(15), options.Timeout);
        }

        [Fact]
        public void Reads_zero_retries_as_one_attempt()
        {
            Assert.Equal(1, MergeClientOptions.FromEnvironment(Variables(("MERGE_MAX_RETRIES", "0"))).MaxAttempts);
        }

        [Theory]
        [InlineData("MERGE_MAX_RETRIES", "three")]
        [InlineData("MERGE_MAX_RETRIES", "-1")]
        [InlineData("MERGE_MAX_RETRY_WAIT_SECONDS", "1.5")]
        [InlineData("MERGE_TIMEOUT_SECONDS", "60s")]
        public void Reports_an_invalid_value_naming_the_variable(string name, string value)
        {
            var error = Assert.Throws<MergeConfigurationException>(() => MergeClientOptions.FromEnvironment(Variables((name, value))));

            Assert.Equal(MergeErrorIds.InvalidArgument, error.ErrorId);
            Assert.Contains(name, error.Message);
            Assert.Contains(value, error.Message);
        }

        [Fact]
        public async Task Refuses_or_copes_with_a_timeout_too_long_to_schedule()
        {
            MergeClientOptions? options = null;
            Exception? configError = Record.Exception(() => options = MergeClientOptions.FromEnvironment(Variables(("MERGE_TIMEOUT_SECONDS", "99999999"))));
            if (configError is not null)
            {
                Assert.Equal(MergeErrorIds.InvalidArgument, Assert.IsType<MergeConfigurationException>(configError).ErrorId);
                return;
            }

            using var test = new TestClient(o => o.Timeout = options!.Timeout);
            test.Handler.EnqueueJson("{\"id\":\"e1\"}");

            Hris.Employee employee = await test.GetEmployeeAsync();

            Assert.Equal("e1", employee.Id);
        }

        [Fact]
        public async Task Refuses_or_honours_a_huge_retry_count()
        {
            MergeClientOptions? options = null;
            Exception? configError = Record.Exception(() => options = MergeClientOptions.FromEnvironment(Variables(("MERGE_MAX_RETRIES", "2147483647"))));
            if (configError is not null)
            {
                Assert.Equal(MergeErrorIds.InvalidArgument, Assert.IsType<MergeConfigurationException>(configError).ErrorId);
                return;
            }

            Assert.True(options!.MaxAttempts >= 1, $"MaxAttempts is {options.MaxAttempts}.");
            using var test = new TestClient(o => o.MaxAttempts = options.MaxAttempts);
            test.Handler.Enqueue(HttpStatusCode.ServiceUnavailable, "{}");
            test.Handler.EnqueueJson("{\"id\":\"e1\"}");

            Hris.Employee employee = await test.GetEmployeeAsync();

            Assert.Equal("e1", employee.Id);
        }
    }
}
