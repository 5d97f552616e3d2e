using System;
using System.Collections.Generic;
using System.Globalization;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding.Hris;

/// <summary>Employees with a manager tree, home and work locations, employments and memberships.</summary>
public static class HrisEmployees
{
    private static readonly string[] PersonalDomains = { "gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me" };

    public static void Build(HrisCore core, List<Row> offices, Binder locationBinder)
    {
        SeedContext ctx = core.Ctx;
        ModelSchema? schema = ctx.Schema("Employee");
        if (schema is null)
        {
            return;
        }

        var b = new Binder(schema);
        Rng rng = ctx.RngFor("Employee");
        int live = ctx.Employees;
        int deleted = Math.Max(1, (int)Math.Round(live * 0.02));
        RowSet set = RowFactory.Create(schema, rng, ctx.Anchor, live + deleted, deleted, 3);
        Row[] rows = set.Regular;
        var facts = new EmployeeFacts(rows.Length);
        core.Employees = facts;
        Structure(core, schema, rows, rng, facts);

        ModelSchema? employmentSchema = ctx.Schema("Employment");
        var eb = employmentSchema is null ? null : new Binder(employmentSchema);
        var employments = new List<Row>(rows.Length * 3 / 2);
        var homes = HomeLocations(core, locationBinder, rows, facts);
        Fill(core, b, rows, rng, facts, homes, eb, employments);

        core.Add(b, set);
        if (eb is not null)
        {
            Rng srng = ctx.RngFor("Employment", "shells");
            DateTime last = ctx.Anchor.AddDays(-1);
            employments.Add(RowFactory.NewShell(eb.Schema, srng.Uuid(), "EMP-SHELL-1", last, last));
            employments.Add(RowFactory.NewShell(eb.Schema, srng.Uuid(), "EMP-SHELL-2", last, last));
            Row[] all = employments.ToArray();
            core.Add(eb, new RowSet(all, all));
        }

        var locations = new List<Row>(offices.Count + homes.Length + 2);
        locations.AddRange(offices);
        locations.AddRange(homes);
        Rng lrng = ctx.RngFor("Location", "shells");
        DateTime at = ctx.Anchor.AddDays(-2);
        locations.Add(RowFactory.NewShell(locationBinder.Schema, lrng.Uuid(), "LOC-SHELL-1", at, at));
        locations.Add(RowFactory.NewShell(locationBinder.Schema, lrng.Uuid(), "LOC-SHELL-2", at, at));
        Row[] allLocations = locations.ToArray();
        core.Add(locationBinder, new RowSet(allLocations, allLocations));
    }

    /// <summary>Status, company, manager and pay for each employee, before any field is written, so
    /// that managers can get manager titles.</summary>
    private static void Structure(HrisCore core, ModelSchema schema, Row[] rows, Rng rng, EmployeeFacts f)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            f.Ids[i] = rows[i].Id(schema)!;
            f.Deleted[i] = rows[i].Values[schema.RemoteWasDeleted] is true;
            f.Created[i] = (DateTime)rows[i].Values[schema.CreatedAt]!;
            double r = rng.NextDouble();
            f.Status[i] = i == 0 ? "ACTIVE" : r < 0.86 ? "ACTIVE" : r < 0.95 ? "INACTIVE" : "PENDING";
            f.Company[i] = i == 0 || core.CompanyIds.Length < 2 ? 0 : rng.Chance(0.7) ? 0 : rng.Chance(0.67) || core.CompanyIds.Length < 3 ? 1 : 2;

            // A wide, shallow tree: each employee reports to someone in an earlier sixth, so about
            // one in six people manages others.
            f.Manager[i] = i == 0 ? -1 : rng.Between((i - 1) / 12, (i - 1) / 6);
            double t = rng.NextDouble();
            f.EmploymentType[i] = i == 0 || t < 0.82 ? "FULL_TIME" : t < 0.9 ? "PART_TIME" : t < 0.95 ? "CONTRACTOR" : t < 0.98 ? "INTERN" : "FREELANCE";
            f.Hourly[i] = f.EmploymentType[i] is not "FULL_TIME";
            f.AnnualPay[i] = f.Hourly[i] ? rng.Money(18, 95) : Math.Round(rng.Money(55_000, 210_000) / 500) * 500;
            f.PayGroup[i] = core.PayGroupIds.Length == 0 ? string.Empty
                : f.EmploymentType[i] is "CONTRACTOR" or "FREELANCE" ? core.PayGroupIds[Math.Min(3, core.PayGroupIds.Length - 1)]
                : f.Company[i] == 2 ? core.PayGroupIds[Math.Min(2, core.PayGroupIds.Length - 1)]
                : f.Hourly[i] ? core.PayGroupIds[Math.Min(1, core.PayGroupIds.Length - 1)] : core.PayGroupIds[0];
            DateTime anchor = core.Ctx.Anchor;
            f.Start[i] = f.Status[i] == "PENDING" ? anchor.AddDays(rng.Between(7, 60)) : anchor.AddDays(-rng.Between(30, 3650));
            if (f.Status[i] == "INACTIVE")
            {
                int worked = Math.Max(1, (int)(anchor - f.Start[i]).TotalDays - 1);
                f.Termination[i] = f.Start[i].AddDays(rng.Between(Math.Min(worked, 30), worked));
            }

