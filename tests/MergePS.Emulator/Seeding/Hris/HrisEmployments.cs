using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding.Hris;

/// <summary>Employments: job titles by department, pay that matches the employment type, and an
/// earlier position for those who were promoted.</summary>
public static class HrisEmployments
{
    private static readonly Dictionary<string, string[]> TitlesByDepartment = new(StringComparer.Ordinal)
    {
        ["Engineering"] = new[] { "Software Engineer", "Senior Software Engineer", "Staff Engineer", "QA Engineer", "DevOps Engineer", "Security Engineer", "Data Engineer" },
        ["Product"] = new[] { "Product Manager", "Senior Product Manager", "Technical Product Manager" },
        ["Design"] = new[] { "Product Designer", "Senior Product Designer", "UX Researcher" },
        ["Sales"] = new[] { "Account Executive", "Sales Development Representative", "Solutions Architect" },
        ["Marketing"] = new[] { "Content Strategist", "Growth Marketer", "Product Marketing Manager" },
        ["Customer Success"] = new[] { "Customer Success Manager", "Support Specialist", "Implementation Specialist" },
        ["Finance"] = new[] { "Financial Analyst", "Accountant", "Payroll Specialist" },
        ["People"] = new[] { "Recruiter", "People Partner", "HR Generalist" },
        ["Legal"] = new[] { "Legal Counsel", "Paralegal" },
        ["Operations"] = new[] { "Office Manager", "IT Administrator", "Operations Analyst" },
    };

    private static readonly Dictionary<string, string> ManagerTitles = new(StringComparer.Ordinal)
    {
        ["Engineering"] = "Engineering Manager", ["Product"] = "Group Product Manager", ["Design"] = "Design Manager",
        ["Sales"] = "Sales Manager", ["Marketing"] = "Marketing Manager", ["Customer Success"] = "Support Manager",
        ["Finance"] = "Finance Manager", ["People"] = "People Operations Manager", ["Legal"] = "Legal Operations Manager",
        ["Operations"] = "Operations Manager",
    };

    public static string[] Titles(string department) => TitlesByDepartment.GetValueOrDefault(department, Pools.JobTitles);

    /// <summary>VP for the founder's direct reports, director for large teams, else the team's manager title.</summary>
    public static string ManagerTitle(string department, bool reportsToFounder, int reports) =>
        reportsToFounder ? "VP of " + department : reports >= 8 ? "Director of " + department : ManagerTitles.GetValueOrDefault(department, "Manager");

    /// <summary>The title someone held before their latest promotion.</summary>
    private static string Earlier(string title, string department) => title switch
    {
        "Chief Executive Officer" => "Co-Founder",
        _ when title.StartsWith("Senior ", StringComparison.Ordinal) => title.Substring("Senior ".Length),
        _ when title.StartsWith("Staff ", StringComparison.Ordinal) => "Senior " + title.Substring("Staff ".Length),
        _ when title.StartsWith("VP of ", StringComparison.Ordinal) => "Director of " + title.Substring("VP of ".Length),
        _ when title.StartsWith("Director of ", StringComparison.Ordinal) => ManagerTitles.GetValueOrDefault(title.Substring("Director of ".Length), "Manager"),
        _ when ManagerTitles.ContainsValue(title) => TitlesByDepartment.GetValueOrDefault(department, Pools.JobTitles)[0],
        _ when title.EndsWith(" Intern", StringComparison.Ordinal) => title,
        _ => "Associate " + title,
    };

    /// <summary>The department a title belongs to (for a manager's earlier, individual title).</summary>
    private static string EmployeeDepartment(string title) =>
        (title.StartsWith("VP of ", StringComparison.Ordinal) ? title.Substring("VP of ".Length) : null)
        ?? (title.StartsWith("Director of ", StringComparison.Ordinal) ? title.Substring("Director of ".Length) : null)
        ?? ManagerTitles.FirstOrDefault(p => p.Value == title).Key
        ?? TitlesByDepartment.FirstOrDefault(p => p.Value.Contains(title)).Key
        ?? "Operations";

