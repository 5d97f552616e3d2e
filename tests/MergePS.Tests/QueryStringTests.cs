using System;
using System.Collections.Generic;
using System.Linq;

using MergePS.Client;

using Xunit;

namespace MergePS.Tests;

public class QueryStringTests
{
    public class Add
    {
        [Fact]
        public void Writes_nullable_booleans_as_true_and_false()
        {
            var query = new QueryString().Add("include_remote_data", (bool?)true).Add("remote_was_deleted", (bool?)false);

            Assert.Equal("?include_remote_data=true&remote_was_deleted=false", query.ToString());
        }

        [Fact]
        public void Writes_a_switch_that_is_on_as_true_and_leaves_one_that_is_off_out()
        {
            var query = new QueryString().Add("include_deleted_data", true).Add("include_shell_data", false);

            Assert.Equal("?include_deleted_data=true", query.ToString());
        }

        [Fact]
        public void Writes_a_utc_datetime_as_iso_8601_with_z()
        {
            var query = new QueryString().Add("modified_after", (DateTime?)new DateTime(2024, 1, 15, 12, 30, 45, DateTimeKind.Utc).AddTicks(1234567));

            Assert.Equal("2024-01-15T12:30:45.1234567Z", query.Get("modified_after"));
        }

        [Fact]
        public void Writes_a_datetimeoffset_in_utc_with_z()
        {
            var query = new QueryString().Add("created_before", (DateTimeOffset?)new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.FromHours(-5)));

            Assert.Equal("2024-01-15T17:00:00.0000000Z", query.Get("created_before"));
        }

        [Fact]
        public void Writes_numbers_in_the_invariant_culture()
        {
            var query = new QueryString().Add("page_size", (int?)100).Add("big", (long?)9_000_000_000).Add("rate", (decimal?)1234.5m);

            Assert.Equal("?page_size=100&big=9000000000&rate=1234.5", query.ToString());
        }

        [Fact]
        public void Joins_a_list_with_commas()
        {
            var query = new QueryString().Add("expand", new[] { "manager", "team", "groups" });

            Assert.Equal("manager,team,groups", query.Get("expand"));
            Assert.Equal("manager,team,groups", Uri.UnescapeDataString(query.ToString().Substring("?expand=".Length)));
        }

        [Fact]
        public void Escapes_names_and_values()
        {
            var query = new QueryString().Add("remote_id", "a b&c=d/é+?#").Add("odd name", "x");

            Assert.Equal("?remote_id=a%20b%26c%3Dd%2F%C3%A9%2B%3F%23&odd%20name=x", query.ToString());
        }

        [Fact]
        public void Skips_nulls_of_every_kind()
        {
            var query = new QueryString()
                .Add("s", (string?)null)
                .Add("b", (bool?)null)
                .Add("i", (int?)null)
                .Add("l", (long?)null)
                .Add("d", (decimal?)null)
                .Add("dt", (DateTime?)null)
                .Add("dto", (DateTimeOffset?)null)
                .Add("list", (IEnumerable<string>?)null)
                .Add("empty_list", Array.Empty<string>());

            Assert.Empty(query.Pairs);
            Assert.Equal(string.Empty, query.ToString());
        }

        [Fact]
        public void Replaces_a_value_given_twice_and_keeps_the_order()
        {
            var query = new QueryString().Add("page_size", (int?)5).Add("cursor", "a").Add("page_size", (int?)50);

            Assert.Equal("?page_size=50&cursor=a", query.ToString());
            Assert.Equal(new[] { "page_size", "cursor" }, query.Pairs.Select(p => p.Key).ToArray());
        }

        [Fact]
        public void Clones_independently()
        {
            var original = new QueryString().Add("page_size", (int?)5);
            QueryString copy = original.Clone().Add("cursor", "c2");

            Assert.Equal("?page_size=5", original.ToString());
            Assert.Equal("?page_size=5&cursor=c2", copy.ToString());
            Assert.Null(original.Get("cursor"));
        }
    }

    /// <summary>These change the process's local time zone, so they run alone.</summary>
    [Collection(LocalTimeZoneCollection.Name)]
    public class FormatDateTime
    {
        [Fact]
        public void Converts_local_and_unspecified_times_to_utc()
        {
            using (LocalTimeZone.Use("Asia/Kolkata"))
            {
                var local = new DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Local);
                var unspecified = new DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Unspecified);
                TimeSpan offset = TimeZoneInfo.Local.GetUtcOffset(local);
                string expected = new DateTimeOffset(2024, 1, 15, 12, 0, 0, offset).UtcDateTime
                    .ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
                if (offset == new TimeSpan(5, 30, 0))
                {
                    // Where the zone could be switched (Linux, macOS), pin the exact answer too.
                    Assert.Equal("2024-01-15T06:30:00.0000000Z", expected);
                }

                Assert.Equal(expected, QueryString.FormatDateTime(local));
                Assert.Equal(expected, QueryString.FormatDateTime(unspecified));
                Assert.Equal(expected, new QueryString().Add("modified_after", (DateTime?)unspecified).Get("modified_after"));
            }
        }

        [Fact]
        public void Leaves_a_utc_time_as_it_is()
        {
            using (LocalTimeZone.Use("America/Los_Angeles"))
            {
                Assert.Equal("2024-07-01T00:00:00.0000000Z", QueryString.FormatDateTime(new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
            }
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalTimeZoneCollection
{
    public const string Name = "Local time zone";
}

/// <summary>Switches the process's local time zone through TZ (honoured on Linux and macOS).</summary>
internal sealed class LocalTimeZone : IDisposable
{
    private readonly string? _previous;

    private LocalTimeZone(string zone)
    {
        _previous = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
    }

    public static LocalTimeZone Use(string zone) => new(zone);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", _previous);
        TimeZoneInfo.ClearCachedData();
    }
}
