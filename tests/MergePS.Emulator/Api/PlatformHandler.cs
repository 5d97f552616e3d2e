using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MergePS.Catalog;
using MergePS.Emulator.Accounts;
using MergePS.Emulator.Data;
using MergePS.Emulator.Filters;
using MergePS.Emulator.Serialization;

namespace MergePS.Emulator.Api;

/// <summary>The platform endpoints: linked-accounts, account-details, delete-account and account-token/regenerate
/// here; the others in PlatformHandler.Operations.cs.</summary>
public sealed partial class PlatformHandler
{
    private readonly AccountRegistry _accounts;
    private readonly DataStore _store;

    public PlatformHandler(AccountRegistry accounts, DataStore store)
    {
        _accounts = accounts;
        _store = store;
    }

    /// <summary>All of the organization's accounts whatever the category in the path, filtered as §6.2 lists.</summary>
    public Task LinkedAccounts(ApiRequest request)
    {
        IEnumerable<LinkedAccount> accounts = _accounts.All;
        string? Q(string name) => request.Query(name) is { Length: > 0 } v ? v : null;
        if (Q("category") is { } category)
        {
            accounts = accounts.Where(a => a.Category == category);
        }

        if (Q("end_user_email_address") is { } email)
        {
            accounts = accounts.Where(a => a.EndUserEmailAddress == email);
        }

        if (Q("end_user_organization_name") is { } org)
        {
            accounts = accounts.Where(a => a.EndUserOrganizationName == org);
        }

        if (Q("end_user_origin_id") is { } origin)
        {
            accounts = accounts.Where(a => a.EndUserOriginId == origin);
        }

        if (Q("end_user_origin_ids") is { } origins)
        {
            var set = QueryValues.List(origins).ToHashSet(StringComparer.Ordinal);
            accounts = accounts.Where(a => set.Contains(a.EndUserOriginId));
        }

        if (Q("id") is { } id)
        {
            accounts = accounts.Where(a => a.Id == id);
        }

        if (Q("ids") is { } ids)
        {
            var set = QueryValues.List(ids).ToHashSet(StringComparer.Ordinal);
            accounts = accounts.Where(a => set.Contains(a.Id));
        }

        if (Q("integration_name") is { } integration)
        {
            accounts = accounts.Where(a => a.IntegrationName == integration);
        }

        if (Q("status") is { } status)
        {
            accounts = accounts.Where(a => a.Status == status);
        }

        // Seeded accounts are production accounts: "is_test_account" asks for test ones only.
        if (Q("is_test_account") is { } test && QueryValues.Flag(test))
        {
            accounts = Enumerable.Empty<LinkedAccount>();
        }

        List<LinkedAccount> list = accounts.ToList();
        string? sizeText = request.Query("page_size");
        int size = Paging.MaxPageSize;
        if (sizeText is not null && (!int.TryParse(sizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out size) || size < 1))
        {
            return JsonResponse.FieldErrors(request.Http, new Dictionary<string, List<string>> { ["page_size"] = new() { "A valid integer is required." } });
        }

        size = Math.Min(size, Paging.MaxPageSize);
        if (!Cursor.TryDecode(request.Query("cursor"), out int start))
        {
            return JsonResponse.Detail(request.Http, 404, "Invalid cursor");
        }

        start = Math.Clamp(start, 0, list.Count);
        return JsonResponse.Write(request.Http, 200, w =>
        {
            w.WriteStartObject();
            if (start + size < list.Count)
            {
                w.WriteString("next", Cursor.Encode(start + size));
            }
            else
            {
                w.WriteNull("next");
            }

            if (start > 0)
            {
                w.WriteString("previous", Cursor.Encode(Math.Max(0, start - size)));
            }
            else
            {
                w.WriteNull("previous");
            }

            w.WriteStartArray("results");
            foreach (LinkedAccount account in list.Skip(start).Take(size))
            {
                WriteAccount(w, account, detailed: true);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public Task AccountDetails(ApiRequest request) =>
        JsonResponse.Write(request.Http, 200, w => WriteAccount(w, request.Account!, detailed: false));

    public Task DeleteAccount(ApiRequest request)
    {
        _accounts.Delete(request.Account!);
        _accounts.Platform.AddAudit("DELETED_LINKED_ACCOUNT", "Deleted linked account " + request.Account!.Id + ".");
        return JsonResponse.Empty(request.Http, 200);
    }

    public Task RegenerateToken(ApiRequest request)
    {
        LinkedAccount renewed = _accounts.Regenerate(request.Account!);
        return JsonResponse.Write(request.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("linked_account_id", renewed.Id);
            w.WriteString("account_token", renewed.Token);
            w.WriteEndObject();
        });
    }

    /// <summary>AccountDetailsAndActions (detailed) or AccountDetails.</summary>
    private void WriteAccount(Utf8JsonWriter w, LinkedAccount a, bool detailed)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        if (detailed)
        {
            w.WriteString("category", a.Category);
            w.WriteString("status", a.Status);
            w.WriteString("status_detail", string.Empty);
            w.WriteString("end_user_origin_id", a.EndUserOriginId);
            w.WriteString("end_user_organization_name", a.EndUserOrganizationName);
            w.WriteString("end_user_email_address", a.EndUserEmailAddress);
            w.WriteNull("subdomain");
            w.WriteString("webhook_listener_url", "https://api.merge.dev/api/integrations/webhook-listener/" + a.Id.Replace("-", string.Empty, StringComparison.Ordinal));
            w.WriteBoolean("is_duplicate", false);
            w.WriteStartObject("integration");
            w.WriteString("name", a.IntegrationName);
            w.WriteStartArray("categories");
            w.WriteStringValue(a.Category);
            w.WriteEndArray();
            w.WriteString("image", "https://merge-api-production.s3.amazonaws.com/media/" + a.IntegrationSlug + ".png");
            w.WriteString("square_image", "https://merge-api-production.s3.amazonaws.com/media/" + a.IntegrationSlug + "-square.png");
            w.WriteString("color", a.IntegrationColor);
            w.WriteString("slug", a.IntegrationSlug);
            w.WriteBoolean("passthrough_available", true);
            WriteModelOperations(w, a.Category);
            w.WriteEndObject();
            w.WriteString("account_type", "PRODUCTION");
            w.WritePropertyName("completed_at");
            RowWriter.WriteDate(w, a.CompletedAt, false);
            w.WriteNull("integration_specific_fields");
        }
        else
        {
            w.WriteString("integration", a.IntegrationName);
            w.WriteString("integration_slug", a.IntegrationSlug);
            w.WriteString("category", a.Category);
            w.WriteString("end_user_origin_id", a.EndUserOriginId);
            w.WriteString("end_user_organization_name", a.EndUserOrganizationName);
            w.WriteString("end_user_email_address", a.EndUserEmailAddress);
            w.WriteString("status", a.Status);
            w.WriteString("webhook_listener_url", "https://api.merge.dev/api/integrations/webhook-listener/" + a.Id.Replace("-", string.Empty, StringComparison.Ordinal));
            w.WriteBoolean("is_duplicate", false);
            w.WriteString("account_type", "PRODUCTION");
            w.WritePropertyName("completed_at");
            RowWriter.WriteDate(w, a.CompletedAt, false);
        }

        w.WriteEndObject();
    }

    /// <summary>What the integration supports, from the catalogue: FETCH for lists, CREATE/UPDATE for writes.</summary>
    private void WriteModelOperations(Utf8JsonWriter w, string category)
    {
        w.WriteStartArray("available_model_operations");
        if (_store.Categories.TryGetValue(category, out CategoryRuntime? runtime))
        {
            foreach (Resource resource in runtime.Catalog.Resources)
            {
                var ops = new List<string>();
                if (resource.Operations.Any(o => o.Kind == OperationKinds.List))
                {
                    ops.Add("FETCH");
                }

                if (resource.Operations.Any(o => o.Kind == OperationKinds.Create))
                {
                    ops.Add("CREATE");
                }

                if (resource.Operations.Any(o => o.Kind == OperationKinds.PartialUpdate))
                {
                    ops.Add("UPDATE");
                }

                w.WriteStartObject();
                w.WriteString("model_name", resource.Model);
                w.WriteStartArray("available_operations");
                ops.ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteStartArray("required_post_parameters");
                w.WriteEndArray();
                w.WriteStartArray("supported_fields");
                if (runtime.Schema(resource.Model) is { } schema)
                {
                    foreach (FieldSchema field in schema.Fields.Where(f => f.Index != schema.Id && !f.ReadOnly))
                    {
                        w.WriteStringValue(field.Name);
                    }
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }
}
