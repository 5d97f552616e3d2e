using System;
using System.Collections.Generic;
using System.Linq;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding.Hris;

/// <summary>Companies, pay groups, offices, groups and the team tree: the structure employees hang on.</summary>
public static class HrisOrganization
{
    private static readonly (string City, string State, string Zip, string Country, string Street)[] OfficeSites =
    {
        ("San Francisco", "CA", "94105", "US", "Market Street"), ("New York", "NY", "10011", "US", "Broadway"),
        ("Austin", "TX", "78701", "US", "Congress Avenue"), ("Toronto", "ON", "M5V 2T6", "CA", "King Street West"),
        ("Chicago", "IL", "60606", "US", "Wacker Drive"),
    };

    /// <summary>(team, parent, department); parents come first.</summary>
    private static readonly (string Name, string? Parent, string Department)[] TeamTree =
    {
        ("Engineering", null, "Engineering"), ("Go-To-Market", null, "Sales"), ("Product & Design", null, "Product"),
        ("G&A", null, "Finance"), ("Platform", "Engineering", "Engineering"), ("Payments", "Engineering", "Engineering"),
        ("Mobile", "Engineering", "Engineering"), ("Data", "Engineering", "Engineering"), ("Payments Risk", "Payments", "Engineering"),
        ("Sales", "Go-To-Market", "Sales"), ("Marketing", "Go-To-Market", "Marketing"),
        ("Customer Success", "Go-To-Market", "Customer Success"), ("Product Management", "Product & Design", "Product"),
        ("Design", "Product & Design", "Design"), ("Finance", "G&A", "Finance"), ("People", "G&A", "People"),
        ("Legal", "G&A", "Legal"), ("Operations", "G&A", "Operations"),
    };

    private static readonly string[] BusinessUnits = { "Core Platform", "Enterprise", "International" };

    private static readonly string[] CostCenters = { "CC-100 Research & Development", "CC-200 Sales & Marketing", "CC-300 General & Administrative", "CC-400 Cost of Revenue" };

    private static readonly string[] OtherGroups = { "All Hands", "Remote Workers", "Engineering Guild", "ERG: Women in Tech", "Emergency Response Team" };

    public static void Build(HrisCore core, List<Row> offices, Binder locationBinder)
    {
        Companies(core);
        PayGroups(core);
        Offices(core, offices, locationBinder);
        GroupsAndTeams(core);
    }

    private static void Companies(HrisCore core)
    {
        ModelSchema? schema = core.Ctx.Schema("Company");
        if (schema is null)
        {
            return;
        }

        var b = new Binder(schema);
        Rng rng = core.Ctx.RngFor("Company");
        RowSet set = RowFactory.Create(schema, rng, core.Ctx.Anchor, 4, 1, 1);
        var (live, dead) = HrisCore.Split(set, schema);
        int legal = b["legal_name"], display = b["display_name"], eins = b["eins"];
        string[] currencies = { "USD", "USD", "CAD" };
        string[] countries = { "US", "US", "CA" };
        var ids = new List<string>();
        var domains = new List<string>();
        var picked = new HashSet<string>(StringComparer.Ordinal);
        foreach (Row row in live.Concat(dead))
        {
            string name;
            do
            {
                name = rng.Pick(Pools.CompanyNames);
            }
            while (!picked.Add(name));

            bool isDead = row.Values[schema.RemoteWasDeleted] is true;
            Binder.Set(row, display, isDead ? name + " (Dissolved)" : name);
            Binder.Set(row, legal, name + (rng.Chance(0.5) ? ", Inc." : " LLC"));
            Binder.Set(row, eins, new object?[] { rng.Between(10, 99) + "-" + rng.Digits(7) });
            if (!isDead)
            {
                ids.Add(row.Id(schema)!);
                domains.Add(Pools.Slug(name.Split(' ', ',', '-')[0]) + ".example");
            }
        }

        core.CompanyIds = ids.ToArray();
        core.CompanyDomains = domains.ToArray();
        core.CompanyCurrencies = currencies;
        core.CompanyCountries = countries;
        core.Add(b, set);
    }

    private static void PayGroups(HrisCore core)
    {
        ModelSchema? schema = core.Ctx.Schema("PayGroup");
        if (schema is null)
        {
            return;
        }

        var b = new Binder(schema);
        Rng rng = core.Ctx.RngFor("PayGroup");
        RowSet set = RowFactory.Create(schema, rng, core.Ctx.Anchor, 5, 1, 1);
        var (live, dead) = HrisCore.Split(set, schema);
        int name = b["pay_group_name"];
        string[] names = { "US Biweekly Salaried", "US Weekly Hourly", "Canada Semimonthly", "Contractors Monthly" };
        for (int i = 0; i < live.Length; i++)
        {
            Binder.Set(live[i], name, names[i % names.Length]);
        }

        foreach (Row row in dead)
        {
            Binder.Set(row, name, "Legacy Quarterly Bonus");
        }

        core.PayGroupIds = live.Select(r => r.Id(schema)!).ToArray();
        core.Add(b, set);
    }

