using System.Text;
using SkiaSharp;
using HbBuffer = HarfBuzzSharp.Buffer;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>
/// Text shaped by HarfBuzz for one face and size: glyph ids, their positions from the pen position, the original
/// text as UTF-8 and the glyph-to-text clusters (byte offsets into <see cref="Utf8"/>), and the advance width.
/// Shared between threads through <see cref="PdfFonts.ShapedRuns"/>: never modify the arrays.
/// </summary>
internal sealed record PdfShapedRun(ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters, byte[] Utf8, float Width);

/// <summary>
/// Shapes text with HarfBuzz (Thai tone marks and vowels need the font's GPOS/GSUB rules; plain DrawText misplaces
/// them) and turns it into a Skia text blob that also carries the original UTF-8 text and the glyph-to-text
/// clusters. Without the clusters Skia's PDF backend can map only glyphs found in the font's cmap back to Unicode,
/// so the positional variants of tone marks (e.g. the lowered ่ over ป) vanish from copied or extracted text;
/// CanvasExtensions.DrawShapedText does not pass them.
/// </summary>
/// <remarks>
/// Shaped runs are a pure function of (face, size, text), so they are kept process-wide in the fonts'
/// <see cref="PdfFonts.ShapedRuns"/>: the fixed labels every permit carries are shaped once per process, and what is
/// measured for line breaking is not shaped again to be drawn. One instance per render (it owns that render's SKFonts).
/// </remarks>
internal sealed class PdfTextShaper(PdfFonts fonts) : IDisposable
{
    /// <summary>HarfBuzz works in units of 1/512 of the point size, as SkiaSharp.HarfBuzz's SKShaper does.</summary>
    internal const int HarfBuzzScale = 512;

    private readonly Dictionary<(PdfFontStyle Style, float Size), SKFont> _skFonts = [];
    private readonly Dictionary<PdfFontStyle, SKTypeface> _documentFaces = [];

    public PdfFonts Fonts => fonts;

    /// <summary>This render's SKFont for a face and size; owned by the shaper, do not dispose.</summary>
    public SKFont Font(PdfFontStyle style, float size)
    {
        if (!_skFonts.TryGetValue((style, size), out var font))
        {
            font = new SKFont(_documentFaces.TryGetValue(style, out var face) ? face : fonts.Get(style), size);
            _skFonts[(style, size)] = font;
        }

        return font;
    }

    /// <summary>
    /// Called between layout and drawing with every text the document draws: from here on text is drawn with faces
    /// that keep only this document's glyphs (<see cref="PdfFontTables.KeepOnlyGlyphs"/>), so Skia, which embeds
    /// the whole font file it is given and deflates it in every PDF, embeds a few kilobytes instead of the full font.
    /// Glyph ids, advances and metrics are those of the full font, so the layout done before stays exact.
    /// </summary>
    public void UseDocumentFaces(IEnumerable<(string Text, PdfFontStyle Style, float Size)> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var sameFace = ReferenceEquals(fonts.Bold, fonts.Regular);
        var glyphs = new Dictionary<PdfFontStyle, HashSet<ushort>>();
        foreach (var (text, style, size) in texts)
        {
            if (text.Length == 0)
            {
                continue;
            }

            var key = sameFace ? PdfFontStyle.Regular : style;
            if (!glyphs.TryGetValue(key, out var set))
            {
                glyphs[key] = set = [];
            }

            set.UnionWith(Shaped(text, style, size).Glyphs);
        }

        DisposeFonts(); // the layout's SKFonts use the full faces
        foreach (var (style, set) in glyphs)
        {
            using var data = SKData.CreateCopy(PdfFontTables.KeepOnlyGlyphs(fonts.GetEmbedding(style), set));
            if (SKTypeface.FromData(data) is { } face)
            {
                _documentFaces[style] = face;
            }
        }

        if (sameFace && _documentFaces.TryGetValue(PdfFontStyle.Regular, out var regular))
        {
            _documentFaces[PdfFontStyle.Bold] = regular;
        }
    }

    /// <summary>Ascent (positive, above the baseline) and descent (below) of the face at this size.</summary>
    public (float Ascent, float Descent) VerticalMetrics(PdfFontStyle style, float size)
    {
        var metrics = Font(style, size).Metrics;
        return (-metrics.Ascent, metrics.Descent);
    }

    /// <summary>The advance width of the shaped text in points; cached because line breaking asks often.</summary>
    public float Measure(string text, PdfFontStyle style, float size) => text.Length == 0 ? 0 : Shaped(text, style, size).Width;

    /// <summary>Draws <paramref name="text"/> with its baseline starting at (x, y).</summary>
    public void Draw(SKCanvas canvas, string text, float x, float y, PdfFontStyle style, float size, SKColor color)
    {
        if (text.Length == 0)
        {
            return;
        }

        var shaped = Shaped(text, style, size);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(Font(style, size), shaped.Glyphs.Length, shaped.Utf8.Length, null);
        run.SetGlyphs(shaped.Glyphs);
        run.SetPositions(shaped.Positions);
        run.SetText(shaped.Utf8);
        run.SetClusters(shaped.Clusters);
        using var blob = builder.Build();
        if (blob is null)
        {
            return;
        }

        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(blob, x, y, paint);
    }

    /// <summary>The shaped run from the process-wide cache, shaping it on a miss; long texts are shaped and not kept.</summary>
    internal PdfShapedRun Shaped(string text, PdfFontStyle style, float size) =>
        text.Length > PdfFonts.MaxCachedTextLength
            ? Shape(fonts, (text, style, size))
            : fonts.ShapedRuns.GetOrAdd((text, style, size), key => Shape(fonts, key));

    private static PdfShapedRun Shape(PdfFonts fonts, (string Text, PdfFontStyle Style, float Size) key)
    {
        // Shape from UTF-8 ourselves so the clusters HarfBuzz returns are byte offsets into exactly the bytes
        // handed to the text blob.
        var utf8 = Encoding.UTF8.GetBytes(key.Text);
        using var buffer = new HbBuffer();
        buffer.AddUtf8(utf8);
        buffer.GuessSegmentProperties();
        fonts.GetShaping(key.Style).Shape(buffer);

        // The same arithmetic as SKShaper.Shape: HarfBuzz units to points at this size (no horizontal scaling).
        var scale = key.Size / HarfBuzzScale;
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var glyphs = new ushort[infos.Length];
        var clusters = new uint[infos.Length];
        var points = new SKPoint[infos.Length];
        float penX = 0;
        float penY = 0;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            points[i] = new SKPoint(penX + (positions[i].XOffset * scale), penY - (positions[i].YOffset * scale));
            penX += positions[i].XAdvance * scale;
            penY += positions[i].YAdvance * scale;
        }

        return new PdfShapedRun(glyphs, points, clusters, utf8, penX);
    }

    /// <summary>Disposes this render's SKFonts and document faces (after the PDF is closed: Skia reads them until then).</summary>
    public void Dispose()
    {
        DisposeFonts();
        foreach (var face in _documentFaces.Values.Distinct())
        {
            face.Dispose();
        }

        _documentFaces.Clear();
    }

    private void DisposeFonts()
    {
        foreach (var font in _skFonts.Values)
        {
            font.Dispose();
        }

        _skFonts.Clear();
    }
}
