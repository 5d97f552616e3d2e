using System;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Filters;

/// <summary>How one query parameter selects rows of one model. <see cref="Describe"/> is what
/// /_emulator/filters shows.</summary>
public abstract class Matcher
{
    public abstract string Describe { get; }

    /// <summary>The value bound when the parameter is absent; null means "absent, no filter".</summary>
    public virtual string? DefaultValue => null;

    /// <summary>True when the value is a comma list, so repeated parameters can be joined.</summary>
    public virtual bool AcceptsList => false;

    /// <summary>A predicate for the raw value; null when the value means "no filter".</summary>
    public abstract Func<Row, bool>? Bind(string param, string raw, BindContext ctx);
}
