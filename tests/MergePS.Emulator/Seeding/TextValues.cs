using System;
using System.Globalization;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding;

/// <summary>Plausible text for a string field, chosen by its name and its model (a person's name,
/// a company's name, a ticket's title, an address line, a phone number...).</summary>
public static class TextValues
{
    private static readonly string[] PersonModels =
    {
        "User", "Contact", "Lead", "Candidate", "Employee", "Interviewer", "RemoteUser", "Attendee", "Participant",
        "Recipient", "Member", "Person", "Owner", "Assignee", "Author", "Sender",
    };

    private static readonly string[] CompanyModels = { "Account", "Company", "Vendor", "Customer", "Organization", "CompanyInfo", "Contact" };

    public static string Email(GenContext g)
    {
        string first = g.Text("first_name") ?? g.Rng.Pick(Pools.FirstNames);
        string last = g.Text("last_name") ?? g.Rng.Pick(Pools.LastNames);
        return Pools.Slug(first) + "." + Pools.Slug(last) + g.Ordinal.ToString(CultureInfo.InvariantCulture) + "@" + g.Rng.Pick(Pools.Domains);
    }

    private static string Phone(Rng rng) => "+1 (" + rng.Between(201, 989) + ") " + rng.Between(200, 999) + "-" + rng.Digits(4);

    private static bool Is(string model, string[] set) => Array.IndexOf(set, model) >= 0;

    public static Func<GenContext, object?> For(ModelSchema model, string name)
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
            case "invitees" or "attendees" or "participants" or "recipients":
                return g => Email(g);
            case "locations" or "location":
                return g => g.Rng.Pick(Pools.Cities);
            case "timezone" or "time_zone":
                return g => g.Rng.Pick(new[] { "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Tokyo" });
            case "thread":
                return g => "thread-" + g.Rng.Digits(10);
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
            return g => ValueFactory.Capitalize(g.Rng.Pick(Pools.Words));
        }

        return g => ValueFactory.Capitalize(g.Rng.Pick(Pools.Words)) + " " + g.Rng.Pick(Pools.Words);
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

        return g => ValueFactory.Capitalize(g.Rng.Pick(Pools.Words)) + " " + ValueFactory.Capitalize(g.Rng.Pick(Pools.Words));
    }
}
