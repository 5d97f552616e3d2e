using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MergePS.Catalog;
using MergePS.Emulator.Accounts;
using MergePS.Emulator.Data;
using MergePS.Emulator.Filters;
using MergePS.Emulator.Routing;

namespace MergePS.Emulator.Api;

/// <summary>
/// The platform endpoints beyond the account basics (reference §6): link and account tokens, issues, audit
/// trail, available actions, scopes, field mappings, remote and target fields, sync status and resync,
/// passthrough (sync and async), API keys, webhook receivers and Calendar's linked-account patch.
/// </summary>
public sealed partial class PlatformHandler
{
    private static readonly string[] s_passthroughMethods = { "GET", "OPTIONS", "HEAD", "POST", "PUT", "PATCH", "DELETE" };

    private PlatformState State => _accounts.Platform;

    public Task Handle(ApiRequest request)
    {
        string operation = request.Operation.Kind.Substring(PlatformOperations.KindPrefix.Length);
        return operation switch
        {
            "POST link-token" => LinkToken(request),
            "GET account-token/{public_token}" => ExchangePublicToken(request),
            "GET issues" => Issues(request),
            "GET issues/{id}" => Issue(request),
            "GET audit-trail" => AuditTrail(request),
            "GET available-actions" => AvailableActions(request),
            "GET default-scopes" => Write(request, 200, Scopes(request.Category, null)),
            "GET linked-account-scopes" => Write(request, 200, Scopes(request.Category, State.For(request.Account!))),
            "POST linked-account-scopes" => SetScopes(request),
            "GET field-mappings" => FieldMappings(request),
            "POST field-mappings" => CreateFieldMapping(request),
            "PATCH field-mappings/{field_mapping_id}" => UpdateFieldMapping(request),
            "DELETE field-mappings/{field_mapping_id}" => DeleteFieldMapping(request),
            "GET remote-fields" => RemoteFields(request),
            "GET target-fields" => Write(request, 200, TargetFields(request)),
            "POST target-fields" => CreateTargetField(request),
            "GET sync-status" => SyncStatus(request),
            "POST sync-status/resync" => Resync(request),
            "POST passthrough" => Passthrough(request),
            "POST async-passthrough" => AsyncPassthrough(request),
            "GET async-passthrough/{async_passthrough_receipt_id}" => AsyncPassthroughResult(request),
            "POST generate-key" => Key(request, regenerate: false),
            "POST regenerate-key" => Key(request, regenerate: true),
            "GET webhook-receivers" => WebhookReceivers(request),
            "POST webhook-receivers" => CreateWebhookReceiver(request),
            "PATCH linked-accounts/{linked_account_id}" => PatchLinkedAccount(request),
            _ => JsonResponse.Detail(request.Http, 404, "Not found."),
        };
    }

    // ------------------------------------------------------------------ link and account tokens

    /// <summary>POST link-token: validates the end user details like DRF and remembers them for the Link the control API completes.</summary>
    private Task LinkToken(ApiRequest request)
    {
        if (Body(request, out JsonObject body) is { } invalid)
        {
            return invalid;
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string field in new[] { "end_user_email_address", "end_user_organization_name", "end_user_origin_id" })
        {
            string? value = Text(body, field);
            if (string.IsNullOrEmpty(value))
            {
                errors[field] = new List<string> { value is null ? "This field is required." : "This field may not be blank." };
            }
            else if (value.Length > 100)
            {
                errors[field] = new List<string> { "Ensure this field has no more than 100 characters." };
            }
        }

        if (body["categories"] is not JsonArray categories || categories.Count == 0)
        {
            errors["categories"] = new List<string> { body["categories"] is null ? "This field is required." : "This list may not be empty." };
        }

        if (body["link_expiry_mins"] is JsonValue expiry && (!expiry.TryGetValue(out int minutes) || minutes < 30 || minutes > 10080))
        {
            errors["link_expiry_mins"] = new List<string> { "Ensure this value is between 30 and 10080." };
        }

        if (errors.Count > 0)
        {
            return JsonResponse.FieldErrors(request.Http, errors);
        }

        string token = "link-" + RandomToken(16);
        string? slug = Text(body, "integration");
        string? integrationName = null;
        if (slug is not null)
        {
            foreach (JsonNode? category in (JsonArray)body["categories"]!)
            {
                if (Integrations.For(category?.GetValue<string>() ?? string.Empty, slug) is { } known)
                {
                    integrationName = known.Name;
                    break;
                }
            }

            integrationName ??= slug;
        }

        lock (State.Lock)
        {
            State.LinkTokens[token] = (JsonObject)body.DeepClone();
        }

        bool magic = body["should_create_magic_link_url"] is JsonValue m && m.TryGetValue(out bool wanted) && wanted;
        return Write(request, 200, new JsonObject
        {
            ["link_token"] = token,
            ["integration_name"] = integrationName,
            ["magic_link_url"] = magic ? "https://app.merge.dev/linking-flow/magic-link/" + token : null,
        });
    }

