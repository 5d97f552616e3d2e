using System;
using System.Collections.Generic;
using System.Linq;

namespace MergePS.Emulator.Control;

/// <summary>Every /api request since the last clear, in arrival order, for tests to inspect.</summary>
public sealed class RequestLog
{
    /// <summary>Bounds memory in long benchmark runs; the oldest entries go first.</summary>
    public const int Capacity = 100_000;

    private readonly object _lock = new();
    private readonly LinkedList<RequestLogEntry> _entries = new();

    public void Add(RequestLogEntry entry)
    {
        lock (_lock)
        {
            _entries.AddLast(entry);
            if (_entries.Count > Capacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_lock)
        {
            return _entries.ToList();
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }
}

public sealed class RequestLogEntry
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public required string Query { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    public string? Body { get; init; }

    /// <summary>Set just before the response starts, so the entry is complete once a client sees it.</summary>
    public int Status { get; set; }

    public DateTime Time { get; init; }
}
