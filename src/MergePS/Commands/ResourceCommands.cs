using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MergePS.Client;
using MergePS.Models;

namespace MergePS.Commands;

/// <summary>Base of the cmdlets that take -Resource: resolves the resource's operations.</summary>
public abstract class MergeResourceCmdletBase : MergeApiCmdletBase
{
    /// <summary>The resource by its cmdlet noun: Employee, Candidate, CrmContact, Invoice, ...</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ResourceCompleter))]
    public string Resource { get; set; } = null!;

    protected override bool AccountScoped => true;

    protected ResourceOperations? Resolve(Func<ResourceOperations, string?> operation, string what)
    {
        try
        {
            return ResourceTable.Find(Resource, operation, what);
        }
        catch (MergeException ex)
        {
            WriteError(ToErrorRecord(ex, Resource));
            return null;
        }
    }

    protected object? Send(MergeRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo typeInfo, object? target)
    {
        try
        {
            return Run(ct => ResolvedSession.Client.SendAsync(request, typeInfo, Log, ct));
        }
        catch (MergeException ex)
        {
            ReportError(ex, target);
            return null;
        }
    }

    protected static void AddExtra(QueryString query, IDictionary? extra)
    {
        if (extra is null)
        {
            return;
        }

        foreach (DictionaryEntry entry in extra)
        {
            object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            string? text = value switch
            {
                null => null,
                bool b => b ? "true" : "false",
                DateTime d => QueryString.FormatDateTime(d),
                IEnumerable sequence and not string => string.Join(",", Enumerate(sequence)),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            query.Add(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, text);
        }
    }

    private static IEnumerable<string> Enumerate(IEnumerable sequence)
    {
        foreach (object? item in sequence)
        {
            yield return Convert.ToString(item, CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }
}

/// <summary>Get-MergeWriteSchema: what a linked account accepts when creating (or, with -Id, updating) a record.</summary>
[Cmdlet(VerbsCommon.Get, "MergeWriteSchema")]
[OutputType(typeof(MergeModel))]
public sealed class GetMergeWriteSchemaCommand : MergeResourceCmdletBase
{
    /// <summary>The record to be updated; without it the schema is the one for creating.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    /// <summary>Extra query parameters some schemas take (e.g. @{ collection_id = '...' }), and the parent
    /// of schemas under one (@{ custom_object_class_id = '...' }).</summary>
    [Parameter]
    public Hashtable? Parameter { get; set; }

    protected override void ProcessRecord()
    {
        ResourceOperations? resource = Id is null
            ? Resolve(r => r.MetaPost, "write schema for creating")
            : Resolve(r => r.MetaPatch, "write schema for updating");
        if (resource is null)
        {
            return;
        }

        string path = Id is null ? resource.MetaPost! : resource.MetaPatch!.Replace("{id}", Uri.EscapeDataString(Id.Trim()));

        // Schemas under a parent (custom-object-classes/{custom_object_class_id}/...) take the parent
        // from -Parameter; what fills the path is not sent as a query parameter too.
        Hashtable? extra = Parameter is null ? null : new Hashtable(Parameter, StringComparer.OrdinalIgnoreCase);
        foreach (System.Text.RegularExpressions.Match placeholder in System.Text.RegularExpressions.Regex.Matches(path, @"\{(\w+)\}"))
        {
            string name = placeholder.Groups[1].Value;
            string? value = extra is not null && extra.ContainsKey(name) ? Convert.ToString(extra[name], CultureInfo.InvariantCulture) : null;
            if (string.IsNullOrWhiteSpace(value))
            {
                WriteError(ToErrorRecord(new MergeConfigurationException(
                    MergeErrorIds.InvalidArgument,
                    $"The write schema of {resource.Noun} belongs to one {name}.",
                    $"Pass -Parameter @{{ {name} = '<id>' }}."), Resource));
                return;
            }

            path = path.Replace(placeholder.Value, Uri.EscapeDataString(value!.Trim()));
            extra!.Remove(name);
        }

        var query = new QueryString();
        AddExtra(query, extra);
        var request = new MergeRequest(HttpMethod.Get, path, query) { AccountToken = ResolveAccountToken() };
        object? schema = Send(request, resource.MetaType!, Id ?? Resource);
        if (schema is not null)
        {
            WriteObject(schema);
        }
    }
}

/// <summary>Get-MergeRemoteFieldClass: the third-party fields a resource carries, custom ones included.</summary>
[Cmdlet(VerbsCommon.Get, "MergeRemoteFieldClass")]
[OutputType(typeof(MergeModel))]
public sealed class GetMergeRemoteFieldClassCommand : MergeResourceCmdletBase
{
    [Parameter]
    public bool? IsCommonModelField { get; set; }

    [Parameter]
    public bool? IsCustom { get; set; }

    [Parameter]
    [ValidateRange(1, 100)]
    public int? PageSize { get; set; }

    /// <summary>Extra query parameters the endpoint takes.</summary>
    [Parameter]
    public Hashtable? Parameter { get; set; }

    protected override void ProcessRecord()
    {
        ResourceOperations? resource = Resolve(r => r.RemoteFieldClasses, "remote field classes");
        if (resource is null)
        {
            return;
        }

        var query = new QueryString()
            .Add("is_common_model_field", IsCommonModelField)
            .Add("is_custom", IsCustom)
            .Add("page_size", PageSize ?? 100);
        AddExtra(query, Parameter);
        var token = ResolveAccountToken();
        string? cursor = null;
        do
        {
            QueryString pageQuery = query.Clone().Add("cursor", cursor);
            var request = new MergeRequest(HttpMethod.Get, resource.RemoteFieldClasses!, pageQuery) { AccountToken = token };
            if (Send(request, resource.RemoteFieldClassPage!, Resource) is not IPage page)
            {
                return;
            }

            foreach (object item in page.Items)
            {
                WriteObject(item);
            }

            cursor = page.Next;
        }
        while (!string.IsNullOrEmpty(cursor));
    }
}

/// <summary>Hide-MergeRecord: asks Merge to ignore a record (its fields are emptied and it is no longer synced).</summary>
[Cmdlet(VerbsCommon.Hide, "MergeRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class HideMergeRecordCommand : MergeResourceCmdletBase
{
    private static readonly string[] s_reasons = { "GENERAL_CUSTOMER_REQUEST", "GDPR", "OTHER" };

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = null!;

    /// <summary>Why: GENERAL_CUSTOMER_REQUEST, GDPR or OTHER.</summary>
    [Parameter(Mandatory = true)]
    [ValidateSet("GENERAL_CUSTOMER_REQUEST", "GDPR", "OTHER", IgnoreCase = true)]
    public string Reason { get; set; } = null!;

    /// <summary>A note kept with the request (at most 256 characters).</summary>
    [Parameter]
    [ValidateLength(1, 256)]
    public string? Message { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        ResourceOperations? resource = Resolve(r => r.Ignore, "ignore operation");
        if (resource is null)
        {
            return;
        }

        if (!Force && !ShouldProcess($"{resource.Noun} {Id}", "Ignore in Merge (fields emptied, no further sync)"))
        {
            return;
        }

        var body = new JsonObject { ["reason"] = Canonical(Reason, s_reasons) };
        if (Message is not null)
        {
            body["message"] = Message;
        }

        string json = body.ToJsonString();
        var request = new MergeRequest(HttpMethod.Post, resource.Ignore!.Replace("{model_id}", Uri.EscapeDataString(Id.Trim())))
        {
            AccountToken = ResolveAccountToken(),
            Content = () => new StringContent(json, Encoding.UTF8, "application/json"),
        };
        try
        {
            Run(ct => ResolvedSession.Client.SendAsync(request, Log, ct));
            WriteVerbose($"{resource.Noun} {Id} is now ignored by Merge.");
        }
        catch (MergeException ex)
        {
            ReportError(ex, Id);
        }
    }
}

/// <summary>Start-MergeBulkCreate: sends many records in one asynchronous batch (Accounting).</summary>
[Cmdlet(VerbsLifecycle.Start, "MergeBulkCreate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MergeModel))]
public sealed class StartMergeBulkCreateCommand : MergeResourceCmdletBase
{
    private readonly List<JsonNode?> _items = new();

    /// <summary>The records: hashtables or objects with the resource's write fields. Piped items are
    /// collected and sent as one batch.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public object[] Item { get; set; } = null!;

    protected override void ProcessRecord()
    {
        foreach (object item in Item)
        {
            try
            {
                _items.Add(PSJson.ToNode(item));
            }
            catch (MergeException ex)
            {
                WriteError(ToErrorRecord(ex, item));
            }
        }
    }

    protected override void EndProcessing()
    {
        ResourceOperations? resource = Resolve(r => r.BulkCreate, "bulk create");
        if (resource is null || _items.Count == 0)
        {
            return;
        }

        if (!ShouldProcess($"{_items.Count} {resource.Noun} records", "Bulk create"))
        {
            return;
        }

        var batch = new JsonArray();
        for (int i = 0; i < _items.Count; i++)
        {
            // Merge matches results to inputs by item_id; a caller-supplied one is kept.
            JsonNode? item = _items[i];
            if (item is JsonObject obj && obj.ContainsKey("payload"))
            {
                batch.Add(obj);
            }
            else
            {
                batch.Add(new JsonObject { ["item_id"] = (i + 1).ToString(CultureInfo.InvariantCulture), ["payload"] = item });
            }
        }

        string json = new JsonObject { ["batch_items"] = batch }.ToJsonString();
        var request = new MergeRequest(HttpMethod.Post, resource.BulkCreate!)
        {
            AccountToken = ResolveAccountToken(),
            Content = () => new StringContent(json, Encoding.UTF8, "application/json"),
        };
        object? accepted = Send(request, resource.BulkCreateType!, Resource);
        if (accepted is not null)
        {
            WriteObject(accepted);
        }
    }
}

/// <summary>Get-MergeBulkCreateStatus: the state of a bulk batch; -Wait polls until it finishes.</summary>
[Cmdlet(VerbsCommon.Get, "MergeBulkCreateStatus")]
[OutputType(typeof(MergeModel))]
public sealed class GetMergeBulkCreateStatusCommand : MergeResourceCmdletBase
{
    private static readonly HashSet<string> s_finished = new(StringComparer.OrdinalIgnoreCase) { "SUCCESS", "PARTIAL_SUCCESS", "FAILED" };

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string BatchId { get; set; } = null!;

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    [ValidateRange(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    [Parameter]
    [ValidateRange(1, 86400)]
    public int TimeoutSeconds { get; set; } = 600;

    protected override void ProcessRecord()
    {
        ResourceOperations? resource = Resolve(r => r.BulkStatus, "bulk status");
        if (resource is null)
        {
            return;
        }

        var deadline = DateTime.UtcNow.AddSeconds(TimeoutSeconds);
        var token = ResolveAccountToken();
        while (true)
        {
            var request = new MergeRequest(HttpMethod.Get, resource.BulkStatus!.Replace("{batch_id}", Uri.EscapeDataString(BatchId.Trim())))
            {
                AccountToken = token,
            };
            object? status = Send(request, resource.BulkStatusType!, BatchId);
            if (status is null)
            {
                return;
            }

            string? state = (status as MergeModel)?.GetType().GetProperty("Status")?.GetValue(status) as string;
            if (!Wait || state is null || s_finished.Contains(state) || DateTime.UtcNow >= deadline)
            {
                WriteObject(status);
                return;
            }

            WriteProgress(new ProgressRecord(0x4d42, "Bulk create " + BatchId, "Status: " + state));
            Run(ct => Task.Delay(TimeSpan.FromSeconds(PollSeconds), ct));
        }
    }
}
