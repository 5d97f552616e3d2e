using System;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace MergePS.Emulator.Api;

/// <summary>Opaque cursors, shaped like DRF's (base64 of <c>p=&lt;position&gt;</c>), URL-safe so a
/// client that forgets to escape them still works.</summary>
public static class Cursor
{
    public static string Encode(int position) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes("p=" + position.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out int position)
    {
        position = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            string text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor.Replace('+', '-').Replace('/', '_').TrimEnd('=')));
            return text.StartsWith("p=", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out position);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
