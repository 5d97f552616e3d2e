using System;
using System.Collections.Generic;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding.Hris;

/// <summary>The HRIS facts later recipes relate to: the org structure and, per employee, the few
/// values that time off, payroll and benefits depend on.</summary>
public sealed class HrisCore
{
    public HrisCore(SeedContext ctx) => Ctx = ctx;

    public SeedContext Ctx { get; }

    /// <summary>Built tables by model name, with their binders (for the generic completion).</summary>
    public Dictionary<string, (Binder Binder, RowSet Rows)> Built { get; } = new(StringComparer.Ordinal);

    public string[] CompanyIds { get; set; } = Array.Empty<string>();

    public string[] CompanyDomains { get; set; } = Array.Empty<string>();

    public string[] CompanyCurrencies { get; set; } = Array.Empty<string>();

    public string[] CompanyCountries { get; set; } = Array.Empty<string>();

    public string[] PayGroupIds { get; set; } = Array.Empty<string>();

    /// <summary>WORK locations per company.</summary>
    public List<string>[] OfficesByCompany { get; set; } = Array.Empty<List<string>>();

    public TeamInfo[] Teams { get; set; } = Array.Empty<TeamInfo>();

    public Dictionary<string, string> DepartmentGroupIds { get; } = new(StringComparer.Ordinal);

    public string[] CostCenterGroupIds { get; set; } = Array.Empty<string>();

    public string[] OtherGroupIds { get; set; } = Array.Empty<string>();

    public string[] BusinessUnitGroupIds { get; set; } = Array.Empty<string>();

    public EmployeeFacts Employees { get; set; } = new(0);

    public static (Row[] Live, Row[] Dead) Split(RowSet set, ModelSchema schema)
    {
        var live = new List<Row>();
        var dead = new List<Row>();
        foreach (Row row in set.Regular)
        {
            (row.Values[schema.RemoteWasDeleted] is true ? dead : live).Add(row);
        }

        return (live.ToArray(), dead.ToArray());
    }

    public void Add(Binder binder, RowSet rows)
    {
        Built[binder.Schema.Name] = (binder, rows);
        Ctx.RegisterIds(binder.Schema.Name, rows.All);
    }
}

public sealed record TeamInfo(string Id, string Name, string Department, string GroupId, bool Leaf);

/// <summary>Per-employee facts as parallel arrays (cheap at 100,000 employees).</summary>
public sealed class EmployeeFacts
{
    public EmployeeFacts(int count)
    {
        Count = count;
        Ids = new string[count];
        Manager = new int[count];
        Status = new string[count];
        Start = new DateTime[count];
        Termination = new DateTime?[count];
        First = new string[count];
        Last = new string[count];
        Home = new string[count];
        Company = new int[count];
        Deleted = new bool[count];
        EmploymentType = new string[count];
        AnnualPay = new decimal[count];
        Hourly = new bool[count];
        Created = new DateTime[count];
        PayGroup = new string[count];
        Gender = new string?[count];
    }

    public int Count { get; }

    public string[] Ids { get; }

    /// <summary>Index of the manager, -1 for the top of the tree.</summary>
    public int[] Manager { get; }

    public string[] Status { get; }

    public DateTime[] Start { get; }

    public DateTime?[] Termination { get; }

    public string[] First { get; }

    public string[] Last { get; }

    public string[] Home { get; }

    public int[] Company { get; }

    public bool[] Deleted { get; }

    public string[] EmploymentType { get; }

    public decimal[] AnnualPay { get; }

    public bool[] Hourly { get; }

    public DateTime[] Created { get; }

    public string[] PayGroup { get; }

    public string?[] Gender { get; }

    /// <summary>Employees that exist and have started: those who take time off and get paid.</summary>
    public bool Working(int i) => !Deleted[i] && Status[i] != "PENDING";
}
