namespace MergePS.Client;

/// <summary>Where the core reports what it does. The cmdlet layer queues these and writes them to
/// PowerShell's streams on the pipeline thread. Messages never contain secrets.</summary>
public interface IMergeLog
{
    void Verbose(string message);

    void Debug(string message);

    void Warning(string message);
}

/// <summary>Discards everything; for callers that do not listen.</summary>
public sealed class NullMergeLog : IMergeLog
{
    public static readonly NullMergeLog Instance = new();

    public void Verbose(string message)
    {
    }

    public void Debug(string message)
    {
    }

    public void Warning(string message)
    {
    }
}
