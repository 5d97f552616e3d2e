using System;
using System.Collections.Generic;
using System.Globalization;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding;

/// <summary>Collects child records created at times that follow their parent (a time-off request
/// is created after its employee), with the usual ~2% deleted and a few shells at the end.</summary>
public sealed class RowSink
{
    private readonly List<Row> _rows = new();
    private readonly Rng _rng;
    private readonly DateTime _anchor;
    private readonly string _prefix;

    public RowSink(Binder binder, Rng rng, DateTime anchor, string remotePrefix)
    {
        Binder = binder;
        _rng = rng;
        _anchor = anchor;
        _prefix = remotePrefix;
    }

    public Binder Binder { get; }

    public ModelSchema Schema => Binder.Schema;

    public int Count => _rows.Count;

    public Row New(DateTime created, bool? deleted = null)
    {
        created = RowFactory.Second(created > _anchor ? _anchor.AddMinutes(-_rng.Between(1, 600)) : created);
        DateTime modified = _rng.Chance(0.4) ? created : RowFactory.Second(created + ((_anchor - created) * _rng.NextDouble()));
        string remoteId = _prefix + (100000 + _rows.Count).ToString(CultureInfo.InvariantCulture);
        Row row = RowFactory.NewRow(Schema, _rng.Uuid(), remoteId, created, modified, deleted ?? _rng.Chance(0.02));
        _rows.Add(row);
        return row;
    }

    public RowSet Finish(int shells)
    {
        for (int i = 0; i < shells; i++)
        {
            DateTime at = RowFactory.Second(_anchor.AddHours(-_rng.Between(1, 200)));
            _rows.Add(RowFactory.NewShell(Schema, _rng.Uuid(), _prefix + "SHELL-" + (i + 1), at, at));
        }

        Row[] all = _rows.ToArray();
        return new RowSet(all, all);
    }
}
