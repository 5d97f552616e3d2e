using System.Security;

namespace MergePS.Client;

/// <summary>A linked account the session can act on: a name and its account token.</summary>
public sealed class MergeAccount
{
    public MergeAccount(string name, SecureString accountToken)
    {
        Name = name;
        AccountToken = accountToken;
        TokenHint = Secret.Hint(accountToken);
    }

    public string Name { get; }

    /// <summary>The token's last four characters, masked.</summary>
    public string TokenHint { get; }

    /// <summary>Merge category of the account (hris, ats, ...), once known.</summary>
    public string? Category { get; set; }

    /// <summary>Merge's id of the linked account, once known.</summary>
    public string? LinkedAccountId { get; set; }

    /// <summary>Internal so that no formatter or serializer of public properties can reach it.</summary>
    internal SecureString AccountToken { get; }

    public override string ToString() => $"{Name} ({TokenHint})";
}
