using System;
using System.Collections.Generic;
using System.Linq;
using Bogus;

namespace MergePS.Emulator.Seeding;

/// <summary>Realistic words drawn once from Bogus with a fixed seed; records then pick from these
/// arrays with our own generator, which is far faster than calling Bogus per record.</summary>
public static class Pools
{
    public static readonly string[] FirstNames;
    public static readonly string[] LastNames;
    public static readonly string[] Cities;
    public static readonly string[] States;
    public static readonly string[] Streets;
    public static readonly string[] CompanyNames;
    public static readonly string[] Sentences;
    public static readonly string[] Words;
    public static readonly string[] Products;
    public static readonly string[] Domains;

    public static readonly string[] JobTitles =
    {
        "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager", "Product Manager",
        "Senior Product Manager", "Product Designer", "Data Analyst", "Data Scientist", "Account Executive",
        "Sales Development Representative", "Customer Success Manager", "Support Specialist", "Recruiter",
        "People Partner", "Payroll Specialist", "Financial Analyst", "Controller", "Marketing Manager",
        "Content Strategist", "Operations Manager", "Office Manager", "IT Administrator", "Security Engineer",
        "QA Engineer", "DevOps Engineer", "Solutions Architect", "Legal Counsel", "Executive Assistant", "Intern",
    };

    public static readonly string[] Departments =
    {
        "Engineering", "Product", "Design", "Sales", "Marketing", "Customer Success", "Finance", "People", "Legal", "Operations",
    };

    public static readonly string[] Banks =
    {
        "Chase", "Bank of America", "Wells Fargo", "Citibank", "U.S. Bank", "PNC Bank", "Capital One", "TD Bank", "Truist", "Ally Bank",
    };

    static Pools()
    {
        var faker = new Faker("en") { Random = new Randomizer(20240101) };
        FirstNames = Distinct(600, () => faker.Name.FirstName());
        LastNames = Distinct(600, () => faker.Name.LastName());
        Cities = Distinct(200, () => faker.Address.City());
        States = Distinct(50, () => faker.Address.StateAbbr());
        Streets = Distinct(300, () => faker.Address.StreetName());
        CompanyNames = Distinct(150, () => faker.Company.CompanyName());
        Sentences = Distinct(300, () => faker.Lorem.Sentence(6, 6));
        Words = Distinct(300, () => faker.Lorem.Word());
        Products = Distinct(150, () => faker.Commerce.ProductName());
        Domains = Distinct(100, () => faker.Internet.DomainWord() + ".example");
    }

    private static string[] Distinct(int attempts, Func<string> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        for (int i = 0; i < attempts; i++)
        {
            string value = next();
            if (seen.Add(value))
            {
                list.Add(value);
            }
        }

        return list.ToArray();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Slugs = new(StringComparer.Ordinal);

    /// <summary>Lower-case letters and digits only, for emails and usernames; cached because the
    /// same few hundred names are slugged for every generated person.</summary>
    public static string Slug(string text) => Slugs.GetOrAdd(text, static t =>
    {
        Span<char> buffer = t.Length <= 256 ? stackalloc char[t.Length] : new char[t.Length];
        int n = 0;
        foreach (char c in t)
        {
            if (char.IsLetterOrDigit(c) || c == '-')
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer.Slice(0, n));
    });
}
