using System;
using System.Collections.Generic;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding.Hris;

/// <summary>Employer benefit plans, employee enrolments in them, dependents and bank accounts.</summary>
public static class HrisBenefits
{
    private static readonly (string Type, string Name, string Description, string Code, decimal Employee, decimal Company)[] Plans =
    {
        ("MEDICAL", "Blue Shield PPO", "PPO medical plan with nationwide network", "MED-PPO", 210m, 640m),
        ("MEDICAL", "Kaiser HMO", "HMO medical plan", "MED-HMO", 150m, 520m),
        ("HEALTH_SAVINGS", "Fidelity HSA", "Health savings account with employer seed", "HSA", 100m, 50m),
        ("INSURANCE", "Delta Dental", "Dental coverage", "DENTAL", 18m, 42m),
        ("INSURANCE", "VSP Vision", "Vision coverage", "VISION", 6m, 14m),
        ("RETIREMENT", "Guideline 401(k)", "401(k) with 4% match", "401K", 400m, 160m),
        ("OTHER", "Commuter Benefits", "Pre-tax transit and parking", "COMMUTE", 120m, 0m),
    };

    public static RowSet? EmployerBenefits(HrisCore core, ModelSchema schema, Binder b)
    {
        Rng rng = core.Ctx.RngFor("EmployerBenefit");
        RowSet set = RowFactory.Create(schema, rng, core.Ctx.Anchor, Plans.Length + 1, 1, 1);
        var (live, dead) = HrisCore.Split(set, schema);
        int type = b["benefit_plan_type"], name = b["name"], description = b["description"], code = b["deduction_code"];
        for (int i = 0; i < live.Length; i++)
        {
            var p = Plans[i % Plans.Length];
            Binder.Set(live[i], type, p.Type);
            Binder.Set(live[i], name, p.Name);
            Binder.Set(live[i], description, p.Description);
            Binder.Set(live[i], code, p.Code);
        }

        foreach (Row row in dead)
        {
            Binder.Set(row, type, "MEDICAL");
            Binder.Set(row, name, "Aetna Choice POS II (retired)");
            Binder.Set(row, description, "Plan retired at last open enrollment");
            Binder.Set(row, code, "MED-POS");
        }

        return set;
    }

    public static RowSet? Benefits(HrisCore core, ModelSchema schema, Binder b)
    {
        EmployeeFacts f = core.Employees;
        string[] planIds = core.Ctx.IdsOf("EmployerBenefit");
        Rng rng = core.Ctx.RngFor("Benefit");
        var sink = new RowSink(b, rng, core.Ctx.Anchor, "BEN-");
        int employee = b["employee"], provider = b["provider_name"], planType = b["benefit_plan_type"], employeeShare = b["employee_contribution"],
            companyShare = b["company_contribution"], start = b["start_date"], end = b["end_date"], plan = b["employer_benefit"];
        for (int i = 0; i < f.Count; i++)
        {
            if (f.Status[i] == "PENDING" || f.Hourly[i] && f.EmploymentType[i] != "PART_TIME")
            {
                continue;
            }

            // One medical plan, then dental/vision/401(k) by chance.
            var chosen = new List<int> { rng.Next(2) };
            for (int p = 2; p < Plans.Length; p++)
            {
                if (rng.Chance(0.35))
                {
                    chosen.Add(p);
                }
            }

            foreach (int p in chosen)
            {
                var info = Plans[p];
                Row row = sink.New(f.Created[i].AddHours(rng.Between(1, 72)), f.Deleted[i] ? true : null);
                Binder.Set(row, employee, f.Ids[i]);
                Binder.Set(row, provider, info.Name);
                Binder.Set(row, planType, info.Type.ToLowerInvariant());
                Binder.Set(row, employeeShare, info.Employee);
                Binder.Set(row, companyShare, info.Company);
                Binder.Set(row, start, f.Start[i].Date.AddDays(30 - f.Start[i].Day + 1));
                Binder.Set(row, end, f.Termination[i]?.Date);
                Binder.Set(row, plan, planIds.Length > p ? planIds[p] : null);
            }
        }

        return sink.Finish(1);
    }

