using System.Globalization;
using System.Text;

namespace Anuyat.Infrastructure.Platform;

/// <summary>
/// Reads a small reference CSV with a required header, reporting problems as "file:line: column 'x' …" so a
/// malformed file stops the app with one line an administrator can act on.
/// </summary>
public static class CsvTable
{
    public static IReadOnlyList<CsvRow> Read(string path, params string[] requiredColumns)
    {
        var name = Path.GetFileName(Path.GetDirectoryName(path)) + "/" + Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new StartupException($"{name}: file not found at {path}.");
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
        {
            throw new StartupException($"{name}: the file is empty; expected a header with {string.Join(", ", requiredColumns)}.");
        }

        var header = SplitLine(lines[0].TrimStart('\uFEFF'), name, 1);
        foreach (var column in requiredColumns)
        {
            if (!header.Contains(column, StringComparer.Ordinal))
            {
                throw new StartupException($"{name}: missing column '{column}' (header is: {string.Join(",", header)}).");
            }
        }

        var rows = new List<CsvRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = SplitLine(lines[i], name, i + 1);
            if (fields.Count != header.Count)
            {
                throw new StartupException($"{name}:{i + 1}: expected {header.Count} columns, found {fields.Count}.");
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++)
            {
                values[header[c]] = fields[c].Trim();
            }

            rows.Add(new CsvRow(name, i + 1, values));
        }

        return rows;
    }

    /// <summary>Splits one line by RFC 4180 rules: commas, with double-quoted fields that may hold commas and "" for a quote.</summary>
    private static List<string> SplitLine(string line, string file, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new StartupException($"{file}:{lineNumber}: a quoted field is not closed.");
        }

        fields.Add(field.ToString());
        return fields;
    }
}

/// <summary>One data row of a reference CSV, with its file and line for error messages.</summary>
public sealed class CsvRow(string file, long line, IReadOnlyDictionary<string, string> values)
{
    public string Required(string column)
    {
        var value = values[column];
        return string.IsNullOrWhiteSpace(value) ? throw Problem(column, "is empty") : value;
    }

    public bool Boolean(string column)
    {
        var value = Required(column);
        return bool.TryParse(value, out var result) ? result : throw Problem(column, $"must be true or false, not '{value}'");
    }

    public DateOnly Date(string column)
    {
        var value = Required(column);
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Problem(column, $"must be a date yyyy-MM-dd, not '{value}'");
    }

    public StartupException Problem(string column, string what) => new($"{file}:{line}: column '{column}' {what}.");
}
