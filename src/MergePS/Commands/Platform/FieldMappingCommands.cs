using System;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Text.Json;
using MergePS.Client;
using MergePS.Json;
using MergePS.Platform;

namespace MergePS.Commands;

/// <summary>Get-MergeFieldMapping: the linked account's field mappings, one object per mapping with its CommonModel.</summary>
[Cmdlet(VerbsCommon.Get, "MergeFieldMapping")]
[OutputType(typeof(FieldMappingApiInstance))]
public sealed class GetMergeFieldMappingCommand : MergePlatformCmdletBase
{
    /// <summary>Only the mappings of these Common Models (e.g. Employee).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? CommonModel { get; set; }

    /// <summary>Leaves out the remote fields' key names and schemas (a faster answer).</summary>
    [Parameter]
    public SwitchParameter ExcludeRemoteFieldMetadata { get; set; }

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        var query = new QueryString().Add("exclude_remote_field_metadata", ExcludeRemoteFieldMetadata.IsPresent);
        var request = new MergeRequest(HttpMethod.Get, MergePlatform.PathFor(category, "field-mappings"), query) { AccountToken = token };
        WriteByModel(Send(request, PlatformJsonContext.Default.FieldMappingApiInstanceResponse, AccountTarget()), CommonModel);
    }
}

/// <summary>New-MergeFieldMapping: maps a third-party field onto a target field of a Common Model for the linked account.</summary>
[Cmdlet(VerbsCommon.New, "MergeFieldMapping", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FieldMappingApiInstance))]
public sealed class NewMergeFieldMappingCommand : MergePlatformCmdletBase
{
    /// <summary>The Common Model the field belongs to (e.g. Employee).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string CommonModelName { get; set; } = null!;

    /// <summary>The name of the target field to map to.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string TargetFieldName { get; set; } = null!;

    /// <summary>The description of the target field.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string TargetFieldDescription { get; set; } = null!;

    /// <summary>The path to the remote field, as Get-MergeRemoteField lists it (remote_endpoint_info.field_traversal_path).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public object[] RemoteFieldTraversalPath { get; set; } = null!;

    /// <summary>The HTTP method of the remote endpoint the field comes from (e.g. GET).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string RemoteMethod { get; set; } = null!;

    /// <summary>The path of the remote endpoint the field comes from.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string RemoteUrlPath { get; set; } = null!;

    /// <summary>A JMESPath expression applied to the remote value.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? JmesPath { get; set; }

    /// <summary>An advanced mapping expression.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AdvancedMappingExpression { get; set; }

    /// <summary>The id of an organization-wide target field to map to.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OrganizationWideTargetField { get; set; }

    /// <summary>Makes the mapping apply to every linked account of the integration.</summary>
    [Parameter]
    public SwitchParameter IntegrationWide { get; set; }

    /// <summary>Leaves out the remote field's key name and schema in the answer.</summary>
    [Parameter]
    public SwitchParameter ExcludeRemoteFieldMetadata { get; set; }

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        var body = new CreateFieldMappingRequest
        {
            TargetFieldName = TargetFieldName,
            TargetFieldDescription = TargetFieldDescription,
            RemoteFieldTraversalPath = RemoteFieldTraversalPath.Select(FieldMappingJson.Element).ToList(),
            RemoteMethod = RemoteMethod.ToUpperInvariant(),
            RemoteUrlPath = RemoteUrlPath,
            CommonModelName = CommonModelName,
            JmesPath = JmesPath,
            AdvancedMappingExpression = AdvancedMappingExpression,
            OrganizationWideTargetField = OrganizationWideTargetField,
            IsIntegrationWide = IntegrationWide.IsPresent ? true : null,
        };
        if (!ShouldProcess(AccountTarget(), $"Map {RemoteMethod.ToUpperInvariant()} {RemoteUrlPath} onto {CommonModelName}.{TargetFieldName}"))
        {
            return;
        }

        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        string json = JsonSerializer.Serialize(body, PlatformJsonContext.Default.CreateFieldMappingRequest);
        var query = new QueryString().Add("exclude_remote_field_metadata", ExcludeRemoteFieldMetadata.IsPresent);
        var request = new MergeRequest(HttpMethod.Post, MergePlatform.PathFor(category, "field-mappings"), query)
        {
            AccountToken = token,
            Content = JsonContent(json),
        };
        if (Send(request, PlatformJsonContext.Default.FieldMappingInstanceResponse, TargetFieldName) is { } response)
        {
            ReportProblems(response.Warnings, response.Errors, response.Logs, TargetFieldName);
            if (response.Model is not null)
            {
                WriteObject(FieldMappingJson.WithModel(response.Model, CommonModelName));
            }
        }
    }
}

