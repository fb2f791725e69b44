using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using HbBuffer = HarfBuzzSharp.Buffer;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>
/// Shapes text with HarfBuzz (Thai tone marks and vowels need the font's GPOS/GSUB rules; plain DrawText misplaces
/// them) and turns it into a Skia text blob that also carries the original UTF-8 text and the glyph-to-text
/// clusters. Without the clusters Skia's PDF backend can map only glyphs found in the font's cmap back to Unicode,
/// so the positional variants of tone marks (e.g. the lowered ่ over ป) vanish from copied or extracted text;
/// CanvasExtensions.DrawShapedText does not pass them. One per render: SKShaper is not thread-safe.
/// </summary>
internal sealed class PdfTextShaper : IDisposable
{
    private readonly PdfFonts _fonts;
    private readonly SKShaper _regular;
    private readonly SKShaper _bold;
    private readonly Dictionary<(string Text, PdfFontStyle Style, float Size), float> _widths = [];

    public PdfTextShaper(PdfFonts fonts)
    {
        _fonts = fonts;
        _regular = new SKShaper(fonts.Regular);
        _bold = ReferenceEquals(fonts.Bold, fonts.Regular) ? _regular : new SKShaper(fonts.Bold);
    }

    public SKFont CreateFont(PdfFontStyle style, float size) => new(_fonts.Get(style), size);

    /// <summary>Ascent (positive, above the baseline) and descent (below) of the face at this size.</summary>
    public (float Ascent, float Descent) VerticalMetrics(PdfFontStyle style, float size)
    {
        using var font = CreateFont(style, size);
        var metrics = font.Metrics;
        return (-metrics.Ascent, metrics.Descent);
    }

    /// <summary>The advance width of the shaped text in points; cached because line breaking asks often.</summary>
    public float Measure(string text, PdfFontStyle style, float size)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (_widths.TryGetValue((text, style, size), out var width))
        {
            return width;
        }

        using var font = CreateFont(style, size);
        width = Shape(text, style, font).Result.Width;
        _widths[(text, style, size)] = width;
        return width;
    }

    /// <summary>Draws <paramref name="text"/> with its baseline starting at (x, y).</summary>
    public void Draw(SKCanvas canvas, string text, float x, float y, PdfFontStyle style, float size, SKColor color)
    {
        if (text.Length == 0)
        {
            return;
        }

        using var font = CreateFont(style, size);
        var (result, utf8) = Shape(text, style, font);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, result.Codepoints.Length, utf8.Length, null);
        var glyphs = new ushort[result.Codepoints.Length];
        for (var i = 0; i < glyphs.Length; i++)
        {
            glyphs[i] = (ushort)result.Codepoints[i];
        }

        run.SetGlyphs(glyphs);
        run.SetPositions(result.Points);
        run.SetText(utf8);
        run.SetClusters(result.Clusters);
        using var blob = builder.Build();
        if (blob is null)
        {
            return;
        }

        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(blob, x, y, paint);
    }

    private (SKShaper.Result Result, byte[] Utf8) Shape(string text, PdfFontStyle style, SKFont font)
    {
        // Shape from UTF-8 ourselves so the clusters HarfBuzz returns are byte offsets into exactly the bytes
        // handed to the text blob.
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new HbBuffer();
        buffer.AddUtf8(utf8);
        buffer.GuessSegmentProperties();
        var shaper = style == PdfFontStyle.Bold ? _bold : _regular;
        return (shaper.Shape(buffer, font), utf8);
    }

    public void Dispose()
    {
        if (!ReferenceEquals(_bold, _regular))
        {
            _bold.Dispose();
        }

        _regular.Dispose();
    }
}
