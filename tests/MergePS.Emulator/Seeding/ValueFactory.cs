using System;
using System.Globalization;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding;

/// <summary>Chooses a plausible generator for a field from its type and name (emails look like
/// emails, due dates lie ahead, <c>expand:X</c> points at a real X).</summary>
public static class ValueFactory
{
    private static readonly string[] PersonModels =
    {
        "User", "Contact", "Lead", "Candidate", "Employee", "Interviewer", "RemoteUser", "Attendee", "Participant",
        "Recipient", "Member", "Person", "Owner", "Assignee", "Author", "Sender",
    };

    private static readonly string[] CompanyModels = { "Account", "Company", "Vendor", "Customer", "Organization", "CompanyInfo", "Contact" };

    public static Func<GenContext, object?>? For(ModelSchema model, FieldSchema field)
    {
        Func<GenContext, object?>? element = Element(model, field);
        if (element is null)
        {
            return null;
        }

        if (!field.IsArray)
        {
            return element;
        }

        if (field.Kind == FieldKind.Expand || field.Kind == FieldKind.Uuid && RelatedModel(field.Name) is not null)
        {
            string target = field.Kind == FieldKind.Expand ? field.Target! : RelatedModel(field.Name)!;
            return g => g.Seed.Schema(target) is null ? System.Array.Empty<object?>() : PickMany(g, target);
        }

        return g =>
        {
            int count = g.Rng.Between(1, 2);
            var items = new object?[count];
            for (int i = 0; i < count; i++)
            {
                items[i] = element(g);
            }

            return items;
        };
    }

    private static Func<GenContext, object?>? Element(ModelSchema model, FieldSchema field)
    {
        string name = field.Name;
        switch (field.Kind)
        {
            case FieldKind.Bool:
                return g => Boxes.Of(g.Rng.Chance(name.StartsWith("is_", StringComparison.Ordinal) ? 0.3 : 0.5));
            case FieldKind.Int:
                return Int(name);
            case FieldKind.Number:
                return Number(name);
            case FieldKind.DateTime:
            case FieldKind.Date:
                return Temporal(name, field.Kind == FieldKind.Date);
            case FieldKind.Enum:
                string[] values = field.Values ?? new[] { "OTHER" };
                return g => g.Rng.Pick(values);
            case FieldKind.Email:
                return g => Email(g);
            case FieldKind.Uri:
                return Uri(name);
            case FieldKind.Uuid:
                return RelatedModel(name) is { } related ? g => Related(g, field, related) : g => g.Rng.Uuid();
            case FieldKind.Expand:
                string target = field.Target!;
                return g => Related(g, field, target);
            case FieldKind.Model:
                string nested = field.Target!;
                return g => GenericFiller.Nested(g, nested);
            case FieldKind.Object:
                return name == "field_mappings" ? _ => RowFactory.EmptyFieldMappings : _ => RawJson.EmptyObject;
            case FieldKind.Any:
                return g => new RawJson("\"" + g.Rng.Pick(Pools.Words) + "\"");
            default:
                return Text(model, name);
        }
    }

    /// <summary>A uuid field named after a model (conversation_id, root_message_id, tracking_categories)
    /// holds ids of that model, dropping leading words until a model matches.</summary>
    private static string? RelatedModel(string name)
    {
        string stem = name.EndsWith("_id", System.StringComparison.Ordinal) ? name[..^3] : name.EndsWith("_ids", System.StringComparison.Ordinal) ? name[..^4] : name;
        string[] words = stem.Split('_', System.StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || name is "id" or "remote_id")
        {
            return null;
        }

        string last = words[^1];
        words[^1] = last.EndsWith("ies", System.StringComparison.Ordinal) ? last[..^3] + "y" : last.EndsWith('s') && !last.EndsWith("ss", System.StringComparison.Ordinal) ? last[..^1] : last;
        return string.Concat(System.Array.ConvertAll(words, Capitalize));
    }

    /// <summary>A relation to a real record; parent/root links are often empty (top of a tree).</summary>
    private static object? Related(GenContext g, FieldSchema field, string target)
    {
        for (string candidate = target; candidate.Length > 0; candidate = DropFirstWord(candidate))
        {
            if (g.Seed.Schema(candidate) is not null)
            {
                if (field.Nullable && (field.Name.Contains("parent", System.StringComparison.Ordinal) || field.Name.Contains("root", System.StringComparison.Ordinal)) && g.Rng.Chance(0.5))
                {
                    return null;
                }

                return PickOne(g, candidate) ?? (field.Kind == FieldKind.Uuid ? g.Rng.Uuid() : null);
            }
        }

        return field.Kind == FieldKind.Uuid ? g.Rng.Uuid() : null;
    }