    /// <summary>GET account-token/{public_token}: a public token from a completed Link, once.</summary>
    private Task ExchangePublicToken(ApiRequest request)
    {
        LinkedAccount? account;
        lock (State.Lock)
        {
            State.PublicTokens.Remove(request.PathValues["public_token"], out account);
        }

        // The account may have been deleted since Link completed.
        if (account is null || _accounts.Find(account.Token) is null)
        {
            return JsonResponse.Detail(request.Http, 404, "Not found.");
        }

        return Write(request, 200, new JsonObject
        {
            ["account_token"] = account.Token,
            ["integration"] = AccountIntegration(account),
            ["id"] = account.Id,
        });
    }

    // ------------------------------------------------------------------ issues, audit trail, actions

    private Task Issues(ApiRequest request)
    {
        IEnumerable<IssueRecord> issues;
        lock (State.Lock)
        {
            issues = State.Issues.ToList();
        }

        string? Q(string name) => request.Query(name) is { Length: > 0 } v ? v : null;
        if (Q("account_token") is { } token)
        {
            string? id = _accounts.Find(token)?.Id;
            issues = issues.Where(i => i.Account.Id == id);
        }

        if (Q("linked_account_id") is { } linked)
        {
            issues = issues.Where(i => i.Account.Id == linked);
        }

        if (Q("status") is { } status)
        {
            issues = issues.Where(i => i.Status == status);
        }

        if (Q("integration_name") is { } integration)
        {
            issues = issues.Where(i => string.Equals(i.Account.IntegrationName, integration, StringComparison.OrdinalIgnoreCase));
        }

        if (Q("end_user_organization_name") is { } organization)
        {
            issues = issues.Where(i => i.Account.EndUserOrganizationName == organization);
        }

        if (!QueryValues.Flag(Q("include_muted")))
        {
            issues = issues.Where(i => !i.IsMuted);
        }

        // start_date / end_date: the most recent action, i.e. the last incident.
        foreach ((string name, Func<IssueRecord, DateTime> of, bool after) in new (string, Func<IssueRecord, DateTime>, bool)[]
        {
            ("start_date", i => i.LastIncident, true), ("end_date", i => i.LastIncident, false),
            ("first_incident_time_after", i => i.FirstIncident, true), ("first_incident_time_before", i => i.FirstIncident, false),
            ("last_incident_time_after", i => i.LastIncident, true), ("last_incident_time_before", i => i.LastIncident, false),
        })
        {
            if (Q(name) is { } text)
            {
                if (!QueryValues.TryDateTime(text, out DateTime at))
                {
                    return JsonResponse.FieldErrors(request.Http, new Dictionary<string, List<string>> { [name] = new() { "Enter a valid date/time." } });
                }

                issues = after ? issues.Where(i => of(i) > at) : issues.Where(i => of(i) < at);
            }
        }

        return Page(request, issues.OrderByDescending(i => i.LastIncident).Select(IssueJson).ToList());
    }

    private Task Issue(ApiRequest request)
    {
        IssueRecord? issue;
        lock (State.Lock)
        {
            issue = State.Issues.FirstOrDefault(i => i.Id == request.PathValues["id"]);
        }

        return issue is null ? JsonResponse.Detail(request.Http, 404, "Not found.") : Write(request, 200, IssueJson(issue));
    }

    private static JsonObject IssueJson(IssueRecord issue) => new()
    {
        ["id"] = issue.Id,
        ["status"] = issue.Status,
        ["error_description"] = issue.ErrorDescription,
        ["end_user"] = new JsonObject
        {
            ["end_user_origin_id"] = issue.Account.EndUserOriginId,
            ["end_user_organization_name"] = issue.Account.EndUserOrganizationName,
            ["end_user_email_address"] = issue.Account.EndUserEmailAddress,
            ["linked_account_id"] = issue.Account.Id,
            ["integration_name"] = issue.Account.IntegrationName,
        },
        ["first_incident_time"] = Iso(issue.FirstIncident),
        ["last_incident_time"] = Iso(issue.LastIncident),
        ["is_muted"] = issue.IsMuted,
        ["error_details"] = new JsonArray(issue.Details.Select(d => (JsonNode?)d).ToArray()),
    };

