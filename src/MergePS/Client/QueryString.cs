using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MergePS.Client;

/// <summary>Query parameters in the encoding Merge documents: booleans as true/false, datetimes as
/// ISO 8601 UTC, lists comma-joined.</summary>
public sealed class QueryString
{
    private readonly List<KeyValuePair<string, string>> _pairs = new();

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public QueryString Add(string name, string? value)
    {
        if (value is not null)
        {
            Set(name, value);
        }

        return this;
    }

    public QueryString Add(string name, bool value)
    {
        if (value)
        {
            Set(name, "true");
        }

        return this;
    }

    public QueryString Add(string name, bool? value)
    {
        if (value.HasValue)
        {
            Set(name, value.Value ? "true" : "false");
        }

        return this;
    }

    public QueryString Add(string name, int? value)
    {
        if (value.HasValue)
        {
            Set(name, value.Value.ToString(CultureInfo.InvariantCulture));
        }

        return this;
    }

    public QueryString Add(string name, long? value)
    {
        if (value.HasValue)
        {
            Set(name, value.Value.ToString(CultureInfo.InvariantCulture));
        }

        return this;
    }

    public QueryString Add(string name, decimal? value)
    {
        if (value.HasValue)
        {
            Set(name, value.Value.ToString(CultureInfo.InvariantCulture));
        }

        return this;
    }

    /// <summary>A DateTime of unspecified kind is taken as local time, as PowerShell users type it.</summary>
    public QueryString Add(string name, DateTime? value)
    {
        if (value.HasValue)
        {
            Set(name, FormatDateTime(value.Value));
        }

        return this;
    }

    public QueryString Add(string name, DateTimeOffset? value)
    {
        if (value.HasValue)
        {
            Set(name, value.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        }

        return this;
    }

    public QueryString Add(string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return this;
        }

        string joined = string.Join(",", values);
        if (joined.Length > 0)
        {
            Set(name, joined);
        }

        return this;
    }

    public string? Get(string name)
    {
        foreach (KeyValuePair<string, string> pair in _pairs)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public QueryString Clone()
    {
        var copy = new QueryString();
        copy._pairs.AddRange(_pairs);
        return copy;
    }

    public static string FormatDateTime(DateTime value)
    {
        DateTime utc = value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    public override string ToString()
    {
        if (_pairs.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (KeyValuePair<string, string> pair in _pairs)
        {
            builder.Append(builder.Length == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(pair.Key))
                .Append('=')
                .Append(Uri.EscapeDataString(pair.Value));
        }

        return builder.ToString();
    }

    private void Set(string name, string value)
    {
        for (int i = 0; i < _pairs.Count; i++)
        {
            if (_pairs[i].Key == name)
            {
                _pairs[i] = new KeyValuePair<string, string>(name, value);
                return;
            }
        }

        _pairs.Add(new KeyValuePair<string, string>(name, value));
    }
}
