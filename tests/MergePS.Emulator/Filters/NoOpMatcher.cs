using System;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>Accepted and deliberately without effect (documented in the override table).</summary>
public sealed class NoOpMatcher : Matcher
{
    private readonly string _why;

    public NoOpMatcher(string why) => _why = why;

    public override string Describe => "no effect: " + _why;

    public override Func<Row, bool>? Bind(string param, string raw, BindContext ctx) => null;
}
