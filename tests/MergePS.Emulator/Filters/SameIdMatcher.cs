using System;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>A parameter about the record with the same id in another model: download request
/// metadata is filtered by its file's mime type and timestamps.</summary>
public sealed class SameIdMatcher : Matcher
{
    private readonly string _model;
    private readonly Matcher _inner;
    private readonly int _id;

    public SameIdMatcher(string model, Matcher inner, int idIndex)
    {
        _model = model;
        _inner = inner;
        _id = idIndex;
    }

    public override bool AcceptsList => _inner.AcceptsList;

    public override string Describe => "the " + _model + " with the same id has " + _inner.Describe;

    public override Func<Row, bool>? Bind(string param, string raw, BindContext ctx)
    {
        Func<Row, bool>? inner = _inner.Bind(param, raw, ctx);
        Table? table = ctx.Data.Table(_model);
        if (inner is null || table is null)
        {
            return null;
        }

        int index = _id;
        return row => row.Values[index] is string id && table.Find(id) is { } other && inner(other);
    }
}