    private Task AuditTrail(ApiRequest request)
    {
        IEnumerable<AuditRecord> events;
        lock (State.Lock)
        {
            events = State.AuditTrail.ToList();
        }

        string? Q(string name) => request.Query(name) is { Length: > 0 } v ? v : null;
        if (Q("event_type") is { } type)
        {
            events = events.Where(e => e.EventType == type);
        }

        if (Q("user_email") is { } email)
        {
            events = events.Where(e => string.Equals(e.UserEmail, email, StringComparison.OrdinalIgnoreCase));
        }

        foreach ((string name, bool after) in new[] { ("start_date", true), ("end_date", false) })
        {
            if (Q(name) is { } text)
            {
                if (!QueryValues.TryDateTime(text, out DateTime at))
                {
                    return JsonResponse.FieldErrors(request.Http, new Dictionary<string, List<string>> { [name] = new() { "Enter a valid date/time." } });
                }

                events = after ? events.Where(e => e.CreatedAt > at) : events.Where(e => e.CreatedAt < at);
            }
        }

        return Page(request, events.OrderByDescending(e => e.CreatedAt).Select(e => new JsonObject
        {
            ["id"] = e.Id,
            ["user_name"] = e.UserName,
            ["user_email"] = e.UserEmail,
            ["role"] = e.Role,
            ["ip_address"] = e.IpAddress,
            ["event_type"] = e.EventType,
            ["event_description"] = e.Description,
            ["created_at"] = Iso(e.CreatedAt),
        }).ToList());
    }

