using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MergePS.Client;

namespace MergePS.Commands;

/// <summary>
/// Shared behaviour of the generated Save-Merge* cmdlets: streams a file's bytes to disk in chunks,
/// never holding the file in memory, with a byte-count progress bar.
/// </summary>
public abstract class MergeDownloadCmdletBase : MergeApiCmdletBase
{
    private const int BufferSize = 81920;

    /// <summary>The id of the file to download.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = null!;

    /// <summary>A file path, or an existing folder to save into under the file's own name.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>Overwrites an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected abstract string PathTemplate { get; }

    protected abstract void BuildQuery(QueryString query);

    /// <summary>The name to use when -Path is a folder: a Name property of the piped record, if any.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        var query = new QueryString();
        BuildQuery(query);
        var request = new MergeRequest(HttpMethod.Get, PathTemplate.Replace("{id}", Uri.EscapeDataString(Id.Trim())), query)
        {
            AccountToken = ResolveAccountToken(),
        };

        string target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        string? written = null;
        var progress = new ProgressRecord(0x4d44, "Downloading " + Id, "Starting");
        long received = 0;
        long? total = null;
        try
        {
            Task download = ResolvedSession.Client.DownloadAsync(
                request,
                async (body, length, serverName, token) =>
                {
                    total = length;
                    string file = Directory.Exists(target)
                        ? System.IO.Path.Combine(target, SafeName(Name ?? serverName ?? Id))
                        : target;
                    if (File.Exists(file) && !Force)
                    {
                        throw new MergeConfigurationException(
                            MergeErrorIds.InvalidArgument, $"'{file}' exists.", "Pass -Force to overwrite it, or choose another path.");
                    }

                    string partial = file + ".partial";
                    using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
                    {
                        byte[] buffer = new byte[BufferSize];
                        int read;
                        while ((read = await body.ReadAsync(buffer, 0, buffer.Length, token).ConfigureAwait(false)) > 0)
                        {
                            await output.WriteAsync(buffer, 0, read, token).ConfigureAwait(false);
                            Interlocked.Add(ref received, read);
                        }
                    }

                    // Only a complete download takes the final name, so a stopped one never looks finished.
                    if (File.Exists(file))
                    {
                        File.Delete(file);
                    }

                    File.Move(partial, file);
                    written = file;
                },
                Log,
                CancelToken);

            var clock = Stopwatch.StartNew();
            while (!((IAsyncResult)download).AsyncWaitHandle.WaitOne(200))
            {
                DrainLog();
                long done = Interlocked.Read(ref received);
                progress.StatusDescription = total is long size
                    ? string.Format(CultureInfo.CurrentCulture, "{0:N0} of {1:N0} bytes", done, size)
                    : string.Format(CultureInfo.CurrentCulture, "{0:N0} bytes", done);
                progress.PercentComplete = total is long all && all > 0 ? (int)Math.Min(100, done * 100 / all) : -1;
                if (clock.Elapsed > TimeSpan.FromMilliseconds(500))
                {
                    WriteProgress(progress);
                }
            }

            DrainLog();
            download.GetAwaiter().GetResult();
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            WriteObject(new FileInfo(written!));
        }
        catch (OperationCanceledException) when (CancelToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (MergeException ex)
        {
            ReportError(ex, Id);
        }
        catch (IOException ex)
        {
            WriteError(new ErrorRecord(ex, MergeErrorIds.FileWriteFailed, ErrorCategory.WriteError, target));
        }
        catch (UnauthorizedAccessException ex)
        {
            WriteError(new ErrorRecord(ex, MergeErrorIds.FileWriteFailed, ErrorCategory.PermissionDenied, target));
        }
    }

    private static string SafeName(string name)
    {
        foreach (char invalid in System.IO.Path.GetInvalidFileNameChars())
        {
            name = name.Replace(invalid, '_');
        }

        return name;
    }
}
