using System;
using System.Collections.Generic;
using MergePS.Catalog;

namespace MergePS.CodeGen;

/// <summary>How a sensitive value is shown in the module's table and list views.</summary>
internal enum MaskKind
{
    /// <summary><c>***-**-1234</c>: the last four digits of a social security number.</summary>
    Ssn,

    /// <summary><c>****1234</c>: the last four characters, for account numbers.</summary>
    LastFour,

    /// <summary><c>****</c>: nothing of the value, for dates of birth, routing numbers and pay.</summary>
    Hidden,
}

/// <summary>
/// The one list of personal fields that the default views mask. The objects keep the real values;
/// only <c>MergePS.Format.ps1xml</c> shows these fields through <c>[MergePS.Formatting.Mask]</c>.
/// A rule names a category (or <c>*</c>), a model (or <c>*</c>) and a field's wire name.
/// </summary>
internal static class Sensitive
{
    public static readonly IReadOnlyList<(string Category, string Model, string Field, MaskKind Kind)> Rules = new[]
    {
        // Identity documents and birth dates, wherever they appear (records and request models).
        ("*", "*", "ssn", MaskKind.Ssn),
        ("*", "*", "date_of_birth", MaskKind.Hidden),

        // Bank accounts.
        ("hris", "BankInfo", "account_number", MaskKind.LastFour),
        ("hris", "BankInfo", "routing_number", MaskKind.Hidden),
        ("accounting", "BankFeedAccount", "source_account_number", MaskKind.LastFour),
        ("accounting", "BankFeedAccountRequest", "source_account_number", MaskKind.LastFour),

        // Credentials the platform operations return.
        ("platform", "AccountToken", "account_token", MaskKind.LastFour),
        ("platform", "RegenerateAccountToken", "account_token", MaskKind.LastFour),
        ("platform", "RemoteKey", "key", MaskKind.LastFour),
        ("platform", "WebhookReceiver", "key", MaskKind.LastFour),

        // Compensation: pay rates, payslips and benefit contributions.
        ("hris", "Employment", "pay_rate", MaskKind.Hidden),
        ("hris", "EmployeePayrollRun", "gross_pay", MaskKind.Hidden),
        ("hris", "EmployeePayrollRun", "net_pay", MaskKind.Hidden),
        ("hris", "Earning", "amount", MaskKind.Hidden),
        ("hris", "Deduction", "employee_deduction", MaskKind.Hidden),
        ("hris", "Deduction", "company_deduction", MaskKind.Hidden),
        ("hris", "Tax", "amount", MaskKind.Hidden),
        ("hris", "Benefit", "employee_contribution", MaskKind.Hidden),
        ("hris", "Benefit", "company_contribution", MaskKind.Hidden),
    };

    public static MaskKind? For(CategoryCatalog category, Model model, Field field)
    {
        foreach (var rule in Rules)
        {
            if ((rule.Category == "*" || rule.Category == category.Name)
                && (rule.Model == "*" || rule.Model == model.Name)
                && string.Equals(rule.Field, field.Name, StringComparison.Ordinal))
            {
                return rule.Kind;
            }
        }

        return null;
    }

    /// <summary>The PowerShell expression that shows <paramref name="property"/> of <c>$_</c> masked.</summary>
    public static string Expression(MaskKind kind, string property) =>
        $"[MergePS.Formatting.Mask]::{kind}($_.{property})";
}
