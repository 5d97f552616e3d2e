using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace MergePS.CatalogBuilder;

/// <summary>A markdown file read as headed sections, pipe tables and bullet lines: just enough to read the
/// reference catalogue (<c>merge-api.md</c>).</summary>
public sealed class MarkdownDocument
{
    private static readonly Regex Heading = new(@"^(#{1,6}) (.*)$", RegexOptions.CultureInvariant);

    private readonly string[] _lines;

    private MarkdownDocument(string path, string[] lines)
    {
        Path = path;
        _lines = lines;
    }

    public string Path { get; }

    public static MarkdownDocument Load(string path) =>
        new(path, File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));

    /// <summary>The lines under the first heading of <paramref name="level"/> whose text matches
    /// <paramref name="title"/>, up to the next heading of that level or a higher one; null when there is none.</summary>
    public MarkdownSection? Section(int level, Regex title) => Section(level, title, 0, _lines.Length);

    internal MarkdownSection? Section(int level, Regex title, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            Match match = Heading.Match(_lines[i]);
            if (!match.Success || match.Groups[1].Length != level || !title.IsMatch(match.Groups[2].Value))
            {
                continue;
            }

            int end = i + 1;
            while (end < to && !(Heading.Match(_lines[end]) is { Success: true } next && next.Groups[1].Length <= level))
            {
                end++;
            }

            return new MarkdownSection(this, match.Groups[2].Value, i + 1, end);
        }

        return null;
    }

    internal IEnumerable<string> Lines(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            yield return _lines[i];
        }
    }
}

/// <summary>The body of one heading.</summary>
public sealed class MarkdownSection
{
    private readonly MarkdownDocument _document;
    private readonly int _from;
    private readonly int _to;

    internal MarkdownSection(MarkdownDocument document, string title, int from, int to)
    {
        _document = document;
        Title = title;
        _from = from;
        _to = to;
    }

    public string Title { get; }

    public IEnumerable<string> Lines => _document.Lines(_from, _to);

    /// <summary>A sub-heading inside this section.</summary>
    public MarkdownSection? Section(int level, Regex title) => _document.Section(level, title, _from, _to);

    /// <summary>Every pipe table in the section, in order.</summary>
    public List<MarkdownTable> Tables()
    {
        var tables = new List<MarkdownTable>();
        List<string>? block = null;
        foreach (string line in Lines.Append(string.Empty))
        {
            if (line.StartsWith('|'))
            {
                (block ??= new List<string>()).Add(line);
                continue;
            }

            if (block is { Count: >= 2 })
            {
                List<string> header = MarkdownTable.Cells(block[0]);
                List<List<string>> rows = block.Skip(2).Select(MarkdownTable.Cells).ToList();
                tables.Add(new MarkdownTable(header, rows));
            }

            block = null;
        }

        return tables;
    }

    /// <summary>The first table whose header starts with these column names.</summary>
    public MarkdownTable? Table(params string[] leadingColumns) => Tables().FirstOrDefault(t =>
        t.Header.Count >= leadingColumns.Length
        && leadingColumns.Select((c, i) => string.Equals(t.Header[i], c, StringComparison.Ordinal)).All(x => x));
}

public sealed class MarkdownTable
{
    public MarkdownTable(List<string> header, List<List<string>> rows)
    {
        Header = header;
        Rows = rows;
    }

    public List<string> Header { get; }

    public List<List<string>> Rows { get; }

    /// <summary>A cell by column name (the empty string when the row is short).</summary>
    public string Cell(List<string> row, string column)
    {
        int index = Header.IndexOf(column);
        if (index < 0)
        {
            throw new InvalidDataException($"table has no column '{column}' (columns: {string.Join(", ", Header)}).");
        }

        return index < row.Count ? row[index] : string.Empty;
    }

    /// <summary>The cells of one table line, trimmed; a <c>|</c> inside a code span does not split.</summary>
    internal static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool code = false;
        foreach (char c in line.Trim())
        {
            if (c == '`')
            {
                code = !code;
            }

            if (c == '|' && !code)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
                continue;
            }

            cell.Append(c);
        }

        cells.Add(cell.ToString().Trim());

        // A line starts and ends with a pipe: drop the empty cells outside them.
        if (cells.Count > 0 && cells[0].Length == 0)
        {
            cells.RemoveAt(0);
        }

        if (cells.Count > 0 && cells[^1].Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        return cells;
    }

    /// <summary>The contents of every code span in a text (<c>`a` / `b`</c> → a, b).</summary>
    public static List<string> CodeSpans(string text) =>
        Regex.Matches(text, "`([^`]*)`", RegexOptions.CultureInvariant).Select(m => m.Groups[1].Value).ToList();
}
