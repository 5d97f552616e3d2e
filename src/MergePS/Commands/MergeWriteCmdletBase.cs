using System.Collections.Generic;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using MergePS.Client;
using MergePS.Models;

namespace MergePS.Commands;

/// <summary>
/// Shared behaviour of the generated New-/Update- cmdlets: builds <c>{"model": {...}}</c> from
/// -Model plus the typed parameters given, asks ShouldProcess, sends once, and turns Merge's
/// envelope into pipeline output, warnings, errors and verbose log lines.
/// </summary>
public abstract class MergeWriteCmdletBase<T> : MergeApiCmdletBase
    where T : class
{
    /// <summary>Fields to send besides the typed parameters (a hashtable or an object), including
    /// integration-specific ones; typed parameters win where both name a field.</summary>
    [Parameter]
    [ValidateNotNull]
    public object? Model { get; set; }

    /// <summary>Asks Merge for debug log links (is_debug_mode).</summary>
    [Parameter]
    public SwitchParameter IsDebugMode { get; set; }

    /// <summary>Lets Merge write to the third party asynchronously (run_async).</summary>
    [Parameter]
    public SwitchParameter RunAsync { get; set; }

    protected abstract HttpMethod Method { get; }

    /// <summary>Path relative to /api; <c>{id}</c> is replaced by <see cref="TargetId"/>.</summary>
    protected abstract string PathTemplate { get; }

    /// <summary>For writes that answer with Merge's envelope.</summary>
    protected virtual JsonTypeInfo<WriteEnvelope<T>>? EnvelopeTypeInfo => null;

    /// <summary>For writes that answer with the bare record (e.g. CRM association updates).</summary>
    protected virtual JsonTypeInfo<T>? PlainTypeInfo => null;

    /// <summary>False for actions whose body is the fields themselves, not <c>{"model": ...}</c>.</summary>
    protected virtual bool WrapBody => true;

    /// <summary>False for actions that take no body at all.</summary>
    protected virtual bool HasBody => true;

    /// <summary>Fills path parameters other than the record id.</summary>
    protected virtual string ExpandPath(string template) => template;

    /// <summary>What ShouldProcess shows, e.g. "Create Candidate".</summary>
    protected abstract string ActionDescription { get; }

    protected virtual string? TargetId => null;

    protected virtual string? RemoteUserIdValue => null;

    /// <summary>Copies the bound typed parameters into the model object.</summary>
    protected abstract void AddFields(JsonObject model);

    protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        JsonObject body;
        try
        {
            body = BuildBody();
        }
        catch (MergeException ex)
        {
            WriteError(ToErrorRecord(ex, Model));
            return;
        }

        string path = ExpandPath(PathTemplate);
        path = TargetId is { } id ? path.Replace("{id}", System.Uri.EscapeDataString(id.Trim())) : path;
        string target = TargetId ?? ("linked account " + (AccountToken is not null ? "given by -AccountToken" : Account is { Length: > 0 } ? Account[0] : ResolvedSession.CurrentAccountName));
        if (!ShouldProcess(target, ActionDescription))
        {
            return;
        }

        var query = new QueryString().Add("is_debug_mode", IsDebugMode.IsPresent).Add("run_async", RunAsync.IsPresent);
        string json = body.ToJsonString();
        var request = new MergeRequest(Method, path, query)
        {
            AccountToken = token,
            Content = HasBody ? () => new StringContent(json, Encoding.UTF8, "application/json") : null,
        };
        try
        {
            if (PlainTypeInfo is { } plain)
            {
                WriteObject(Run(ct => ResolvedSession.Client.SendAsync(request, plain, Log, ct)));
            }
            else
            {
                WriteEnvelope<T> envelope = Run(ct => ResolvedSession.Client.SendAsync(request, EnvelopeTypeInfo!, Log, ct));
                Report(envelope, TargetId);
            }
        }
        catch (MergeApiException ex) when (EnvelopeTypeInfo is not null && RejectedEnvelope(ex) is { } rejected)
        {
            // Merge refuses a write with 400 and the same envelope: each of its errors becomes its own
            // record, with the problem type and the field pointer, like the errors of an accepted write.
            WriteError(ToErrorRecord(ex, TargetId ?? (object?)Model));
            Report(rejected, TargetId);
        }
        catch (MergeException ex)
        {
            ReportError(ex, TargetId ?? (object?)Model);
        }
    }

    private WriteEnvelope<T>? RejectedEnvelope(MergeApiException ex)
    {
        if (ex.ErrorId != MergeErrorIds.BadRequest || string.IsNullOrWhiteSpace(ex.ResponseBody))
        {
            return null;
        }

        try
        {
            WriteEnvelope<T>? envelope = System.Text.Json.JsonSerializer.Deserialize(ex.ResponseBody!, EnvelopeTypeInfo!);
            return envelope?.Errors is { Count: > 0 } || envelope?.Warnings is { Count: > 0 } ? envelope : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private JsonObject BuildBody()
    {
        var model = Model is null ? new JsonObject() : PSJson.ToNode(Model) as JsonObject
            ?? throw new MergeConfigurationException(
                MergeErrorIds.InvalidArgument, "-Model must be a hashtable or an object with properties.", "Pass @{ field = value }.");
        AddFields(model);
        if (!WrapBody)
        {
            return model;
        }

        var body = new JsonObject { ["model"] = model };
        if (RemoteUserIdValue is { } remoteUser)
        {
            body["remote_user_id"] = remoteUser;
        }

        return body;
    }

    /// <summary>Merge's warnings become warning records, its errors error records, its logs verbose lines.</summary>
    protected void Report(WriteEnvelope<T> envelope, object? target)
    {
        foreach (MergeProblem warning in envelope.Warnings ?? new List<MergeProblem>())
        {
            WriteWarning(warning.ToString());
        }

        foreach (MergeDebugLog log in envelope.Logs ?? new List<MergeDebugLog>())
        {
            WriteVerbose("Merge log: " + log);
        }

        foreach (MergeProblem error in envelope.Errors ?? new List<MergeProblem>())
        {
            var exception = new MergeConfigurationException(
                MergeErrorIds.WriteProblem,
                error.ToString(),
                "Fix the field named by the pointer; Get-MergeWriteSchema shows what the linked account accepts.");
            var record = new ErrorRecord(exception, MergeErrorIds.WriteProblem + "." + (error.ProblemType ?? "ERROR"), ErrorCategory.InvalidData, error.Source?.Pointer ?? target)
            {
                ErrorDetails = new ErrorDetails(error.ToString()) { RecommendedAction = exception.RecommendedAction },
            };
            WriteError(record);
        }

        if (envelope.Model is not null)
        {
            WriteObject(envelope.Model);
        }
    }
}