    private Task AvailableActions(ApiRequest request) => JsonResponse.Write(request.Http, 200, w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("integration");
        AccountIntegration(request.Account!).WriteTo(w);
        w.WriteBoolean("passthrough_available", true);
        WriteModelOperations(w, request.Account!.Category);
        w.WriteEndObject();
    });

    // ------------------------------------------------------------------ scopes

    /// <summary>Every Common Model of the category: readable, writable when it can be created, every field
    /// enabled; a linked account's own settings override per model.</summary>
    private static JsonObject Scopes(CategoryRuntime category, AccountPlatformData? account)
    {
        var models = new JsonArray();
        foreach (Resource resource in Resources(category))
        {
            var scope = new JsonObject
            {
                ["model_name"] = resource.Model,
                ["model_permissions"] = new JsonObject
                {
                    ["READ"] = new JsonObject { ["is_enabled"] = true },
                    ["WRITE"] = new JsonObject { ["is_enabled"] = resource.Operations.Any(o => o.Kind == OperationKinds.Create) },
                },
                ["field_permissions"] = new JsonObject
                {
                    ["enabled_fields"] = new JsonArray(FieldNames(category, resource.Model).Select(f => (JsonNode?)f).ToArray()),
                    ["disabled_fields"] = new JsonArray(),
                },
            };
            if (account is not null && account.Scopes.TryGetValue(resource.Model, out JsonObject? own))
            {
                if (own["model_permissions"] is JsonObject permissions)
                {
                    foreach (var (action, value) in permissions)
                    {
                        ((JsonObject)scope["model_permissions"]!)[action] = value?.DeepClone();
                    }
                }

                if (own["field_permissions"] is JsonObject fields)
                {
                    var disabled = new HashSet<string>(Strings(fields["disabled_fields"]), StringComparer.Ordinal);
                    var enabled = FieldNames(category, resource.Model).Where(f => !disabled.Contains(f)).ToList();
                    scope["field_permissions"] = new JsonObject
                    {
                        ["enabled_fields"] = new JsonArray(enabled.Select(f => (JsonNode?)f).ToArray()),
                        ["disabled_fields"] = new JsonArray(disabled.OrderBy(f => f, StringComparer.Ordinal).Select(f => (JsonNode?)f).ToArray()),
                    };
                }
            }

            models.Add(scope);
        }

        return new JsonObject { ["common_models"] = models };
    }

    private Task SetScopes(ApiRequest request)
    {
        if (Body(request, out JsonObject body) is { } invalid)
        {
            return invalid;
        }

        if (body["common_models"] is not JsonArray models)
        {
            return JsonResponse.FieldErrors(request.Http, new Dictionary<string, List<string>> { ["common_models"] = new() { "This field is required." } });
        }

        var known = Resources(request.Category).Select(r => r.Model).ToHashSet(StringComparer.Ordinal);
        var updates = new List<(string Model, JsonObject Scope)>();
        foreach (JsonNode? item in models)
        {
            string? name = item is JsonObject o ? Text(o, "model_name") : null;
            if (name is null || !known.Contains(name))
            {
                return JsonResponse.FieldErrors(request.Http, new Dictionary<string, List<string>>
                {
                    ["common_models"] = new() { $"'{name}' is not a Common Model of {request.Category.Name}." },
                });
            }

            var fields = FieldNames(request.Category, name).ToHashSet(StringComparer.Ordinal);
            JsonObject scope = (JsonObject)item!;
            foreach (string field in Strings(scope["field_permissions"]?["enabled_fields"]).Concat(Strings(scope["field_permissions"]?["disabled_fields"])))
            {
                if (!fields.Contains(field))
                {
                    return JsonResponse.FieldErrors(request.Http, new Dictionary<string, List<string>>
                    {
                        ["common_models"] = new() { $"'{field}' is not a field of {name}." },
                    });
                }
            }

            updates.Add((name, (JsonObject)scope.DeepClone()));
        }

        AccountPlatformData data = State.For(request.Account!);
        lock (State.Lock)
        {
            foreach ((string model, JsonObject scope) in updates)
            {
                data.Scopes[model] = scope;
            }

            State.AddAudit("CREATED_LINKED_ACCOUNT_COMMON_MODEL_OVERRIDE", "Set the scopes of " + string.Join(", ", updates.Select(u => u.Model)) + " for linked account " + request.Account!.Id + ".");
        }

        return Write(request, 200, Scopes(request.Category, data));
    }

    // ------------------------------------------------------------------ field mappings, remote and target fields

    private Task FieldMappings(ApiRequest request)
    {
        bool exclude = request.Flag("exclude_remote_field_metadata");
        var result = new JsonObject();
        List<JsonObject> mappings;
        lock (State.Lock)
        {
            mappings = State.For(request.Account!).FieldMappings.ToList();
        }

        foreach (Resource resource in Resources(request.Category))
        {
            result[resource.Model] = new JsonArray(mappings
                .Where(m => Text(m, "common_model_name") == resource.Model)
                .Select(m => (JsonNode?)MappingJson(m, exclude))
                .ToArray());
        }

        return Write(request, 200, result);
    }

    private Task CreateFieldMapping(ApiRequest request)
    {
        if (Body(request, out JsonObject body) is { } invalid)
        {
            return invalid;
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string field in new[] { "target_field_name", "target_field_description", "remote_method", "remote_url_path", "common_model_name" })
        {
            if (string.IsNullOrEmpty(Text(body, field)))
            {
                errors[field] = new List<string> { "This field is required." };
            }
        }

        if (body["remote_field_traversal_path"] is not JsonArray)
        {
            errors["remote_field_traversal_path"] = new List<string> { "This field is required." };
        }

        string? model = Text(body, "common_model_name");
        if (model is not null && !Resources(request.Category).Any(r => r.Model == model))
        {
            errors["common_model_name"] = new List<string> { $"'{model}' is not a Common Model of {request.Category.Name}." };
        }

        if (errors.Count > 0)
        {
            return JsonResponse.FieldErrors(request.Http, errors);
        }

        var mapping = (JsonObject)body.DeepClone();
        mapping["id"] = Guid.NewGuid().ToString();
        lock (State.Lock)
        {
            State.For(request.Account!).FieldMappings.Add(mapping);
            State.AddAudit("CREATED_LINKED_ACCOUNT_FIELD_MAPPING", $"Mapped {Text(body, "remote_url_path")} onto {model}.{Text(body, "target_field_name")} for linked account {request.Account!.Id}.");
        }

        return Write(request, 201, Envelope(MappingJson(mapping, request.Flag("exclude_remote_field_metadata"))));
    }

    private Task UpdateFieldMapping(ApiRequest request)
    {
        if (Body(request, out JsonObject body) is { } invalid)
        {
            return invalid;
        }

        JsonObject? mapping;
        lock (State.Lock)
        {
            mapping = State.For(request.Account!).FieldMappings.FirstOrDefault(m => Text(m, "id") == request.PathValues["field_mapping_id"]);
            if (mapping is not null)
            {
                foreach (string field in new[] { "remote_field_traversal_path", "remote_method", "remote_url_path", "jmes_path", "advanced_mapping_expression" })
                {
                    if (body.ContainsKey(field))
                    {
                        mapping[field] = body[field]?.DeepClone();
                    }
                }

                State.AddAudit("CHANGED_LINKED_ACCOUNT_FIELD_MAPPING", $"Changed field mapping {Text(mapping, "id")}.");
            }
        }

        return mapping is null ? JsonResponse.Detail(request.Http, 404, "Not found.") : Write(request, 200, Envelope(MappingJson(mapping, false)));
    }

    /// <summary>
    /// DELETE field-mappings/{id}: Merge documents 204 with the deleted mapping as a body. Kestrel sends no body
    /// with a 204 (and HTTP clients discard one), so the emulator answers 204 without it.
    /// </summary>
    private Task DeleteFieldMapping(ApiRequest request)
    {
        bool removed;
        lock (State.Lock)
        {
            removed = State.For(request.Account!).FieldMappings.RemoveAll(m => Text(m, "id") == request.PathValues["field_mapping_id"]) > 0;
            if (removed)
            {
                State.AddAudit("DELETED_LINKED_ACCOUNT_FIELD_MAPPING", "Deleted field mapping " + request.PathValues["field_mapping_id"] + ".");
            }
        }

        return removed ? JsonResponse.Empty(request.Http, 204) : JsonResponse.Detail(request.Http, 404, "Not found.");
    }

    private static JsonObject MappingJson(JsonObject mapping, bool excludeMetadata)
    {
        string? key = (mapping["remote_field_traversal_path"] as JsonArray)?.LastOrDefault()?.ToString();
        return new JsonObject
        {
            ["id"] = Text(mapping, "id"),
            ["is_integration_wide"] = mapping["is_integration_wide"] is JsonValue wide && wide.TryGetValue(out bool w) && w,
            ["target_field"] = new JsonObject
            {
                ["name"] = Text(mapping, "target_field_name"),
                ["description"] = Text(mapping, "target_field_description"),
                ["is_organization_wide"] = mapping["organization_wide_target_field"] is not null,
            },
            ["remote_field"] = new JsonObject
            {
                ["remote_key_name"] = excludeMetadata ? null : key,
                ["schema"] = excludeMetadata ? null : new JsonObject { ["type"] = "string" },
                ["remote_endpoint_info"] = new JsonObject
                {
                    ["method"] = Text(mapping, "remote_method"),
                    ["url_path"] = Text(mapping, "remote_url_path"),
                    ["field_traversal_path"] = mapping["remote_field_traversal_path"]?.DeepClone(),
                },
            },
            ["jmes_path"] = Text(mapping, "jmes_path"),
            ["advanced_mapping_expression"] = Text(mapping, "advanced_mapping_expression"),
        };
    }

    /// <summary>GET remote-fields: per Common Model, the integration's spelling of its first fields and one custom field.</summary>
    private Task RemoteFields(ApiRequest request)
    {
        HashSet<string>? only = request.Query("common_models") is { Length: > 0 } list ? QueryValues.List(list).ToHashSet(StringComparer.Ordinal) : null;
        bool examples = request.Flag("include_example_values");
        var result = new JsonObject();
        foreach (Resource resource in Resources(request.Category))
        {
            if (only is not null && !only.Contains(resource.Model))
            {
                continue;
            }

            var fields = new JsonArray();
            foreach (string name in FieldNames(request.Category, resource.Model)
                .Where(f => f is not ("id" or "remote_id" or "created_at" or "modified_at" or "remote_was_deleted" or "field_mappings" or "remote_data"))
                .Take(3)
                .Append("custom_field_1"))
            {
                string key = Camel(name);
                fields.Add(new JsonObject
                {
                    ["schema"] = new JsonObject { ["type"] = "string" },
                    ["remote_key_name"] = key,
                    ["remote_endpoint_info"] = new JsonObject
                    {
                        ["method"] = "GET",
                        ["url_path"] = "/" + resource.Name,
                        ["field_traversal_path"] = new JsonArray(key),
                    },
                    ["example_values"] = examples ? new JsonArray("example-" + key) : null,
                    ["advanced_metadata"] = null,
                    ["coverage"] = name == "custom_field_1" ? 0.25 : 1.0,
                });
            }

            result[resource.Model] = fields;
        }

        return Write(request, 200, result);
    }

    private JsonObject TargetFields(ApiRequest request)
    {
        var result = new JsonObject();
        List<TargetField> targets;
        List<JsonObject> mappings;
        lock (State.Lock)
        {
            targets = State.TargetFields.TryGetValue(request.Category.Name, out List<TargetField>? list) ? list.ToList() : new List<TargetField>();
            mappings = State.For(request.Account!).FieldMappings.ToList();
        }

        foreach (Resource resource in Resources(request.Category))
        {
            result[resource.Model] = new JsonArray(targets.Where(t => t.CommonModel == resource.Model).Select(t => (JsonNode?)new JsonObject
            {
                ["name"] = t.Name,
                ["description"] = t.Description,
                ["is_mapped"] = mappings.Any(m => Text(m, "common_model_name") == t.CommonModel && Text(m, "target_field_name") == t.Name) ? "true" : "false",
            }).ToArray());
        }

        return result;
    }

    private Task CreateTargetField(ApiRequest request)
    {
        if (Body(request, out JsonObject body) is { } invalid)
        {
            return invalid;
        }

        string? name = Text(body, "name");
        string? model = Text(body, "common_model");
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = new List<string> { "This field is required." };
        }

        if (string.IsNullOrEmpty(model))
        {
            errors["common_model"] = new List<string> { "This field is required." };
        }
        else if (!Resources(request.Category).Any(r => r.Model == model))
        {
            errors["common_model"] = new List<string> { $"'{model}' is not a Common Model of {request.Category.Name}." };
        }

        if (errors.Count > 0)
        {
            return JsonResponse.FieldErrors(request.Http, errors);
        }

        lock (State.Lock)
        {
            List<TargetField> list = State.TargetFields[request.Category.Name];
            if (list.Any(t => t.CommonModel == model && t.Name == name))
            {
                return JsonResponse.FieldErrors(request.Http, new Dictionary<string, List<string>> { ["name"] = new() { "A target field with this name already exists." } });
            }

            list.Add(new TargetField(model!, name!, Text(body, "description")));
        }

        return Write(request, 200, TargetFields(request));
    }

    // ------------------------------------------------------------------ sync

    /// <summary>One row per Common Model; a forced resync leaves every model SYNCING.</summary>
    private Task SyncStatus(ApiRequest request) => Page(request, SyncRows(request));

    private Task Resync(ApiRequest request)
    {
        lock (State.Lock)
        {
            State.For(request.Account!).ResyncStartedAt = DateTime.UtcNow;
            State.AddAudit("FORCED_LINKED_ACCOUNT_RESYNC", "Forced a resync of linked account " + request.Account!.Id + ".");
        }

        return Write(request, 200, new JsonArray(SyncRows(request).Select(r => (JsonNode?)r).ToArray()));
    }

    private List<JsonObject> SyncRows(ApiRequest request)
    {
        DateTime? resync = State.For(request.Account!).ResyncStartedAt;
        DateTime lastSync = DateTime.UtcNow.Date.AddHours(-6);
        return Resources(request.Category).Select(r => new JsonObject
        {
            ["model_name"] = r.Model,
            ["model_id"] = request.Category.Name + "." + r.Model,
            ["last_sync_start"] = Iso(resync ?? lastSync),
            ["next_sync_start"] = Iso((resync ?? lastSync).AddDays(1)),
            ["last_sync_result"] = "DONE",
            ["last_sync_finished"] = Iso(lastSync.AddMinutes(4)),
            ["status"] = resync is null ? "DONE" : "SYNCING",
            ["is_initial_sync"] = false,
            ["selective_sync_configurations_usage"] = null,
        }).ToList();
    }

    // ------------------------------------------------------------------ passthrough

    private Task Passthrough(ApiRequest request)
    {
        if (Body(request, out JsonObject body) is { } invalid)
        {
            return invalid;
        }

        return PassthroughResult(request, body) is { } result ? Write(request, 200, result) : PassthroughErrors(request, body);
    }

    private Task AsyncPassthrough(ApiRequest request)
    {
        if (Body(request, out JsonObject body) is { } invalid)
        {
            return invalid;
        }

        if (PassthroughResult(request, body) is not { } result)
        {
            return PassthroughErrors(request, body);
        }

        string id = Guid.NewGuid().ToString();
        lock (State.Lock)
        {
            State.For(request.Account!).AsyncPassthrough[id] = (result, 0);
        }

        return Write(request, 200, new JsonObject { ["async_passthrough_receipt_id"] = id });
    }

    /// <summary>The first ask answers a status string (the request is still with the third party); later ones the result.</summary>
    private Task AsyncPassthroughResult(ApiRequest request)
    {
        string id = request.PathValues["async_passthrough_receipt_id"];
        (JsonObject Result, int Polls) entry;
        lock (State.Lock)
        {
            AccountPlatformData data = State.For(request.Account!);
            if (!data.AsyncPassthrough.TryGetValue(id, out entry))
            {
                return JsonResponse.Detail(request.Http, 404, "Not found.");
            }

            data.AsyncPassthrough[id] = (entry.Result, entry.Polls + 1);
        }

        return entry.Polls == 0
            ? Write(request, 200, JsonValue.Create("Async passthrough request " + id + " is still being processed.")!)
            : Write(request, 200, entry.Result);
    }

    /// <summary>RemoteResponse for a valid DataPassthroughRequest, or null when it is not valid.</summary>
    private static JsonObject? PassthroughResult(ApiRequest request, JsonObject body)
    {
        string? method = Text(body, "method");
        string? path = Text(body, "path");
        if (method is null || !s_passthroughMethods.Contains(method) || string.IsNullOrEmpty(path))
        {
            return null;
        }

        JsonNode? sent = null;
        if (Text(body, "data") is { } data)
        {
            try
            {
                sent = Text(body, "request_format") is null or "JSON" ? JsonNode.Parse(data) : data;
            }
            catch (JsonException)
            {
                sent = data;
            }
        }

        LinkedAccount account = request.Account!;
        return new JsonObject
        {
            ["method"] = method,
            ["path"] = path,
            ["status"] = method == "POST" ? 201 : 200,
            ["response"] = new JsonObject
            {
                ["integration"] = account.IntegrationSlug,
                ["base_url"] = Text(body, "base_url_override") ?? "https://api." + account.IntegrationSlug + ".example",
                ["method"] = method,
                ["path"] = path,
                ["received"] = sent,
                ["multipart_fields"] = body["multipart_form_data"] is JsonArray parts
                    ? new JsonArray(parts.Select(p => (JsonNode?)Text(p as JsonObject ?? new JsonObject(), "name")).ToArray())
                    : null,
            },
            ["response_headers"] = new JsonObject { ["Content-Type"] = "application/json" },
            ["response_type"] = "JSON",
            ["headers"] = body["headers"]?.DeepClone() ?? new JsonObject(),
        };
    }

    private static Task PassthroughErrors(ApiRequest request, JsonObject body)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? method = Text(body, "method");
        if (method is null)
        {
            errors["method"] = new List<string> { "This field is required." };
        }
        else if (!s_passthroughMethods.Contains(method))
        {
            errors["method"] = new List<string> { $"\"{method}\" is not a valid choice." };
        }

        if (string.IsNullOrEmpty(Text(body, "path")))
        {
            errors["path"] = new List<string> { "This field is required." };
        }

        return JsonResponse.FieldErrors(request.Http, errors);
    }

    // ------------------------------------------------------------------ keys, webhook receivers, calendar patch

    private Task Key(ApiRequest request, bool regenerate)
    {
        if (Body(request, out JsonObject body) is { } invalid)
        {
            return invalid;
        }

        if (Text(body, "name") is not { Length: > 0 } name)
        {
            return JsonResponse.FieldErrors(request.Http, new Dictionary<string, List<string>> { ["name"] = new() { "This field is required." } });
        }

        string key = "prod-" + RandomToken(24);
        lock (State.Lock)
        {
            State.Keys[name] = key;
            State.AddAudit(
                regenerate ? "REGENERATED_PRODUCTION_API_KEY" : "CREATED_REMOTE_PRODUCTION_API_KEY",
                (regenerate ? "Regenerated" : "Created") + " the API key '" + name + "'.");
        }

        return Write(request, 200, new JsonObject { ["name"] = name, ["key"] = key });
    }

    private Task WebhookReceivers(ApiRequest request)
    {
        JsonArray receivers;
        lock (State.Lock)
        {
            receivers = new JsonArray(State.For(request.Account!).WebhookReceivers.Select(r => (JsonNode?)r.DeepClone()).ToArray());
        }

        return Write(request, 200, receivers);
    }

    private Task CreateWebhookReceiver(ApiRequest request)
    {
        if (Body(request, out JsonObject body) is { } invalid)
        {
            return invalid;
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(Text(body, "event")))
        {
            errors["event"] = new List<string> { "This field is required." };
        }

        if (body["is_active"] is not JsonValue active || !active.TryGetValue(out bool _))
        {
            errors["is_active"] = new List<string> { body["is_active"] is null ? "This field is required." : "Must be a valid boolean." };
        }

        if (errors.Count > 0)
        {
            return JsonResponse.FieldErrors(request.Http, errors);
        }

        var receiver = new JsonObject
        {
            ["event"] = Text(body, "event"),
            ["is_active"] = body["is_active"]!.GetValue<bool>(),
            ["key"] = Text(body, "key") ?? RandomToken(12),
        };
        lock (State.Lock)
        {
            State.For(request.Account!).WebhookReceivers.Add(receiver);
        }

        return Write(request, 201, (JsonObject)receiver.DeepClone());
    }

    /// <summary>Calendar's PATCH linked-accounts/{id}: the token's own account only.</summary>
    private Task PatchLinkedAccount(ApiRequest request)
    {
        if (request.PathValues["linked_account_id"] != request.Account!.Id)
        {
            return JsonResponse.Detail(request.Http, 404, "Not found.");
        }

        if (Body(request, out JsonObject body) is { } invalid)
        {
            return invalid;
        }

        if (body["ekm_enabled"] is not JsonValue value || !value.TryGetValue(out bool enabled))
        {
            return JsonResponse.FieldErrors(request.Http, new Dictionary<string, List<string>> { ["ekm_enabled"] = new() { "This field is required." } });
        }

        lock (State.Lock)
        {
            State.For(request.Account!).EkmEnabled = enabled;
        }

        return Write(request, 200, new JsonObject { ["id"] = request.Account!.Id, ["ekm_enabled"] = enabled });
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>AccountIntegration: what Merge says about the account's integration.</summary>
    private static JsonObject AccountIntegration(LinkedAccount account) => new()
    {
        ["name"] = account.IntegrationName,
        ["abbreviated_name"] = null,
        ["categories"] = new JsonArray(account.Category),
        ["image"] = "https://merge-api-production.s3.amazonaws.com/media/" + account.IntegrationSlug + ".png",
        ["square_image"] = "https://merge-api-production.s3.amazonaws.com/media/" + account.IntegrationSlug + "-square.png",
        ["color"] = account.IntegrationColor,
        ["slug"] = account.IntegrationSlug,
        ["api_endpoints_to_documentation_urls"] = new JsonObject(),
        ["webhook_setup_guide_url"] = null,
        ["category_beta_status"] = new JsonObject(),
    };

    private static JsonObject Envelope(JsonObject model) => new()
    {
        ["model"] = model,
        ["warnings"] = new JsonArray(),
        ["errors"] = new JsonArray(),
        ["logs"] = new JsonArray(),
    };

    private static IEnumerable<Resource> Resources(CategoryRuntime category) => category.Catalog.Resources
        .Where(r => r.Operations.Any(o => o.Kind is OperationKinds.List or OperationKinds.Retrieve))
        .GroupBy(r => r.Model, StringComparer.Ordinal)
        .Select(g => g.First())
        .OrderBy(r => r.Model, StringComparer.Ordinal);

    private static IEnumerable<string> FieldNames(CategoryRuntime category, string model) =>
        category.Schema(model)?.Fields.Select(f => f.Name) ?? Enumerable.Empty<string>();

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(i => i?.ToString() ?? string.Empty) : Enumerable.Empty<string>();

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static string Iso(DateTime value) =>
        value.ToUniversalTime().ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Camel(string snake)
    {
        string[] parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p.Substring(1)));
    }

    private static string RandomToken(int bytes) =>
        Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();

    private static Task Write(ApiRequest request, int status, JsonNode node) =>
        JsonResponse.Write(request.Http, status, w => node.WriteTo(w));

    /// <summary>The posted JSON object; a Task answering 400 (DRF's parse error) when there is none.</summary>
    private static Task? Body(ApiRequest request, out JsonObject body)
    {
        string text = request.Http.Items[RequestBody.ItemKey] as string ?? string.Empty;
        body = new JsonObject();
        if (text.Trim().Length == 0)
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject parsed)
            {
                body = parsed;
                return null;
            }

            return JsonResponse.Detail(request.Http, 400, "JSON parse error - Expected an object.");
        }
        catch (JsonException ex)
        {
            return JsonResponse.Detail(request.Http, 400, "JSON parse error - " + ex.Message);
        }
    }

    /// <summary>A cursor-paged list of JSON objects, as every Merge listing pages.</summary>
    private static Task Page(ApiRequest request, IReadOnlyList<JsonObject> items)
    {
        if (!Paging.PageSize(request, out int size, out Dictionary<string, List<string>> errors))
        {
            return JsonResponse.FieldErrors(request.Http, errors);
        }

        if (!Cursor.TryDecode(request.Query("cursor"), out int start))
        {
            return JsonResponse.Detail(request.Http, 404, "Invalid cursor");
        }

        start = Math.Clamp(start, 0, items.Count);
        return JsonResponse.Write(request.Http, 200, w =>
        {
            w.WriteStartObject();
            Paging.WriteCursor(w, "next", start + size < items.Count ? start + size : -1);
            Paging.WriteCursor(w, "previous", start > 0 ? Math.Max(0, start - size) : -1);
            w.WriteStartArray("results");
            foreach (JsonObject item in items.Skip(start).Take(size))
            {
                item.WriteTo(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
