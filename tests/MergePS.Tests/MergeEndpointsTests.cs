using System;

using MergePS.Client;

using Xunit;

namespace MergePS.Tests;

public class MergeEndpointsTests
{
    public class BaseUriFor
    {
        [Theory]
        [InlineData(MergeRegion.US, "https://api.merge.dev/api/")]
        [InlineData(MergeRegion.EU, "https://api-eu.merge.dev/api/")]
        [InlineData(MergeRegion.APAC, "https://api-ap.merge.dev/api/")]
        [InlineData(MergeRegion.Sandbox, "https://api-sandbox.merge.dev/api/")]
        public void Maps_each_region_to_its_documented_host(MergeRegion region, string expected)
        {
            Assert.Equal(new Uri(expected), MergeEndpoints.BaseUriFor(region));
            Assert.Equal(expected, MergeEndpoints.BaseUriFor(region).AbsoluteUri);
        }

        [Fact]
        public void Refuses_the_custom_region()
        {
            Assert.Throws<ArgumentException>(() => MergeEndpoints.BaseUriFor(MergeRegion.Custom));
        }

        [Fact]
        public void Gives_base_uris_that_relative_paths_append_to()
        {
            var joined = new Uri(MergeEndpoints.BaseUriFor(MergeRegion.EU), "hris/v1/employees");

            Assert.Equal("https://api-eu.merge.dev/api/hris/v1/employees", joined.AbsoluteUri);
        }
    }

    public class NormalizeBaseUri
    {
        [Theory]
        [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
        [InlineData("http://localhost", "http://localhost/")]
        [InlineData("http://localhost:8080/api", "http://localhost:8080/api/")]
        [InlineData("http://[::1]:5000/api/", "http://[::1]:5000/api/")]
        [InlineData("https://api.merge.dev/api", "https://api.merge.dev/api/")]
        [InlineData("https://api.merge.dev/api/", "https://api.merge.dev/api/")]
        [InlineData("https://api.merge.dev/api///", "https://api.merge.dev/api/")]
        [InlineData("  https://proxy.example.com/merge/api  ", "https://proxy.example.com/merge/api/")]
        [InlineData("https://proxy.example.com", "https://proxy.example.com/")]
        public void Accepts_https_anywhere_and_http_to_loopback_ending_with_a_slash(string text, string expected)
        {
            Uri uri = MergeEndpoints.NormalizeBaseUri(text);

            Assert.Equal(expected, uri.AbsoluteUri);
            Assert.EndsWith("/", uri.AbsolutePath);
        }

        [Theory]
        [InlineData("http://example.com")]
        [InlineData("http://api.merge.dev/api")]
        [InlineData("http://localhost.example.com/api")]
        [InlineData("http://127.0.0.1.nip.io/")]
        [InlineData("http://10.0.0.5:5000")]
        public void Refuses_plain_http_to_a_host_that_is_not_loopback(string text)
        {
            var error = Assert.Throws<MergeConfigurationException>(() => MergeEndpoints.NormalizeBaseUri(text));

            Assert.Equal(MergeErrorIds.InsecureBaseUri, error.ErrorId);
        }

        [Theory]
        [InlineData("ftp://x")]
        [InlineData("not a uri")]
        [InlineData("api.merge.dev/api")]
        [InlineData("/api/")]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("file:///etc/passwd")]
        [InlineData("https://api.merge.dev/api?debug=1")]
        [InlineData("https://api.merge.dev/api#frag")]
        public void Refuses_what_is_not_an_absolute_http_uri(string text)
        {
            var error = Assert.Throws<MergeConfigurationException>(() => MergeEndpoints.NormalizeBaseUri(text));

            Assert.Equal(MergeErrorIds.InvalidBaseUri, error.ErrorId);
            Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
        }
    }

    public class TryParseRegion
    {
        [Theory]
        [InlineData("US", MergeRegion.US)]
        [InlineData("eu", MergeRegion.EU)]
        [InlineData(" apac ", MergeRegion.APAC)]
        [InlineData("AP", MergeRegion.APAC)]
        [InlineData("Sandbox", MergeRegion.Sandbox)]
        public void Reads_region_names_in_any_case(string text, MergeRegion expected)
        {
            Assert.True(MergeEndpoints.TryParseRegion(text, out MergeRegion region));
            Assert.Equal(expected, region);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("mars")]
        [InlineData("Custom")]
        public void Refuses_unknown_names(string? text)
        {
            Assert.False(MergeEndpoints.TryParseRegion(text, out _));
        }
    }
}
