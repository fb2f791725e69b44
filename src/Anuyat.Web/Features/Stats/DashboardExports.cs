using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Stats;

/// <summary>
/// CSV and XLSX of a dashboard table, with the page's rows and columns and a total row. The XLSX is the smallest valid
/// SpreadsheetML package (ECMA-376: one sheet, inline strings, numbers as numbers), written here rather than through a
/// library: forty lines, no dependency, and nothing in it a spreadsheet program has to guess.
/// </summary>
public static class DashboardExports
{
    public static byte[] Csv(DashboardTable table)
    {
        var text = new StringBuilder();
        Line(text, DashboardColumns.Headers(table));
        foreach (var (name, figures) in Rows(table))
        {
            Line(text, [name, .. DashboardColumns.All.Select(c => Number(c.Value(figures)))]);
        }

        // The byte-order mark makes spreadsheet programs read the Thai as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(DashboardTable table)
    {
        var sheet = new StringBuilder();
        sheet.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        var r = 1;
        XRow(sheet, r++, DashboardColumns.Headers(table).Select(h => (object?)h));
        foreach (var (name, figures) in Rows(table))
        {
            XRow(sheet, r++, [name, .. DashboardColumns.All.Select(c => (object?)c.Value(figures))]);
        }

        sheet.Append("</sheetData></worksheet>");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="stats" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        }

        return buffer.ToArray();
    }

    private static IEnumerable<(string Name, Infrastructure.Stats.StatsFigures Figures)> Rows(DashboardTable table) =>
        table.Rows.Select(r => (T(r.Name), r.Figures)).Append((T("รวม", "Total"), table.Total));

    private static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Quote));
        text.Append("\r\n");
    }

    /// <summary>RFC 4180 quoting; a cell starting with = + - @ is prefixed so no spreadsheet runs it as a formula.</summary>
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '@' or '-' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private static void XRow(StringBuilder sheet, int row, IEnumerable<object?> cells)
    {
        sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{row}\">");
        var column = 0;
        foreach (var cell in cells)
        {
            var reference = ColumnName(column++) + row.ToString(CultureInfo.InvariantCulture);
            switch (cell)
            {
                case null:
                    break;
                case double number:
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{number.ToString(CultureInfo.InvariantCulture)}</v></c>");
                    break;
                default:
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(cell.ToString())}</t></is></c>");
                    break;
            }
        }

        sheet.Append("</row>");
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    private static void Add(ZipArchive zip, string path, string content)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        using var stream = entry.Open();
        var bytes = new UTF8Encoding(false).GetBytes(content);
        stream.Write(bytes);
    }
}
