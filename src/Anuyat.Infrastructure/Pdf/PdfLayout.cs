using SkiaSharp;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>Page size and margins in PDF points (1/72 inch). A4 with 20 mm side margins by default.</summary>
public sealed record PdfPageSettings
{
    public static readonly PdfPageSettings A4 = new();

    public float Width { get; init; } = 595.28f;

    public float Height { get; init; } = 841.89f;

    public float MarginLeft { get; init; } = 56.7f;

    public float MarginRight { get; init; } = 56.7f;

    public float MarginTop { get; init; } = 48f;

    /// <summary>Below the content; the footer (page numbers) sits inside it.</summary>
    public float MarginBottom { get; init; } = 64f;

    public float ContentWidth => Width - MarginLeft - MarginRight;

    public float ContentBottom => Height - MarginBottom;
}

/// <summary>One thing to draw on a page, decided during layout and drawn once the page count is known.</summary>
internal abstract record PdfDrawOp;

internal sealed record PdfTextOp(string Text, float X, float Baseline, PdfFontStyle Style, float Size, SKColor Color) : PdfDrawOp;

internal sealed record PdfLineOp(float X1, float Y1, float X2, float Y2, float Width, SKColor Color) : PdfDrawOp;

internal sealed record PdfRectOp(SKRect Rect, SKColor Fill) : PdfDrawOp;

/// <summary>A QR code's dark modules (rows of the matrix, quiet zone included) filled as one vector path in <paramref name="Rect"/>.</summary>
internal sealed record PdfQrOp(IReadOnlyList<bool[]> Modules, SKRect Rect) : PdfDrawOp;

/// <summary>
/// The cursor that blocks move down the pages: content is laid out top to bottom and a new page starts when a
/// piece does not fit in what is left of the current one.
/// </summary>
internal sealed class PdfLayoutContext(PdfPageSettings page, PdfTextShaper shaper)
{
    private readonly List<List<PdfDrawOp>> _pages = [[]];

    public PdfPageSettings Page { get; } = page;

    public PdfTextShaper Shaper { get; } = shaper;

    public float Y { get; set; } = page.MarginTop;

    public float Left => Page.MarginLeft;

    public float Width => Page.ContentWidth;

    public IReadOnlyList<IReadOnlyList<PdfDrawOp>> Pages => _pages;

    public bool AtPageTop => Y <= Page.MarginTop + 0.01f;

    public float Remaining => Page.ContentBottom - Y;

    public void Add(PdfDrawOp op) => _pages[^1].Add(op);

    public void NewPage()
    {
        _pages.Add([]);
        Y = Page.MarginTop;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits below the cursor (or the page is still empty).</summary>
    public void EnsureSpace(float height)
    {
        if (height > Remaining && !AtPageTop)
        {
            NewPage();
        }
    }

    public static float LineHeight(float size) => size * 1.55f;

    /// <summary>Where the baseline goes in a line box of <see cref="LineHeight"/> starting at <paramref name="top"/>.</summary>
    public float Baseline(float top, PdfFontStyle style, float size)
    {
        var (ascent, descent) = Shaper.VerticalMetrics(style, size);
        return top + ((LineHeight(size) - (ascent + descent)) / 2) + ascent;
    }

    /// <summary>
    /// The lines of <paramref name="text"/> at this width; a pure function of its arguments and the fonts, so kept in
    /// the fonts' process-wide <see cref="PdfFonts.WrappedLines"/> (a fixed label is broken into lines once per process).
    /// </summary>
    public IReadOnlyList<string> Wrap(string text, float width, PdfFontStyle style, float size) =>
        text.Length > PdfFonts.MaxCachedTextLength
            ? ThaiLineBreaker.Wrap(text, width, s => Shaper.Measure(s, style, size))
            : Shaper.Fonts.WrappedLines.GetOrAdd(
                (text, width, style, size),
                key => [.. ThaiLineBreaker.Wrap(key.Text, key.Width, s => Shaper.Measure(s, key.Style, key.Size))]);

    /// <summary>Adds wrapped lines at the cursor, breaking to a new page between lines as needed.</summary>
    public void AddLines(IReadOnlyList<string> lines, float x, PdfFontStyle style, float size, SKColor color)
    {
        var lineHeight = LineHeight(size);
        foreach (var line in lines)
        {
            EnsureSpace(lineHeight);
            Add(new PdfTextOp(line, x, Baseline(Y, style, size), style, size, color));
            Y += lineHeight;
        }
    }
}
