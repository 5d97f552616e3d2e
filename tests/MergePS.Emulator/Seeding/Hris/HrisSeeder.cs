using System;
using System.Collections.Generic;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding.Hris;

/// <summary>HRIS with real relations. The org structure, employees, employments and locations are
/// built at once; tables that only hang off employees (time off, payroll, benefits...) are built
/// the first time they are read, which keeps 100,000-employee start-up short.</summary>
public sealed class HrisSeeder : ICategorySeeder
{
    private delegate RowSet? Recipe(HrisCore core, ModelSchema schema, Binder binder);

    private static readonly Dictionary<string, Recipe> LazyRecipes = new(StringComparer.Ordinal)
    {
        ["TimeOff"] = HrisTimeOff.TimeOff,
        ["TimeOffBalance"] = HrisTimeOff.Balances,
        ["TimesheetEntry"] = HrisTimeOff.Timesheets,
        ["EmployerBenefit"] = HrisBenefits.EmployerBenefits,
        ["Benefit"] = HrisBenefits.Benefits,
        ["Dependent"] = HrisBenefits.Dependents,
        ["BankInfo"] = HrisBenefits.BankInfo,
        ["PayrollRun"] = HrisPayroll.PayrollRuns,
        ["EmployeePayrollRun"] = HrisPayroll.EmployeePayrollRuns,
    };

    /// <summary>The hand-written recipes need these models; a catalogue without them is seeded generically.</summary>
    public static bool Supports(IReadOnlyDictionary<string, ModelSchema> schemas) =>
        schemas.ContainsKey("Employee") && schemas.ContainsKey("Location");

    public IDictionary<string, Lazy<Table>> Seed(SeedContext ctx, IReadOnlyList<string> tableModels)
    {
        var core = new HrisCore(ctx);
        var offices = new List<Row>();
        var locationBinder = new Binder(ctx.Schemas["Location"]);
        HrisOrganization.Build(core, offices, locationBinder);
        HrisEmployees.Build(core, offices, locationBinder);

        var generic = new List<string>();
        foreach (string model in tableModels)
        {
            if (!core.Built.ContainsKey(model) && !LazyRecipes.ContainsKey(model))
            {
                generic.Add(model);
            }
        }

        var genericSets = GenericSeeder.Create(ctx, generic);
        var result = new Dictionary<string, Lazy<Table>>(StringComparer.Ordinal);
        foreach (var (model, (binder, rows)) in core.Built)
        {
            GenericFiller.Fill(ctx, binder.Schema, rows.All, binder.Handled);
            result[model] = new Lazy<Table>(new Table(binder.Schema, rows.All));
        }

        foreach (var (model, rows) in genericSets)
        {
            GenericFiller.Fill(ctx, ctx.Schemas[model], rows.All, null);
            result[model] = new Lazy<Table>(new Table(ctx.Schemas[model], rows.All));
        }

        foreach (string model in tableModels)
        {
            if (LazyRecipes.TryGetValue(model, out Recipe? recipe) && ctx.Schema(model) is { } schema)
            {
                result[model] = new Lazy<Table>(() => BuildLazy(core, schema, recipe));
            }
        }

        return result;
    }

    private static Table BuildLazy(HrisCore core, ModelSchema schema, Recipe recipe)
    {
        var binder = new Binder(schema);
        RowSet? set = recipe(core, schema, binder);
        Row[] rows = set?.All ?? Array.Empty<Row>();
        GenericFiller.Fill(core.Ctx, schema, rows, binder.Handled, "lazy");
        return new Table(schema, rows);
    }
}
