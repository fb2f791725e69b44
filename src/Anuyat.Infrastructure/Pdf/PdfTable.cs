namespace Anuyat.Infrastructure.Pdf;

public enum PdfAlign
{
    Left,
    Center,
    Right,
}

/// <summary>A table column: its header, its share of the width (weights are relative), and how cells align.</summary>
public sealed record PdfTableColumn(string Header, float Weight = 1, PdfAlign Align = PdfAlign.Left);

/// <summary>
/// A table with wrapped cells, e.g. the ข.1 buildings table. Rows never split across pages; a row that does not fit
/// moves to the next page, under a repeated header row.
/// </summary>
public sealed class PdfTable
{
    private readonly List<IReadOnlyList<string>> _rows = [];

    public PdfTable(params PdfTableColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0 || columns.Any(c => c.Weight <= 0))
        {
            throw new ArgumentException("A table needs at least one column and every weight must be positive.", nameof(columns));
        }

        Columns = columns;
    }

    public IReadOnlyList<PdfTableColumn> Columns { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    public PdfTable AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"The row has {cells.Length} cells; the table has {Columns.Count} columns.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }
}