    public static RowSet? Dependents(HrisCore core, ModelSchema schema, Binder b)
    {
        EmployeeFacts f = core.Employees;
        Rng rng = core.Ctx.RngFor("Dependent");
        var sink = new RowSink(b, rng, core.Ctx.Anchor, "DEP-");
        int first = b["first_name"], middle = b["middle_name"], last = b["last_name"], relationship = b["relationship"],
            employee = b["employee"], birth = b["date_of_birth"], gender = b["gender"], phone = b["phone_number"],
            home = b["home_location"], student = b["is_student"], ssn = b["ssn"];
        for (int i = 0; i < f.Count; i++)
        {
            if (!rng.Chance(0.45))
            {
                continue;
            }

            int count = rng.Between(1, 3);
            for (int k = 0; k < count; k++)
            {
                bool partner = k == 0 && rng.Chance(0.7);
                Row row = sink.New(f.Created[i].AddHours(k + 1), f.Deleted[i] ? true : null);
                Binder.Set(row, first, rng.Pick(Pools.FirstNames));
                Binder.Set(row, middle, rng.Chance(0.4) ? rng.Pick(Pools.FirstNames) : null);
                Binder.Set(row, last, f.Last[i]);
                Binder.Set(row, relationship, partner ? (rng.Chance(0.85) ? "SPOUSE" : "DOMESTIC_PARTNER") : "CHILD");
                Binder.Set(row, employee, f.Ids[i]);
                DateTime dob = partner ? core.Ctx.Anchor.AddYears(-rng.Between(24, 60)) : core.Ctx.Anchor.AddYears(-rng.Between(0, 24));
                Binder.Set(row, birth, dob.Date.AddDays(-rng.Next(365)));
                Binder.Set(row, gender, rng.Chance(0.5) ? "FEMALE" : "MALE");
                Binder.Set(row, phone, partner ? "+1 (" + rng.Between(201, 989) + ") " + rng.Between(200, 999) + "-" + rng.Digits(4) : null);
                Binder.Set(row, home, f.Home[i]);
                Binder.Set(row, student, Boxes.Of(!partner && rng.Chance(0.6)));
                Binder.Set(row, ssn, rng.Between(100, 665) + "-" + rng.Digits(2) + "-" + rng.Digits(4));
            }
        }

        return sink.Finish(1);
    }

    public static RowSet? BankInfo(HrisCore core, ModelSchema schema, Binder b)
    {
        EmployeeFacts f = core.Employees;
        Rng rng = core.Ctx.RngFor("BankInfo");
        var sink = new RowSink(b, rng, core.Ctx.Anchor, "BANK-");
        int employee = b["employee"], number = b["account_number"], routing = b["routing_number"], bank = b["bank_name"],
            type = b["account_type"], remoteCreated = b["remote_created_at"];
        for (int i = 0; i < f.Count; i++)
        {
            if (f.Status[i] == "PENDING" && rng.Chance(0.5))
            {
                continue;
            }

            int count = rng.Chance(0.12) ? 2 : 1;
            for (int k = 0; k < count; k++)
            {
                DateTime created = f.Created[i].AddHours(rng.Between(1, 200));
                Row row = sink.New(created, f.Deleted[i] ? true : null);
                Binder.Set(row, employee, f.Ids[i]);
                Binder.Set(row, number, rng.Digits(rng.Between(9, 12)));
                Binder.Set(row, routing, "0" + rng.Digits(8));
                Binder.Set(row, bank, rng.Pick(Pools.Banks));
                Binder.Set(row, type, k == 0 ? "CHECKING" : "SAVINGS");
                Binder.Set(row, remoteCreated, f.Start[i].AddDays(-rng.Between(1, 20)));
            }
        }

        return sink.Finish(1);
    }
}
