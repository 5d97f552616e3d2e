using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MergePS.Client;

namespace MergePS.Commands;

/// <summary>
/// Owns cancellation (Ctrl+C cancels every request in flight), runs the async core on the pipeline
/// thread while relaying its log, and turns core exceptions into ErrorRecords.
/// </summary>
public abstract class MergeCmdletBase : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly QueueLog _log = new();

    protected CancellationToken CancelToken => _cancellation.Token;

    /// <summary>The core's log; drained to Verbose, Debug and Warning on the pipeline thread.</summary>
    protected IMergeLog Log => _log;

    /// <summary>Dates go to Merge as plain ISO dates.</summary>
    public static string? FormatDate(DateTime? value) =>
        value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Accepts a value in any case and sends the spelling the API documents; unknown values
    /// pass through unchanged, since Merge adds values over time.</summary>
    protected static string? Canonical(string? value, string[] known)
    {
        if (value is null)
        {
            return null;
        }

        foreach (string candidate in known)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return value;
    }

    protected static string[]? Canonical(string[]? values, string[] known)
    {
        if (values is null)
        {
            return null;
        }

        var result = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = Canonical(values[i], known) ?? values[i];
        }

        return result;
    }

    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>
    /// Waits for core work without blocking the relay of its messages; a Ctrl+C surfaces as
    /// PipelineStoppedException so the pipeline ends cleanly.
    /// </summary>
    protected T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        Task<T> task = Task.Run(() => work(CancelToken), CancelToken);
        while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(50))
        {
            DrainLog();
        }

        DrainLog();
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancelToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Waits for work that is already running (a prefetch, a fan-out), relaying its log.</summary>
    protected T Await<T>(Task<T> task)
    {
        while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(50))
        {
            DrainLog();
        }

        DrainLog();
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancelToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    protected void Run(Func<CancellationToken, Task> work) =>
        Run<bool>(async token =>
        {
            await work(token).ConfigureAwait(false);
            return true;
        });

    protected void DrainLog()
    {
        while (_log.Messages.TryDequeue(out (QueueLog.Kind Kind, string Text) message))
        {
            switch (message.Kind)
            {
                case QueueLog.Kind.Verbose: WriteVerbose(message.Text); break;
                case QueueLog.Kind.Debug: WriteDebug(message.Text); break;
                default: WriteWarning(message.Text); break;
            }
        }
    }

    /// <summary>The ErrorRecord for any core exception: stable id, category, target and advice.</summary>
    protected static ErrorRecord ToErrorRecord(MergeException exception, object? target)
    {
        ErrorCategory category = exception switch
        {
            MergeApiException api => CategoryOf(api),
            _ => exception.ErrorId switch
            {
                MergeErrorIds.NotConnected => ErrorCategory.ConnectionError,
                MergeErrorIds.NoAccount or MergeErrorIds.UnknownAccount => ErrorCategory.InvalidOperation,
                MergeErrorIds.InvalidApiKey or MergeErrorIds.InvalidAccountToken => ErrorCategory.AuthenticationError,
                MergeErrorIds.InsecureBaseUri => ErrorCategory.SecurityError,
                MergeErrorIds.MissingEnvironment => ErrorCategory.ObjectNotFound,
                _ => ErrorCategory.InvalidArgument,
            },
        };

        var record = new ErrorRecord(exception, exception.ErrorId, category, target)
        {
            ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = RecommendedAction(exception) },
        };
        return record;
    }

    /// <summary>For errors that are not the core's: a bad argument the cmdlet itself rejects.</summary>
    protected static ErrorRecord ArgumentError(string errorId, string message, string action, object? target)
        => ToErrorRecord(new MergeConfigurationException(errorId, message, action), target);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cancellation.Dispose();
        }
    }

    private static string RecommendedAction(MergeException exception) =>
        exception is MergeApiException { Cursor: { } cursor }
            ? exception.RecommendedAction + " To resume this listing where it failed, run the same command with -Cursor '" + cursor + "'."
            : exception.RecommendedAction;

    private static ErrorCategory CategoryOf(MergeApiException api) => api.ErrorId switch
    {
        MergeErrorIds.Unauthorized => ErrorCategory.AuthenticationError,
        MergeErrorIds.Forbidden => ErrorCategory.PermissionDenied,
        MergeErrorIds.NotFound => ErrorCategory.ObjectNotFound,
        MergeErrorIds.BadRequest => ErrorCategory.InvalidArgument,
        MergeErrorIds.RateLimited => ErrorCategory.LimitsExceeded,
        MergeErrorIds.Timeout => ErrorCategory.OperationTimeout,
        MergeErrorIds.ConnectionFailed => ErrorCategory.ConnectionError,
        MergeErrorIds.ServerError => ErrorCategory.ResourceUnavailable,
        MergeErrorIds.InvalidResponse => ErrorCategory.InvalidResult,
        MergeErrorIds.Redirected => ErrorCategory.SecurityError,
        _ => ErrorCategory.NotSpecified,
    };

    private sealed class QueueLog : IMergeLog
    {
        public enum Kind
        {
            Verbose,
            Debug,
            Warning,
        }

        public ConcurrentQueue<(Kind, string)> Messages { get; } = new();

        public void Verbose(string message) => Messages.Enqueue((Kind.Verbose, message));

        public void Debug(string message) => Messages.Enqueue((Kind.Debug, message));

        public void Warning(string message) => Messages.Enqueue((Kind.Warning, message));
    }
}
