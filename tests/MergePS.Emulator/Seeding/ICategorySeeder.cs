using System;
using System.Collections.Generic;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Seeding;

/// <summary>Generates one account's tables for a category. Tables may be lazy (built on first use).</summary>
public interface ICategorySeeder
{
    IDictionary<string, Lazy<Table>> Seed(SeedContext ctx, IReadOnlyList<string> tableModels);
}