    private static void Offices(HrisCore core, List<Row> offices, Binder b)
    {
        ModelSchema schema = b.Schema;
        Rng rng = core.Ctx.RngFor("Location", "offices");
        core.OfficesByCompany = Enumerable.Range(0, Math.Max(1, core.CompanyIds.Length)).Select(_ => new List<string>()).ToArray();
        int[] companyOf = { 0, 0, 1, 2, 1 };
        DateTime start = core.Ctx.Anchor - RowFactory.History;
        for (int i = 0; i < OfficeSites.Length; i++)
        {
            var site = OfficeSites[i];
            DateTime created = RowFactory.Second(start.AddHours(i * 5 + rng.Next(5)));
            Row row = RowFactory.NewRow(schema, rng.Uuid(), "LOC-" + (100 + i), created, created.AddDays(rng.Between(0, 300)), false);
            Binder.Set(row, b["name"], i == 0 ? site.City + " HQ" : site.City + " Office");
            Binder.Set(row, b["phone_number"], "+1 (" + rng.Between(201, 989) + ") 555-" + rng.Digits(4));
            Binder.Set(row, b["street_1"], rng.Between(100, 999) + " " + site.Street);
            Binder.Set(row, b["street_2"], "Floor " + rng.Between(2, 30));
            Binder.Set(row, b["city"], site.City);
            Binder.Set(row, b["state"], site.State);
            Binder.Set(row, b["zip_code"], site.Zip);
            Binder.Set(row, b["country"], site.Country);
            Binder.Set(row, b["location_type"], "WORK");
            offices.Add(row);
            int company = Math.Min(companyOf[i], core.OfficesByCompany.Length - 1);
            core.OfficesByCompany[company].Add(row.Id(schema)!);
        }
    }

    private static void GroupsAndTeams(HrisCore core)
    {
        ModelSchema? groupSchema = core.Ctx.Schema("Group");
        ModelSchema? teamSchema = core.Ctx.Schema("Team");
        Rng rng = core.Ctx.RngFor("Group");

        // Teams first: each TEAM group mirrors a team, so group ids are drawn after team ids.
        var teams = new List<TeamInfo>();
        var teamIds = new Dictionary<string, string>(StringComparer.Ordinal);
        if (teamSchema is not null)
        {
            var tb = new Binder(teamSchema);
            Rng trng = core.Ctx.RngFor("Team");
            RowSet set = RowFactory.Create(teamSchema, trng, core.Ctx.Anchor, TeamTree.Length + 1, 1, 1);
            var (live, dead) = HrisCore.Split(set, teamSchema);
            int name = tb["name"], parent = tb["parent_team"];

            // Rows are in created order; parents must exist before children, so hand names out in tree order.
            for (int i = 0; i < TeamTree.Length && i < live.Length; i++)
            {
                var t = TeamTree[i];
                string id = live[i].Id(teamSchema)!;
                teamIds[t.Name] = id;
                Binder.Set(live[i], name, t.Name);
                Binder.Set(live[i], parent, t.Parent is null ? null : teamIds[t.Parent]);
            }

            foreach (Row row in dead)
            {
                Binder.Set(row, name, "Legacy Support");
                Binder.Set(row, parent, teamIds.GetValueOrDefault("Go-To-Market"));
            }

            core.Add(tb, set);
        }

        if (groupSchema is null)
        {
            foreach (var t in TeamTree)
            {
                teams.Add(new TeamInfo(teamIds.GetValueOrDefault(t.Name) ?? string.Empty, t.Name, t.Department, string.Empty, !TeamTree.Any(x => x.Parent == t.Name)));
            }

            core.Teams = teams.ToArray();
            return;
        }

        var gb = new Binder(groupSchema);
        int departments = Pools.Departments.Length;
        int total = BusinessUnits.Length + departments + CostCenters.Length + TeamTree.Length + OtherGroups.Length;
        RowSet groups = RowFactory.Create(groupSchema, rng, core.Ctx.Anchor, total + 1, 1, 1);
        var (glive, gdead) = HrisCore.Split(groups, groupSchema);
        int gName = gb["name"], gType = gb["type"], gParent = gb["parent_group"], gTeam = gb["is_commonly_used_as_team"];
        int k = 0;
        string Next(string groupName, string type, string? parentId, bool team)
        {
            Row row = glive[k++];
            Binder.Set(row, gName, groupName);
            Binder.Set(row, gType, type);
            Binder.Set(row, gParent, parentId);
            Binder.Set(row, gTeam, Boxes.Of(team));
            return row.Id(groupSchema)!;
        }

        core.BusinessUnitGroupIds = BusinessUnits.Select(n => Next(n, "BUSINESS_UNIT", null, false)).ToArray();
        for (int i = 0; i < departments; i++)
        {
            string dept = Pools.Departments[i];
            core.DepartmentGroupIds[dept] = Next(dept, "DEPARTMENT", core.BusinessUnitGroupIds[i % BusinessUnits.Length], i < 3);
        }

        core.CostCenterGroupIds = CostCenters.Select(n => Next(n, "COST_CENTER", null, false)).ToArray();
        foreach (var t in TeamTree)
        {
            string groupId = Next(t.Name, "TEAM", core.DepartmentGroupIds.GetValueOrDefault(t.Department), true);
            teams.Add(new TeamInfo(teamIds.GetValueOrDefault(t.Name) ?? groupId, t.Name, t.Department, groupId, !TeamTree.Any(x => x.Parent == t.Name)));
        }

        core.OtherGroupIds = OtherGroups.Select(n => Next(n, "GROUP", null, false)).ToArray();
        foreach (Row row in gdead)
        {
            Binder.Set(row, gName, "Legacy Contractors");
            Binder.Set(row, gType, "GROUP");
            Binder.Set(row, gTeam, Boxes.False);
        }

        core.Teams = teams.ToArray();
        core.Add(gb, groups);
    }
}