    private static string DropFirstWord(string pascal)
    {
        for (int i = 1; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]))
            {
                return pascal.Substring(i);
            }
        }

        return string.Empty;
    }

    private static object? PickOne(GenContext g, string target)
    {
        string[] ids = g.Seed.IdsOf(target);
        return ids.Length == 0 ? null : g.Rng.Pick(ids);
    }

    private static object?[] PickMany(GenContext g, string target)
    {
        string[] ids = g.Seed.IdsOf(target);
        if (ids.Length == 0)
        {
            return Array.Empty<object?>();
        }

        int count = Math.Min(ids.Length, g.Rng.Between(1, 3));
        var picked = new object?[count];
        int start = g.Rng.Next(ids.Length);
        for (int i = 0; i < count; i++)
        {
            picked[i] = ids[(start + (i * 7)) % ids.Length];
        }

        return count > 1 && picked[0] == picked[1] ? new[] { picked[0] } : picked;
    }

    private static Func<GenContext, object?> Int(string name)
    {
        if (name.Contains("year", StringComparison.Ordinal))
        {
            return g => (long)g.Rng.Between(2020, 2026);
        }

        if (name.Contains("size", StringComparison.Ordinal))
        {
            return g => (long)g.Rng.Between(1024, 5_000_000);
        }

        return g => (long)g.Rng.Between(1, 100);
    }

    private static Func<GenContext, object?> Number(string name)
    {
        if (name.Contains("rate", StringComparison.Ordinal) || name.Contains("percent", StringComparison.Ordinal))
        {
            return g => g.Rng.Money(0, 25);
        }

        if (name.Contains("quantity", StringComparison.Ordinal) || name.Contains("hours", StringComparison.Ordinal))
        {
            return g => (decimal)g.Rng.Between(1, 40);
        }

        if (name.Contains("probability", StringComparison.Ordinal))
        {
            return g => (decimal)(g.Rng.Between(1, 10) * 10);
        }

        return g => g.Rng.Money(10, 10_000);
    }

    private static Func<GenContext, object?> Temporal(string name, bool dateOnly)
    {
        int fromDays;
        int toDays;
        if (name.Contains("birth", StringComparison.Ordinal))
        {
            (fromDays, toDays) = (-365 * 65, -365 * 20);
        }
        else if (name.Contains("due", StringComparison.Ordinal) || name.Contains("end", StringComparison.Ordinal)
            || name.Contains("expir", StringComparison.Ordinal) || name.Contains("close", StringComparison.Ordinal)
            || name.Contains("next", StringComparison.Ordinal) || name.Contains("expected", StringComparison.Ordinal))
        {
            (fromDays, toDays) = (-90, 180);
        }
        else
        {
            (fromDays, toDays) = (-700, -1);
        }

        return g =>
        {
            DateTime value = g.Seed.Anchor.AddDays(g.Rng.Between(fromDays, toDays));
            return dateOnly ? value.Date : value.AddSeconds(g.Rng.Between(8 * 3600, 18 * 3600));
        };
    }

    private static Func<GenContext, object?> Uri(string name)
    {
        if (name.Contains("avatar", StringComparison.Ordinal) || name.Contains("image", StringComparison.Ordinal)
            || name.Contains("logo", StringComparison.Ordinal) || name.Contains("photo", StringComparison.Ordinal))
        {
            return g => "https://images.example.com/" + g.Rng.Pick(Pools.Words) + "/" + g.Ordinal + ".png";
        }

        return g => "https://" + g.Rng.Pick(Pools.Domains) + "/" + g.Rng.Pick(Pools.Words) + "/" + g.Ordinal;
    }

    private static string Email(GenContext g)
    {
        string first = g.Text("first_name") ?? g.Rng.Pick(Pools.FirstNames);
        string last = g.Text("last_name") ?? g.Rng.Pick(Pools.LastNames);
        return Pools.Slug(first) + "." + Pools.Slug(last) + g.Ordinal.ToString(CultureInfo.InvariantCulture) + "@" + g.Rng.Pick(Pools.Domains);
    }

    private static string Phone(Rng rng) => "+1 (" + rng.Between(201, 989) + ") " + rng.Between(200, 999) + "-" + rng.Digits(4);

    private static bool Is(string model, string[] set) => Array.IndexOf(set, model) >= 0;

    private static Func<GenContext, object?> Text(ModelSchema model, string name)
    {
        bool hasNameParts = model.IndexOf("first_name") >= 0 && model.IndexOf("last_name") >= 0;
        switch (name)
        {
            case "first_name":
                return g => g.Rng.Pick(Pools.FirstNames);
            case "last_name":
                return g => g.Rng.Pick(Pools.LastNames);
            case "middle_name":
                return g => g.Rng.Pick(Pools.FirstNames);
            case "full_name":
            case "display_full_name":
            case "display_name" when hasNameParts:
            case "name" when hasNameParts:
                return g => (g.Text("first_name") ?? g.Rng.Pick(Pools.FirstNames)) + " " + (g.Text("last_name") ?? g.Rng.Pick(Pools.LastNames));
            case "username":
            case "handle":
                return g => Pools.Slug(g.Text("first_name") ?? g.Rng.Pick(Pools.FirstNames)) + "." + Pools.Slug(g.Text("last_name") ?? g.Rng.Pick(Pools.LastNames)) + g.Ordinal;
            case "email" or "email_address" or "work_email" or "personal_email":
                return g => Email(g);
            case "ssn":
                return g => g.Rng.Between(100, 899) + "-" + g.Rng.Digits(2) + "-" + g.Rng.Digits(4);
            case "city":
                return g => g.Rng.Pick(Pools.Cities);
            case "state":
                return g => g.Rng.Pick(Pools.States);
            case "country":
                return _ => "US";
            case "zip_code" or "postal_code" or "zip":
                return g => g.Rng.Digits(5);
            case "street_1" or "street_address" or "address_line_1" or "street":
                return g => g.Rng.Between(1, 9999) + " " + g.Rng.Pick(Pools.Streets);
            case "street_2" or "address_line_2":
                return g => g.Rng.Chance(0.3) ? "Suite " + g.Rng.Between(100, 999) : null;
            case "currency":
                return _ => "USD";
            case "mime_type":
                return g => g.Rng.Pick(new[] { "application/pdf", "image/png", "text/plain", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
            case "domain":
                return g => g.Rng.Pick(Pools.Domains);
        }

        if (name.Contains("phone", StringComparison.Ordinal) || name == "number" && model.Name.Contains("Phone", StringComparison.Ordinal))
        {
            return g => Phone(g.Rng);
        }

        if (name.EndsWith("url", StringComparison.Ordinal) || name == "website")
        {
            return g => "https://" + g.Rng.Pick(Pools.Domains) + "/" + g.Rng.Pick(Pools.Words) + "/" + g.Ordinal;
        }

        if (name.Contains("email", StringComparison.Ordinal))
        {
            return g => Email(g);
        }

        if (name == "title" && Is(model.Name, PersonModels))
        {
            return g => g.Rng.Pick(Pools.JobTitles);
        }

        if (name is "company" or "company_name" or "organization")
        {
            return g => g.Rng.Pick(Pools.CompanyNames);
        }

        if (name is "name" or "display_name" or "title" or "subject" or "legal_name")
        {
            return NameLike(model.Name, name);
        }

        if (name is "description" or "body" or "content" or "notes" or "note" or "summary" or "message" or "text"
            or "comment" or "details" or "memo" or "reason" || name.EndsWith("_note", StringComparison.Ordinal)
            || name.EndsWith("_description", StringComparison.Ordinal))
        {
            return g => g.Rng.Pick(Pools.Sentences);
        }

        if (name.EndsWith("number", StringComparison.Ordinal) || name.EndsWith("code", StringComparison.Ordinal) || name == "reference")
        {
            string prefix = name.Length >= 3 ? name.Substring(0, 3).ToUpperInvariant() : "REF";
            return g => prefix + "-" + (10000 + g.Ordinal).ToString(CultureInfo.InvariantCulture);
        }

        if (name.EndsWith("_id", StringComparison.Ordinal))
        {
            return g => g.Rng.Digits(8);
        }

        if (name == "status")
        {
            return g => g.Rng.Pick(new[] { "active", "inactive", "pending" });
        }

        if (name.EndsWith("type", StringComparison.Ordinal) || name == "category")
        {
            return g => Capitalize(g.Rng.Pick(Pools.Words));
        }

        return g => Capitalize(g.Rng.Pick(Pools.Words)) + " " + g.Rng.Pick(Pools.Words);
    }

    private static Func<GenContext, object?> NameLike(string model, string field)
    {
        if (Is(model, PersonModels))
        {
            return g => g.Rng.Pick(Pools.FirstNames) + " " + g.Rng.Pick(Pools.LastNames);
        }

        if (Is(model, CompanyModels) || field == "legal_name")
        {
            return g => g.Rng.Pick(Pools.CompanyNames);
        }

        if (model.Contains("File", StringComparison.Ordinal) || model == "Attachment")
        {
            return g => Pools.Slug(g.Rng.Pick(Pools.Words)) + "-" + g.Ordinal + g.Rng.Pick(new[] { ".pdf", ".docx", ".png", ".xlsx", ".txt" });
        }

        if (model == "Job")
        {
            return g => g.Rng.Pick(Pools.JobTitles);
        }

        if (model == "Department")
        {
            return g => g.Rng.Pick(Pools.Departments);
        }

        if (model is "Item" or "Product")
        {
            return g => g.Rng.Pick(Pools.Products);
        }

        if (field is "title" or "subject" || model is "Ticket" or "Task" or "Opportunity" or "Article" or "Event" or "Message")
        {
            return g => g.Rng.Pick(Pools.Sentences).TrimEnd('.');
        }

        return g => Capitalize(g.Rng.Pick(Pools.Words)) + " " + Capitalize(g.Rng.Pick(Pools.Words));
    }

    public static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);
}