/// <summary>Update-MergeFieldMapping: changes where a field mapping reads its remote value.</summary>
[Cmdlet(VerbsData.Update, "MergeFieldMapping", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FieldMappingApiInstance))]
public sealed class UpdateMergeFieldMappingCommand : MergePlatformCmdletBase
{
    /// <summary>The field mapping's id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = null!;

    /// <summary>The new path to the remote field.</summary>
    [Parameter]
    [ValidateNotNull]
    public object[]? RemoteFieldTraversalPath { get; set; }

    /// <summary>The HTTP method of the remote endpoint.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RemoteMethod { get; set; }

    /// <summary>The path of the remote endpoint.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RemoteUrlPath { get; set; }

    /// <summary>A JMESPath expression applied to the remote value.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? JmesPath { get; set; }

    /// <summary>An advanced mapping expression.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AdvancedMappingExpression { get; set; }

    /// <summary>How many records Merge reads to fetch remote data for the mapping (250 when not given).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? RemoteDataIterationCount { get; set; }

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        var body = new PatchedEditFieldMappingRequest
        {
            RemoteFieldTraversalPath = RemoteFieldTraversalPath?.Select(FieldMappingJson.Element).ToList(),
            RemoteMethod = RemoteMethod?.ToUpperInvariant(),
            RemoteUrlPath = RemoteUrlPath,
            JmesPath = JmesPath,
            AdvancedMappingExpression = AdvancedMappingExpression,
        };
        if (!ShouldProcess("field mapping " + Id, "Update the field mapping"))
        {
            return;
        }

        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        string json = JsonSerializer.Serialize(body, PlatformJsonContext.Default.PatchedEditFieldMappingRequest);
        var query = new QueryString().Add("remote_data_iteration_count", RemoteDataIterationCount);
        var request = new MergeRequest(new HttpMethod("PATCH"), MergePlatform.PathFor(category, "field-mappings/" + Uri.EscapeDataString(Id.Trim())), query)
        {
            AccountToken = token,
            Content = JsonContent(json),
        };
        if (Send(request, PlatformJsonContext.Default.FieldMappingInstanceResponse, Id) is { } response)
        {
            ReportProblems(response.Warnings, response.Errors, response.Logs, Id);
            if (response.Model is not null)
            {
                WriteObject(response.Model);
            }
        }
    }
}

/// <summary>Remove-MergeFieldMapping: deletes a field mapping (the account's next sync then reads all data again).</summary>
[Cmdlet(VerbsCommon.Remove, "MergeFieldMapping", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(FieldMappingApiInstance))]
public sealed class RemoveMergeFieldMappingCommand : MergePlatformCmdletBase
{
    /// <summary>The field mapping's id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = null!;

    /// <summary>Writes the deleted mapping when Merge returns it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Deletes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        if (!ShouldProcessUnlessForced(Force, "field mapping " + Id, "Delete the field mapping (the next sync reads all data again)"))
        {
            return;
        }

        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        var request = new MergeRequest(HttpMethod.Delete, MergePlatform.PathFor(category, "field-mappings/" + Uri.EscapeDataString(Id.Trim()))) { AccountToken = token };

        // Merge documents 204 with the deleted mapping as a body; HTTP clients drop a 204's body, so it is
        // read when it arrives and not required.
        if (SendRaw(request, Id) is not { } response)
        {
            return;
        }

        WriteVerbose($"Deleted field mapping {Id}.");
        if (PassThru && response.Body.Trim().Length > 0)
        {
            try
            {
                if (JsonSerializer.Deserialize(response.Body, PlatformJsonContext.Default.FieldMappingInstanceResponse)?.Model is { } model)
                {
                    WriteObject(model);
                }
            }
            catch (JsonException ex)
            {
                WriteVerbose("The deletion's answer was not a field mapping: " + ex.Message);
            }
        }
    }
}

