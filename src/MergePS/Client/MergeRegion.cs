using System;
using System.Collections.Generic;

namespace MergePS.Client;

/// <summary>Where Merge hosts an organisation's data; each maps to one documented API host.</summary>
public enum MergeRegion
{
    US,
    EU,
    APAC,
    Sandbox,
    /// <summary>Any other base URI, given with <c>-BaseUri</c> (an emulator, a proxy).</summary>
    Custom,
}

/// <summary>Region to base URI mapping and the rules a custom base URI must meet.</summary>
public static class MergeEndpoints
{
    private static readonly Dictionary<MergeRegion, Uri> s_hosts = new()
    {
        [MergeRegion.US] = new Uri("https://api.merge.dev/api/"),
        [MergeRegion.EU] = new Uri("https://api-eu.merge.dev/api/"),
        [MergeRegion.APAC] = new Uri("https://api-ap.merge.dev/api/"),
        [MergeRegion.Sandbox] = new Uri("https://api-sandbox.merge.dev/api/"),
    };

    public static Uri BaseUriFor(MergeRegion region)
    {
        if (!s_hosts.TryGetValue(region, out Uri? uri))
        {
            throw new ArgumentException("A custom region needs an explicit base URI.", nameof(region));
        }

        return uri;
    }

    /// <summary>
    /// Checks a user-supplied base URI. Plain http is allowed only to loopback, so an API key is never
    /// sent in clear text over a network. The result always ends with a slash so relative paths append.
    /// </summary>
    /// <exception cref="MergeConfigurationException">The URI is not absolute, not http(s), or plain
    /// http to a host that is not loopback.</exception>
    public static Uri NormalizeBaseUri(string text)
    {
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new MergeConfigurationException(
                MergeErrorIds.InvalidBaseUri,
                $"'{text}' is not an absolute http or https URI.",
                "Pass a base URI such as https://api.merge.dev/api, or use -Region.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new MergeConfigurationException(
                MergeErrorIds.InsecureBaseUri,
                $"Plain http is allowed only to loopback addresses; '{uri.Host}' is not one.",
                "Use https, or a 127.0.0.1/localhost address for a local emulator.");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new MergeConfigurationException(
                MergeErrorIds.InvalidBaseUri,
                $"The base URI '{text}' must not carry a query or fragment.",
                "Pass only scheme, host, port and path, for example https://api.merge.dev/api.");
        }

        string withSlash = uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        return new Uri(withSlash);
    }

    public static bool TryParseRegion(string? text, out MergeRegion region)
    {
        region = MergeRegion.US;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        switch (text!.Trim().ToUpperInvariant())
        {
            case "US": region = MergeRegion.US; return true;
            case "EU": region = MergeRegion.EU; return true;
            case "APAC": case "AP": case "APSE1": region = MergeRegion.APAC; return true;
            case "SANDBOX": region = MergeRegion.Sandbox; return true;
            default: return false;
        }
    }
}
