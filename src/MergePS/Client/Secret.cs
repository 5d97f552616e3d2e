using System;
using System.Runtime.InteropServices;
using System.Security;

namespace MergePS.Client;

/// <summary>
/// SecureString helpers. A secret becomes a managed string only inside <see cref="Reveal"/>, which
/// the client calls while it builds one request's headers.
/// </summary>
public static class Secret
{
    public static SecureString FromString(string value)
    {
        var secure = new SecureString();
        foreach (char c in value)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    public static string Reveal(SecureString secret)
    {
        IntPtr pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            return Marshal.PtrToStringUni(pointer) ?? string.Empty;
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    /// <summary>The last four characters behind a mask, so people can tell keys apart.</summary>
    public static string Hint(SecureString secret)
    {
        string plain = Reveal(secret);
        return plain.Length <= 4 ? "****" : "****" + plain.Substring(plain.Length - 4);
    }

    public static bool IsBlank(SecureString? secret)
    {
        if (secret is null || secret.Length == 0)
        {
            return true;
        }

        return string.IsNullOrWhiteSpace(Reveal(secret));
    }
}
