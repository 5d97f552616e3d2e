using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MergePS.CatalogBuilder;

/// <summary>
/// A spec document as a plain tree: <see cref="YMap"/> for mappings (keys in document order),
/// <see cref="List{T}"/> of nodes for sequences, <see cref="string"/> for scalars and null for a plain
/// <c>null</c>/<c>~</c>/empty scalar. Scalars are never converted to booleans or numbers, so YAML 1.1
/// surprises (<c>NO</c> as false) cannot happen.
/// </summary>
public sealed class YMap
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);
    private readonly List<string> _keys = new();

    public IReadOnlyList<string> Keys => _keys;

    public object? this[string key] => _values.TryGetValue(key, out object? value) ? value : null;

    public bool Has(string key) => _values.ContainsKey(key);

    public void Set(string key, object? value)
    {
        if (!_values.ContainsKey(key))
        {
            _keys.Add(key);
        }

        _values[key] = value;
    }

    public YMap? Map(string key) => this[key] as YMap;

    public List<object?>? Seq(string key) => this[key] as List<object?>;

    public string? Str(string key) => this[key] as string;

    public bool Flag(string key) => string.Equals(Str(key), "true", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<KeyValuePair<string, object?>> Entries()
    {
        foreach (string key in _keys)
        {
            yield return new KeyValuePair<string, object?>(key, _values[key]);
        }
    }
}

public static class YamlTree
{
    public static YMap Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        if (stream.Documents.Count == 0 || Convert(stream.Documents[0].RootNode) is not YMap root)
        {
            throw new InvalidDataException($"{path}: not a YAML mapping.");
        }

        return root;
    }

    private static object? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var map = new YMap();
                foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
                {
                    string key = entry.Key is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : entry.Key.ToString();
                    map.Set(key, Convert(entry.Value));
                }

                return map;
            case YamlSequenceNode sequence:
                var list = new List<object?>();
                foreach (YamlNode child in sequence.Children)
                {
                    list.Add(Convert(child));
                }

                return list;
            case YamlScalarNode scalar:
                if (scalar.Style == ScalarStyle.Plain
                    && (scalar.Value is null || scalar.Value.Length == 0 || scalar.Value is "null" or "Null" or "NULL" or "~"))
                {
                    return null;
                }

                return scalar.Value ?? string.Empty;
            default:
                return null;
        }
    }
}