            f.First[i] = rng.Pick(Pools.FirstNames);
            f.Last[i] = rng.Pick(Pools.LastNames);
            f.Gender[i] = null;
        }

        // People with reports are paid more; the founder most.
        var hasReports = new bool[rows.Length];
        for (int i = 1; i < rows.Length; i++)
        {
            hasReports[f.Manager[i]] = true;
        }

        for (int i = 0; i < rows.Length; i++)
        {
            if (i == 0)
            {
                f.AnnualPay[i] = 285_000m;
            }
            else if (hasReports[i] && !f.Hourly[i])
            {
                f.AnnualPay[i] = Math.Round(f.AnnualPay[i] * 1.3m / 500) * 500;
            }
        }
    }

    private static Row[] HomeLocations(HrisCore core, Binder b, Row[] employees, EmployeeFacts f)
    {
        ModelSchema schema = b.Schema;
        Rng rng = core.Ctx.RngFor("Location", "homes");
        var homes = new Row[employees.Length];
        int name = b["name"], phone = b["phone_number"], street1 = b["street_1"], street2 = b["street_2"], city = b["city"],
            state = b["state"], zip = b["zip_code"], country = b["country"], type = b["location_type"];
        for (int i = 0; i < employees.Length; i++)
        {
            DateTime created = f.Created[i];
            Row row = RowFactory.NewRow(schema, rng.Uuid(), "HOME-" + (50000 + i).ToString(CultureInfo.InvariantCulture), created, created, f.Deleted[i]);
            Binder.Set(row, name, "Home");
            Binder.Set(row, phone, "+1 (" + rng.Between(201, 989) + ") " + rng.Between(200, 999) + "-" + rng.Digits(4));
            Binder.Set(row, street1, rng.Between(1, 9999) + " " + rng.Pick(Pools.Streets));
            Binder.Set(row, street2, rng.Chance(0.25) ? "Apt " + rng.Between(1, 40) : null);
            Binder.Set(row, city, rng.Pick(Pools.Cities));
            Binder.Set(row, state, rng.Pick(Pools.States));
            Binder.Set(row, zip, rng.Digits(5));
            Binder.Set(row, country, core.CompanyCountries.Length > f.Company[i] ? core.CompanyCountries[f.Company[i]] : "US");
            Binder.Set(row, type, "HOME");
            homes[i] = row;
            f.Home[i] = row.Id(schema)!;
        }

        return homes;
    }

    private static void Fill(HrisCore core, Binder b, Row[] rows, Rng rng, EmployeeFacts f, Row[] homes, Binder? eb, List<Row> employments)
    {
        ModelSchema schema = b.Schema;
        int number = b["employee_number"], company = b["company"], first = b["first_name"], last = b["last_name"],
            preferred = b["preferred_name"], display = b["display_full_name"], username = b["username"], groups = b["groups"],
            workEmail = b["work_email"], personalEmail = b["personal_email"], mobile = b["mobile_phone_number"],
            employmentsField = b["employments"], home = b["home_location"], work = b["work_location"], manager = b["manager"],
            team = b["team"], payGroup = b["pay_group"], ssn = b["ssn"], gender = b["gender"], ethnicity = b["ethnicity"],
            marital = b["marital_status"], birth = b["date_of_birth"], hire = b["hire_date"], start = b["start_date"],
            remoteCreated = b["remote_created_at"], status = b["employment_status"], termination = b["termination_date"],
            avatar = b["avatar"], custom = b["custom_fields"];
        string[] genders = schema.Field("gender")?.Values ?? new[] { "MALE", "FEMALE", "NON-BINARY", "OTHER", "PREFER_NOT_TO_DISCLOSE" };
        string[] ethnicities = schema.Field("ethnicity")?.Values ?? new[] { "WHITE", "ASIAN_OR_INDIAN_SUBCONTINENT", "HISPANIC_OR_LATINO", "BLACK_OR_AFRICAN_AMERICAN" };
        string[] maritals = schema.Field("marital_status")?.Values ?? new[] { "SINGLE", "MARRIED_FILING_JOINTLY" };
        var reports = new int[rows.Length];
        for (int i = 1; i < rows.Length; i++)
        {
            reports[f.Manager[i]]++;
        }

        var usernames = new HashSet<string>(rows.Length, StringComparer.Ordinal);
        HrisEmployments.Fields? employmentFields = eb is null ? null : new HrisEmployments.Fields(eb);
        var leafTeams = Array.FindAll(core.Teams, t => t.Leaf);
        var teamOf = new TeamInfo?[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            Row row = rows[i];

            // Managers mostly lead their own reports' team, so the team and manager trees agree.
            // The founder's reports lead one team each; most others join their manager's team.
            TeamInfo? t = leafTeams.Length == 0 ? null
                : f.Manager[i] == 0 ? leafTeams[(i - 1) % leafTeams.Length]
                : i > 0 && teamOf[f.Manager[i]] is { } mt && rng.Chance(0.6) ? mt : rng.Pick(leafTeams);
            teamOf[i] = t;
            string firstName = f.First[i], lastName = f.Last[i];
            string? preferredName = rng.Chance(0.12) ? rng.Pick(Pools.FirstNames) : null;
            string user = Pools.Slug(firstName) + "." + Pools.Slug(lastName);
            if (!usernames.Add(user))
            {
                int n = 2;
                while (!usernames.Add(user + n))
                {
                    n++;
                }

                user += n;
            }

            string domain = core.CompanyDomains.Length > f.Company[i] ? core.CompanyDomains[f.Company[i]] : "example.com";
            Binder.Set(row, number, (1000 + i).ToString(CultureInfo.InvariantCulture));
            Binder.Set(row, company, core.CompanyIds.Length > f.Company[i] ? core.CompanyIds[f.Company[i]] : null);
            Binder.Set(row, first, firstName);
            Binder.Set(row, last, lastName);
            Binder.Set(row, preferred, preferredName);
            Binder.Set(row, display, (preferredName ?? firstName) + " " + lastName);
            Binder.Set(row, username, user);
            Binder.Set(row, workEmail, user + "@" + domain);
            Binder.Set(row, personalEmail, Pools.Slug(firstName) + Pools.Slug(lastName) + (1000 + i).ToString(CultureInfo.InvariantCulture) + "@" + rng.Pick(PersonalDomains));
            Binder.Set(row, mobile, "+1 (" + rng.Between(201, 989) + ") " + rng.Between(200, 999) + "-" + rng.Digits(4));
            Binder.Set(row, home, f.Home[i]);
            List<string> offices = core.OfficesByCompany.Length > f.Company[i] ? core.OfficesByCompany[f.Company[i]] : new List<string>();
            Binder.Set(row, work, offices.Count == 0 || rng.Chance(0.1) ? null : rng.Pick(offices));
            Binder.Set(row, manager, f.Manager[i] < 0 ? null : f.Ids[f.Manager[i]]);
            Binder.Set(row, team, t?.Id);
            Binder.Set(row, payGroup, f.PayGroup[i].Length == 0 ? null : f.PayGroup[i]);
            Binder.Set(row, groups, Groups(core, t, rng));
            Binder.Set(row, ssn, rng.Between(100, 665) + "-" + rng.Digits(2) + "-" + rng.Digits(4));
            string g = rng.Chance(0.47) ? genders[0] : rng.Chance(0.9) ? genders[Math.Min(1, genders.Length - 1)] : rng.Pick(genders);
            f.Gender[i] = g;
            Binder.Set(row, gender, g);
            Binder.Set(row, ethnicity, rng.Pick(ethnicities));
            Binder.Set(row, marital, rng.Pick(maritals));
            Binder.Set(row, birth, f.Start[i].AddYears(-rng.Between(20, 55)).Date.AddDays(-rng.Next(365)));
            DateTime hireDate = f.Start[i].Date.AddDays(-rng.Between(7, 45));
            Binder.Set(row, hire, hireDate);
            Binder.Set(row, start, f.Start[i].Date);
            Binder.Set(row, remoteCreated, hireDate.AddHours(rng.Between(9, 17)));
            Binder.Set(row, status, f.Status[i]);
            Binder.Set(row, termination, f.Termination[i]?.Date);
            Binder.Set(row, avatar, "https://avatars.example.com/" + row.Values[schema.RemoteId] + ".png");
            Binder.Set(row, custom, RawJson.EmptyObject);
            string department = t?.Department ?? "Operations";
            string title = i == 0 ? "Chief Executive Officer" : reports[i] > 0 ? HrisEmployments.ManagerTitle(department, f.Manager[i] == 0, reports[i]) : rng.Pick(HrisEmployments.Titles(department));
            if (f.EmploymentType[i] == "INTERN")
            {
                title = department + " Intern";
            }

            Binder.Set(row, employmentsField, eb is null ? Array.Empty<object?>() : HrisEmployments.Build(core, eb, employmentFields!, row, i, title, rng, f, employments, schema.ModifiedAt));
        }
    }

    private static object?[] Groups(HrisCore core, TeamInfo? team, Rng rng)
    {
        var list = new List<object?>(4);
        if (team is not null)
        {
            if (core.DepartmentGroupIds.TryGetValue(team.Department, out string? dept))
            {
                list.Add(dept);
            }

            if (team.GroupId.Length > 0)
            {
                list.Add(team.GroupId);
            }
        }

        if (core.CostCenterGroupIds.Length > 0 && rng.Chance(0.35))
        {
            list.Add(rng.Pick(core.CostCenterGroupIds));
        }

        if (core.OtherGroupIds.Length > 0 && rng.Chance(0.25))
        {
            list.Add(rng.Pick(core.OtherGroupIds));
        }

        return list.ToArray();
    }

}
