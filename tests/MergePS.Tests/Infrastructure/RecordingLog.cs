using System.Collections.Generic;
using System.Linq;

using MergePS.Client;

namespace MergePS.Tests.Infrastructure;

/// <summary>Keeps every message the core reports, per stream.</summary>
public sealed class RecordingLog : IMergeLog
{
    private readonly List<(string Stream, string Message)> _entries = new();

    public IReadOnlyList<string> VerboseMessages => Messages("verbose");

    public IReadOnlyList<string> DebugMessages => Messages("debug");

    public IReadOnlyList<string> WarningMessages => Messages("warning");

    /// <summary>Everything reported, whatever the stream.</summary>
    public string AllText
    {
        get
        {
            lock (_entries)
            {
                return string.Join("\n", _entries.Select(e => e.Message));
            }
        }
    }

    public void Verbose(string message) => Add("verbose", message);

    public void Debug(string message) => Add("debug", message);

    public void Warning(string message) => Add("warning", message);

    private void Add(string stream, string message)
    {
        lock (_entries)
        {
            _entries.Add((stream, message));
        }
    }

    private List<string> Messages(string stream)
    {
        lock (_entries)
        {
            return _entries.Where(e => e.Stream == stream).Select(e => e.Message).ToList();
        }
    }
}
