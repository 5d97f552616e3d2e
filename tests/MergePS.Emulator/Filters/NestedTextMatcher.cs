using System;
using System.Collections.Generic;
using System.Linq;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>A value found in a nested object list, e.g. email_addresses=a@x.com on a contact whose
/// email_addresses hold {"email_address": "a@x.com", ...}.</summary>
public sealed class NestedTextMatcher : Matcher
{
    private readonly FieldSchema _field;

    public NestedTextMatcher(FieldSchema field) => _field = field;

    public override bool AcceptsList => true;

    public override string Describe => _field.Name + "[*] has a text field in value (comma list)";

    public override Func<Row, bool>? Bind(string param, string raw, BindContext ctx)
    {
        var wanted = new HashSet<string>(QueryValues.List(raw), StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return null;
        }

        int index = _field.Index;
        return row => Deferred.Resolve(row.Values[index]) switch
        {
            object?[] items => items.Any(i => i is Row r && r.Values.Any(v => v is string s && wanted.Contains(s))),
            Row r => r.Values.Any(v => v is string s && wanted.Contains(s)),
            _ => false,
        };
    }
}
