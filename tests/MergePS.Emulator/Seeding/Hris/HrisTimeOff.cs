using System;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding.Hris;

/// <summary>Time-off requests approved by the requester's manager, balances per policy, and timesheets.</summary>
public static class HrisTimeOff
{
    public static RowSet? TimeOff(HrisCore core, ModelSchema schema, Binder b)
    {
        EmployeeFacts f = core.Employees;
        Rng rng = core.Ctx.RngFor("TimeOff");
        var sink = new RowSink(b, rng, core.Ctx.Anchor, "PTO-");
        int employee = b["employee"], approver = b["approver"], status = b["status"], note = b["employee_note"], units = b["units"],
            amount = b["amount"], type = b["request_type"], start = b["start_time"], end = b["end_time"];
        var notes = new System.Collections.Generic.Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["VACATION"] = new[] { "Family vacation", "Long weekend", "Visiting family", "Trip to the coast" },
            ["SICK"] = new[] { "Feeling unwell", "Doctor's appointment", "Flu" },
            ["PERSONAL"] = new[] { "Moving day", "Wedding", "Personal errands" },
            ["VOLUNTEER"] = new[] { "Food bank volunteering", "Beach clean-up" },
            ["BEREAVEMENT"] = new[] { "Family funeral" },
            ["JURY_DUTY"] = new[] { "Jury summons" },
        };
        for (int i = 0; i < f.Count; i++)
        {
            if (!f.Working(i))
            {
                continue;
            }

            int requests = rng.Between(0, 4);
            for (int k = 0; k < requests; k++)
            {
                double r = rng.NextDouble();
                string requestType = r < 0.5 ? "VACATION" : r < 0.75 ? "SICK" : r < 0.87 ? "PERSONAL" : r < 0.93 ? "VOLUNTEER" : r < 0.97 ? "BEREAVEMENT" : "JURY_DUTY";
                DateTime startTime = core.Ctx.Anchor.Date.AddDays(rng.Between(-365, 60)).AddHours(9);
                if (startTime < f.Start[i])
                {
                    startTime = f.Start[i].Date.AddDays(rng.Between(10, 60)).AddHours(9);
                }

                bool days = rng.Chance(0.6);
                decimal quantity = days ? rng.Between(1, 10) : rng.Between(1, 8) * 4;
                DateTime endTime = days ? startTime.AddDays((double)quantity).AddHours(-1) : startTime.AddHours((double)quantity);
                bool future = startTime > core.Ctx.Anchor;
                double s = rng.NextDouble();
                string state = future ? (s < 0.55 ? "REQUESTED" : s < 0.9 ? "APPROVED" : "CANCELLED")
                    : s < 0.78 ? "APPROVED" : s < 0.88 ? "DECLINED" : s < 0.96 ? "CANCELLED" : "DELETED";
                DateTime created = startTime.AddDays(-rng.Between(3, 40));
                if (created < f.Created[i])
                {
                    created = f.Created[i].AddHours(rng.Between(1, 48));
                }

                Row row = sink.New(created);
                Binder.Set(row, employee, f.Ids[i]);
                Binder.Set(row, approver, f.Manager[i] < 0 ? null : f.Ids[f.Manager[i]]);
                Binder.Set(row, status, state);
                Binder.Set(row, note, rng.Chance(0.6) && notes.TryGetValue(requestType, out string[]? options) ? rng.Pick(options) : null);
                Binder.Set(row, units, days ? "DAYS" : "HOURS");
                Binder.Set(row, amount, quantity);
                Binder.Set(row, type, requestType);
                Binder.Set(row, start, startTime);
                Binder.Set(row, end, endTime);
            }
        }

        return sink.Finish(2);
    }

    public static RowSet? Balances(HrisCore core, ModelSchema schema, Binder b)
    {
        EmployeeFacts f = core.Employees;
        Rng rng = core.Ctx.RngFor("TimeOffBalance");
        var sink = new RowSink(b, rng, core.Ctx.Anchor, "BAL-");
        int employee = b["employee"], balance = b["balance"], used = b["used"], policy = b["policy_type"];
        string[] policies = { "VACATION", "SICK", "PERSONAL" };
        for (int i = 0; i < f.Count; i++)
        {
            if (f.Status[i] == "INACTIVE")
            {
                continue;
            }

            int count = rng.Chance(0.7) ? 2 : 3;
            for (int k = 0; k < count; k++)
            {
                Row row = sink.New(f.Created[i].AddMinutes(k + 1), f.Deleted[i] ? true : null);
                Binder.Set(row, employee, f.Ids[i]);
                Binder.Set(row, policy, policies[k]);
                Binder.Set(row, balance, (decimal)(rng.Between(0, 160) / 4.0 * 4));
                Binder.Set(row, used, (decimal)rng.Between(0, 120));
            }
        }

        return sink.Finish(1);
    }

    public static RowSet? Timesheets(HrisCore core, ModelSchema schema, Binder b)
    {
        EmployeeFacts f = core.Employees;
        Rng rng = core.Ctx.RngFor("TimesheetEntry");
        var sink = new RowSink(b, rng, core.Ctx.Anchor, "TS-");
        int employee = b["employee"], hours = b["hours_worked"], start = b["start_time"], end = b["end_time"];

        // Hourly staff clock in every weekday of the last week; salaried staff log a day now and then.
        DateTime today = core.Ctx.Anchor.Date;
        for (int i = 0; i < f.Count; i++)
        {
            if (!f.Working(i) || f.Status[i] != "ACTIVE")
            {
                continue;
            }

            int days = f.Hourly[i] ? 5 : rng.Chance(0.15) ? 1 : 0;
            for (int d = days; d >= 1; d--)
            {
                DateTime day = today.AddDays(-d - (today.AddDays(-d).DayOfWeek == DayOfWeek.Sunday ? 2 : today.AddDays(-d).DayOfWeek == DayOfWeek.Saturday ? 1 : 0));
                DateTime startTime = day.AddHours(7).AddMinutes(rng.Between(0, 150));
                decimal worked = rng.Between(30, 38) / 4m;
                Row row = sink.New(startTime.AddHours(12));
                Binder.Set(row, employee, f.Ids[i]);
                Binder.Set(row, hours, worked);
                Binder.Set(row, start, startTime);
                Binder.Set(row, end, startTime.AddHours((double)worked));
            }
        }

        return sink.Finish(1);
    }
}