    /// <summary>Field positions of Employment, looked up once per data set.</summary>
    public sealed class Fields
    {
        public Fields(Binder b)
        {
            Employee = b["employee"];
            JobTitle = b["job_title"];
            PayRate = b["pay_rate"];
            PayPeriod = b["pay_period"];
            PayFrequency = b["pay_frequency"];
            PayCurrency = b["pay_currency"];
            PayGroup = b["pay_group"];
            Flsa = b["flsa_status"];
            Effective = b["effective_date"];
            Type = b["employment_type"];
        }

        public int Employee { get; }

        public int JobTitle { get; }

        public int PayRate { get; }

        public int PayPeriod { get; }

        public int PayFrequency { get; }

        public int PayCurrency { get; }

        public int PayGroup { get; }

        public int Flsa { get; }

        public int Effective { get; }

        public int Type { get; }
    }

    /// <summary>The current employment, and for a third of employees an earlier one (a promotion).</summary>
    public static object?[] Build(HrisCore core, Binder b, Fields x, Row employee, int i, string title, Rng rng, EmployeeFacts f, List<Row> sink, int modifiedIndex)
    {
        ModelSchema s = b.Schema;
        int emp = x.Employee, jobTitle = x.JobTitle, payRate = x.PayRate, payPeriod = x.PayPeriod,
            payFrequency = x.PayFrequency, payCurrency = x.PayCurrency, payGroup = x.PayGroup,
            flsa = x.Flsa, effective = x.Effective, type = x.Type;
        DateTime created = f.Created[i];
        DateTime modified = modifiedIndex >= 0 && employee.Values[modifiedIndex] is DateTime m ? m : created;
        bool promoted = rng.Chance(0.33) && f.Status[i] != "PENDING";
        int count = promoted ? 2 : 1;
        var ids = new object?[count];
        for (int k = 0; k < count; k++)
        {
            bool current = k == 0;
            DateTime at = current ? created : created.AddSeconds(1);
            Row row = RowFactory.NewRow(s, rng.Uuid(), "EMPL-" + (70000 + sink.Count).ToString(CultureInfo.InvariantCulture), at, current ? modified : at, f.Deleted[i]);
            decimal rate = current ? f.AnnualPay[i] : Math.Round(f.AnnualPay[i] * 0.88m, 2);
            Binder.Set(row, emp, f.Ids[i]);
            Binder.Set(row, jobTitle, current ? title : Earlier(title, EmployeeDepartment(title)));
            Binder.Set(row, payRate, rate);
            Binder.Set(row, payPeriod, f.Hourly[i] ? "HOUR" : "YEAR");
            Binder.Set(row, payFrequency, f.Company[i] == 2 ? "SEMIMONTHLY" : f.Hourly[i] ? "WEEKLY" : "BIWEEKLY");
            Binder.Set(row, payCurrency, core.CompanyCurrencies.Length > f.Company[i] ? core.CompanyCurrencies[f.Company[i]] : "USD");
            Binder.Set(row, payGroup, f.PayGroup[i].Length == 0 ? null : f.PayGroup[i]);
            Binder.Set(row, flsa, f.EmploymentType[i] is "CONTRACTOR" or "FREELANCE" ? "EXEMPT" : f.Hourly[i] ? "NONEXEMPT" : i == 0 ? "OWNER" : rng.Chance(0.9) ? "EXEMPT" : "SALARIED_NONEXEMPT");
            DateTime start = f.Start[i].Date;
            Binder.Set(row, effective, current && promoted ? start.AddDays(Math.Max(1, (int)((core.Ctx.Anchor - start).TotalDays * rng.NextDouble()))) : start);
            Binder.Set(row, type, f.EmploymentType[i]);
            sink.Add(row);
            ids[k] = row.Id(s);
        }

        return ids;
    }
}