/// <summary>Get-MergeRemoteField: the third-party fields that can be mapped, one object per field with its CommonModel.</summary>
[Cmdlet(VerbsCommon.Get, "MergeRemoteField")]
[OutputType(typeof(RemoteFieldAPI))]
public sealed class GetMergeRemoteFieldCommand : MergePlatformCmdletBase
{
    /// <summary>Only the remote fields of these Common Models (e.g. Employee).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? CommonModel { get; set; }

    /// <summary>Includes example values from the linked accounts' data, where Merge has them.</summary>
    [Parameter]
    public SwitchParameter IncludeExampleValues { get; set; }

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        var query = new QueryString()
            .Add("common_models", CommonModel)
            .Add("include_example_values", IncludeExampleValues.IsPresent);
        var request = new MergeRequest(HttpMethod.Get, MergePlatform.PathFor(category, "remote-fields"), query) { AccountToken = token };
        WriteByModel(Send(request, PlatformJsonContext.Default.RemoteFieldAPIResponse, AccountTarget()), CommonModel);
    }
}

/// <summary>Get-MergeTargetField: the organization-wide target fields of the category, one object per field with its CommonModel.</summary>
[Cmdlet(VerbsCommon.Get, "MergeTargetField")]
[OutputType(typeof(ExternalTargetFieldAPI))]
public sealed class GetMergeTargetFieldCommand : MergePlatformCmdletBase
{
    /// <summary>Only the target fields of these Common Models (e.g. Employee).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? CommonModel { get; set; }

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        var request = new MergeRequest(HttpMethod.Get, MergePlatform.PathFor(category, "target-fields")) { AccountToken = token };
        WriteByModel(Send(request, PlatformJsonContext.Default.ExternalTargetFieldAPIResponse, AccountTarget()), CommonModel);
    }
}

/// <summary>New-MergeTargetField: adds an organization-wide target field to a Common Model of the category.</summary>
[Cmdlet(VerbsCommon.New, "MergeTargetField", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ExternalTargetFieldAPI))]
public sealed class NewMergeTargetFieldCommand : MergePlatformCmdletBase
{
    /// <summary>The Common Model to add the field to (e.g. Employee).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string CommonModel { get; set; } = null!;

    /// <summary>The target field's name.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = null!;

    /// <summary>What the field holds.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Description { get; set; }

    protected override bool AccountScoped => true;

    protected override void ProcessRecord()
    {
        SecureString? token = ResolveAccountToken();
        if (!ShouldProcess($"{CommonModel}.{Name}", "Create an organization-wide target field"))
        {
            return;
        }

        if (ResolveCategory(token) is not { } category)
        {
            return;
        }

        var body = new CreateTargetFieldRequest { Name = Name, Description = Description, CommonModel = CommonModel };
        string json = JsonSerializer.Serialize(body, PlatformJsonContext.Default.CreateTargetFieldRequest);
        var request = new MergeRequest(HttpMethod.Post, MergePlatform.PathFor(category, "target-fields"))
        {
            AccountToken = token,
            Content = JsonContent(json),
        };

        // Merge answers with every target field; the one created is written.
        if (Send(request, PlatformJsonContext.Default.ExternalTargetFieldAPIResponse, Name) is { } fields)
        {
            foreach (var entry in fields.Where(e => string.Equals(e.Key, CommonModel, StringComparison.OrdinalIgnoreCase)))
            {
                foreach (ExternalTargetFieldAPI field in entry.Value.Where(f => string.Equals(f.Name, Name, StringComparison.Ordinal)))
                {
                    WriteObject(FieldMappingJson.WithModel(field, entry.Key));
                }
            }
        }
    }
}

/// <summary>Small JSON helpers of the field-mapping cmdlets.</summary>
internal static class FieldMappingJson
{
    /// <summary>A traversal path step (a key or an index) as JSON.</summary>
    public static JsonElement Element(object step)
    {
        object value = step is PSObject wrapped ? wrapped.BaseObject : step;
        string json = value switch
        {
            int or long or short or byte => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
            _ => JsonSerializer.Serialize(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, PlatformJsonContext.Default.String),
        };
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static PSObject WithModel(object item, string commonModel)
    {
        PSObject wrapped = PSObject.AsPSObject(item);
        wrapped.Properties.Add(new PSNoteProperty("CommonModel", commonModel));
        return wrapped;
    }
}
