using System;
using System.Collections.Generic;
using System.Globalization;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding.Hris;

/// <summary>A year of semi-monthly payroll runs plus off-cycle ones, and per-employee payslips for the
/// most recent regular runs with earnings, deductions and taxes.</summary>
public static class HrisPayroll
{
    /// <summary>Regular runs per employee that get a payslip; fewer for very large data sets.</summary>
    private static int PayslipsPerEmployee(int employees) => employees <= 20_000 ? 3 : 1;

    public static RowSet? PayrollRuns(HrisCore core, ModelSchema schema, Binder b)
    {
        Rng rng = core.Ctx.RngFor("PayrollRun");
        var sink = new RowSink(b, rng, core.Ctx.Anchor, "PR-");
        int state = b["run_state"], type = b["run_type"], start = b["start_date"], end = b["end_date"], check = b["check_date"];
        DateTime month = new(core.Ctx.Anchor.Year, core.Ctx.Anchor.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var periods = new List<(DateTime Start, DateTime End, string Type)>();
        for (int m = 12; m >= 1; m--)
        {
            DateTime first = month.AddMonths(-m);
            periods.Add((first, first.AddDays(14), "REGULAR"));
            periods.Add((first.AddDays(15), first.AddMonths(1).AddSeconds(-1), "REGULAR"));
        }

        periods.Add((month, month.AddDays(14), "REGULAR"));
        string[] extras = { "OFF_CYCLE", "OFF_CYCLE", "CORRECTION", "TERMINATION", "SIGN_ON_BONUS", "OFF_CYCLE" };
        foreach (string extra in extras)
        {
            DateTime at = month.AddDays(-rng.Between(5, 360));
            periods.Add((at, at, extra));
        }

        periods.Sort((x, y) => x.Start.CompareTo(y.Start));
        foreach (var p in periods)
        {
            DateTime checkDate = p.End.Date.AddDays(p.Type == "REGULAR" ? 5 : 1);
            bool future = checkDate > core.Ctx.Anchor;
            Row row = sink.New(p.Start.AddDays(-3), false);
            Binder.Set(row, state, future ? "DRAFT" : rng.Chance(0.04) ? "FAILED" : rng.Chance(0.1) ? "CLOSED" : "PAID");
            Binder.Set(row, type, p.Type);
            Binder.Set(row, start, p.Start);
            Binder.Set(row, end, p.End);
            Binder.Set(row, check, checkDate);
        }

        return sink.Finish(1);
    }

    public static RowSet? EmployeePayrollRuns(HrisCore core, ModelSchema schema, Binder b)
    {
        SeedContext ctx = core.Ctx;
        EmployeeFacts f = core.Employees;
        Table? runs = ctx.Resolve?.Invoke("PayrollRun");
        ModelSchema? runSchema = ctx.Schema("PayrollRun");
        if (runs is null || runSchema is null)
        {
            return null;
        }

        var regular = new List<Row>();
        foreach (Row run in runs.Current.Rows)
        {
            if (!run.Shell && run[runSchema.IndexOf("run_type")] as string == "REGULAR" && run[runSchema.IndexOf("run_state")] as string != "DRAFT")
            {
                regular.Add(run);
            }
        }

        int take = Math.Min(PayslipsPerEmployee(f.Count), regular.Count);
        Rng rng = ctx.RngFor("EmployeePayrollRun");
        var sink = new RowSink(b, rng, ctx.Anchor, "EPR-");
        int employee = b["employee"], payrollRun = b["payroll_run"], gross = b["gross_pay"], net = b["net_pay"], start = b["start_date"],
            end = b["end_date"], check = b["check_date"], earnings = b["earnings"], deductions = b["deductions"], taxes = b["taxes"];
        var nested = new NestedPay(ctx);
        int rStart = runSchema.IndexOf("start_date"), rEnd = runSchema.IndexOf("end_date"), rCheck = runSchema.IndexOf("check_date");
        for (int i = 0; i < f.Count; i++)
        {
            if (!f.Working(i))
            {
                continue;
            }

            for (int k = regular.Count - take; k < regular.Count; k++)
            {
                Row run = regular[k];
                DateTime periodEnd = run[rEnd] is DateTime e ? e : ctx.Anchor;
                if (f.Start[i] > periodEnd || f.Termination[i] is { } t && t < periodEnd)
                {
                    continue;
                }

                decimal grossPay = f.Hourly[i] ? Math.Round(f.AnnualPay[i] * rng.Between(60, 88), 2) : Math.Round(f.AnnualPay[i] / 24m, 2);
                decimal netPay = Math.Round(grossPay * (0.68m + (rng.Between(0, 8) / 100m)), 2);
                Row row = sink.New(run[rCheck] is DateTime c ? c : periodEnd, f.Deleted[i] ? true : null);
                long key = nested.Register(row.Id(schema)!, grossPay, netPay, row.Values[schema.CreatedAt] is DateTime cr ? cr : periodEnd);
                Binder.Set(row, employee, f.Ids[i]);
                Binder.Set(row, payrollRun, run.Id(runSchema));
                Binder.Set(row, gross, grossPay);
                Binder.Set(row, net, netPay);
                Binder.Set(row, start, run[rStart]);
                Binder.Set(row, end, run[rEnd]);
                Binder.Set(row, check, run[rCheck]);
                Binder.Set(row, earnings, new Deferred(nested.Earnings, key));
                Binder.Set(row, deductions, new Deferred(nested.Deductions, key));
                Binder.Set(row, taxes, new Deferred(nested.Taxes, key));
            }
        }

        return sink.Finish(1);
    }

    /// <summary>Builds a payslip's lines on demand from the few numbers kept per payslip.</summary>
    private sealed class NestedPay
    {
        private readonly SeedContext _ctx;
        private readonly List<(string Id, decimal Gross, decimal Net, DateTime Created)> _slips = new();

        public NestedPay(SeedContext ctx) => _ctx = ctx;

        public long Register(string id, decimal gross, decimal net, DateTime created)
        {
            _slips.Add((id, gross, net, created));
            return _slips.Count - 1;
        }

        public object? Earnings(long key)
        {
            var slip = _slips[(int)key];
            Rng rng = _ctx.RngFor("Earning", key.ToString(CultureInfo.InvariantCulture));
            decimal bonus = rng.Chance(0.15) ? Math.Round(slip.Gross * 0.1m, 2) : 0m;
            var lines = new List<(string, decimal)> { ("SALARY", slip.Gross - bonus) };
            if (bonus > 0)
            {
                lines.Add(("BONUS", bonus));
            }

            return Lines("Earning", slip, rng, lines, (b, row, line) =>
            {
                Binder.Set(row, b["amount"], line.Item2);
                Binder.Set(row, b["type"], line.Item1);
            });
        }

        public object? Deductions(long key)
        {
            var slip = _slips[(int)key];
            Rng rng = _ctx.RngFor("Deduction", key.ToString(CultureInfo.InvariantCulture));
            decimal pool = (slip.Gross - slip.Net) * 0.3m;
            var lines = new List<(string, decimal)> { ("401(k)", Math.Round(pool * 0.6m, 2)), ("Medical", Math.Round(pool * 0.4m, 2)) };
            return Lines("Deduction", slip, rng, lines, (b, row, line) =>
            {
                Binder.Set(row, b["name"], line.Item1);
                Binder.Set(row, b["employee_deduction"], line.Item2);
                Binder.Set(row, b["company_deduction"], Math.Round(line.Item2 * 0.5m, 2));
            });
        }

        public object? Taxes(long key)
        {
            var slip = _slips[(int)key];
            Rng rng = _ctx.RngFor("Tax", key.ToString(CultureInfo.InvariantCulture));
            decimal pool = (slip.Gross - slip.Net) * 0.7m;
            var lines = new List<(string, decimal)>
            {
                ("Federal Income Tax", Math.Round(pool * 0.6m, 2)), ("Social Security", Math.Round(pool * 0.25m, 2)),
                ("Medicare", Math.Round(pool * 0.15m, 2)),
            };
            return Lines("Tax", slip, rng, lines, (b, row, line) =>
            {
                Binder.Set(row, b["name"], line.Item1);
                Binder.Set(row, b["amount"], line.Item2);
                Binder.Set(row, b["employer_tax"], Boxes.Of(line.Item1 != "Federal Income Tax"));
            });
        }

        private object?[] Lines(string model, (string Id, decimal Gross, decimal Net, DateTime Created) slip, Rng rng,
            List<(string, decimal)> lines, Action<Binder, Row, (string, decimal)> fill)
        {
            ModelSchema? schema = _ctx.Schema(model);
            if (schema is null)
            {
                return Array.Empty<object?>();
            }

            var b = new Binder(schema);
            var result = new object?[lines.Count];
            for (int i = 0; i < lines.Count; i++)
            {
                Row row = RowFactory.NewRow(schema, rng.Uuid(), rng.Digits(8), slip.Created, slip.Created, false);
                Binder.Set(row, b["employee_payroll_run"], slip.Id);
                fill(b, row, lines[i]);
                result[i] = row;
            }

            return result;
        }
    }
}
