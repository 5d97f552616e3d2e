using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Api;

/// <summary>
/// The bytes a download serves: deterministic per (account, record, format), so a test can fetch
/// them twice and compare. The stored format is the record's own type (<c>mime_type</c> or
/// <c>content_type</c>) and its length the record's <c>size</c>; a <c>mime_type</c> query asks for an
/// export in another format, which has its own bytes, length and file extension. Binary formats start
/// with their real signature (PDF, PNG, JPEG, ZIP-based Office files) and use every byte value after
/// it; text formats are text.
/// </summary>
public sealed class DownloadContent
{
    /// <summary>Downloads stay small enough for tests even when a record claims gigabytes.</summary>
    public const long MaxLength = 4L * 1024 * 1024;

    private const long DefaultLength = 48 * 1024;

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = ".pdf",
        ["text/plain"] = ".txt",
        ["text/csv"] = ".csv",
        ["text/html"] = ".html",
        ["application/json"] = ".json",
        ["image/png"] = ".png",
        ["image/jpeg"] = ".jpg",
        ["application/zip"] = ".zip",
        ["application/rtf"] = ".rtf",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ".xlsx",
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = ".pptx",
        ["application/vnd.oasis.opendocument.text"] = ".odt",
    };

    private readonly ulong _seed;
    private readonly byte[] _prefix;
    private readonly bool _text;

    private DownloadContent(string key, string mimeType, long length, string fileName)
    {
        _seed = Fnv(key + "|" + mimeType);
        MimeType = mimeType;
        FileName = fileName;
        _text = mimeType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mimeType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mimeType.Equals("application/rtf", StringComparison.OrdinalIgnoreCase);
        _prefix = Signature(mimeType);
        Length = Math.Max(length, _prefix.Length);
    }

    public string MimeType { get; }

    public string FileName { get; }

    public long Length { get; }

    /// <summary>The content of one record: <paramref name="requested"/> is the mime_type query, if any.</summary>
    public static DownloadContent For(string dataKey, string id, string? storedType, long? storedSize, string? storedName, string? requested)
    {
        string stored = string.IsNullOrWhiteSpace(storedType) ? "application/octet-stream" : storedType!.Trim();
        string name = string.IsNullOrWhiteSpace(storedName) ? id : storedName!.Replace("\"", string.Empty, StringComparison.Ordinal);
        bool export = !string.IsNullOrWhiteSpace(requested) && !requested!.Trim().Equals(stored, StringComparison.OrdinalIgnoreCase);
        if (!export)
        {
            long length = storedSize is > 0 ? Math.Min(storedSize.Value, MaxLength) : DefaultLength;
            return new DownloadContent(dataKey + "|" + id, stored, length, name);
        }

        string type = requested!.Trim();
        if (Extensions.TryGetValue(type, out string? extension))
        {
            name = Path.GetFileNameWithoutExtension(name) + extension;
        }

        // An export has its own size: 16-80 KiB, fixed per record and format.
        long exportLength = 16 * 1024 + (long)(Fnv(dataKey + "|" + id + "|" + type) % (64 * 1024));
        return new DownloadContent(dataKey + "|" + id, type, exportLength, name);
    }

    /// <summary>Writes the bytes in chunks, never holding more than one chunk.</summary>
    public async Task WriteTo(Stream output)
    {
        byte[] buffer = new byte[64 * 1024];
        ulong state = _seed | 1;
        long written = 0;
        while (written < Length)
        {
            int count = (int)Math.Min(buffer.Length, Length - written);
            for (int i = 0; i < count; i++)
            {
                long position = written + i;
                if (position < _prefix.Length)
                {
                    buffer[i] = _prefix[position];
                    continue;
                }

                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                buffer[i] = _text ? TextByte(state, position) : (byte)(state >> 56);
            }

            await output.WriteAsync(buffer.AsMemory(0, count));
            written += count;
        }
    }

    private static byte TextByte(ulong state, long position)
    {
        if (position % 72 == 71)
        {
            return (byte)'\n';
        }

        const string alphabet = "abcdefghijklmnopqrstuvwxyz     eeeaaoo,.";
        return (byte)alphabet[(int)((state >> 40) % (ulong)alphabet.Length)];
    }

    private static byte[] Signature(string mimeType)
    {
        string type = mimeType.ToLowerInvariant();
        return type switch
        {
            "application/pdf" => new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A },
            "image/png" => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A },
            "image/jpeg" => new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 },
            "application/json" => Encoding.ASCII.GetBytes("{\"text\": \""),
            "application/rtf" => Encoding.ASCII.GetBytes("{\\rtf1 "),
            "text/html" => Encoding.ASCII.GetBytes("<!DOCTYPE html>\n"),
            _ when type == "application/zip" || type.StartsWith("application/vnd.openxmlformats", StringComparison.Ordinal)
                || type.StartsWith("application/vnd.oasis.opendocument", StringComparison.Ordinal)
                => new byte[] { 0x50, 0x4B, 0x03, 0x04 },
            _ => Array.Empty<byte>(),
        };
    }

    private static ulong Fnv(string text)
    {
        ulong h = 14695981039346656037;
        foreach (char c in text)
        {
            h = (h ^ c) * 1099511628211;
        }

        return h;
    }
}
