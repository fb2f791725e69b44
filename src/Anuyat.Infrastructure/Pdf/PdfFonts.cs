using HarfBuzzSharp;
using SkiaSharp;
using HbFont = HarfBuzzSharp.Font;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>The two faces every document uses.</summary>
public enum PdfFontStyle
{
    Regular,
    Bold,
}

/// <summary>
/// The Thai typefaces for PDFs: Sarabun (OFL-1.1, committed under Pdf/Fonts and copied beside the binary), else
/// Debian's TLWG Laksaman (package fonts-thai-tlwg, the same Thai design family), else a clear failure — a PDF must
/// never silently fall back to a font without Thai glyphs. Load once and share (a singleton): the typefaces and
/// HarfBuzz fonts are immutable, and the process-wide caches of shaped text and wrapped lines live here, so they are
/// only ever reused with the fonts that produced them.
/// </summary>
public sealed class PdfFonts : IDisposable
{
    public const string LaksamanDirectory = "/usr/share/fonts/truetype/tlwg";

    // Bounds of the process-wide caches (see PdfBoundedCache: at most twice these are alive). A shaped run costs about
    // 20 bytes per character (UTF-8, glyph id, position, cluster and the key), so 256K characters a generation keep
    // the shaped-run cache under about 10 MB; texts longer than a line are not worth keeping and are left out.
    internal const int MaxCachedEntries = 8192;
    internal const long MaxCachedCharacters = 256 * 1024;
    internal const int MaxCachedTextLength = 400;

    private readonly Face[] _faces;
    private readonly Blob[] _blobs;

    private PdfFonts(Loaded regular, Loaded bold, string familyName, string source)
    {
        Regular = regular.Typeface;
        Bold = bold.Typeface;
        RegularShaping = regular.Shaping;
        BoldShaping = bold.Shaping;
        RegularEmbedding = regular.Embedding;
        BoldEmbedding = bold.Embedding;
        _faces = [regular.Face, bold.Face];
        _blobs = [regular.Blob, bold.Blob];
        FamilyName = familyName;
        Source = source;
    }

    /// <summary>The regular face as drawn into PDFs (the embedded copy: without layout tables, see <see cref="PdfFontTables"/>).</summary>
    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    /// <summary>Shaped runs by (style, size, text), shared by every render; see <see cref="PdfTextShaper"/>.</summary>
    internal PdfBoundedCache<(string Text, PdfFontStyle Style, float Size), PdfShapedRun> ShapedRuns { get; } =
        new(MaxCachedEntries, MaxCachedCharacters, static (key, _) => key.Text.Length);

    /// <summary>Wrapped lines by (text, width, style, size), shared by every render.</summary>
    internal PdfBoundedCache<(string Text, float Width, PdfFontStyle Style, float Size), string[]> WrappedLines { get; } =
        new(MaxCachedEntries, MaxCachedCharacters, static (key, _) => key.Text.Length);

    /// <summary>
    /// HarfBuzz fonts made once from the untouched font files. hb_shape only reads an hb_font_t once it is set up,
    /// so one instance serves every thread; each shaping call brings its own buffer.
    /// </summary>
    internal HbFont RegularShaping { get; }

    internal HbFont BoldShaping { get; }

    internal HbFont GetShaping(PdfFontStyle style) => style == PdfFontStyle.Bold ? BoldShaping : RegularShaping;

    /// <summary>The font file as embedded (<see cref="PdfFontTables.ForEmbedding"/>); each document keeps only its glyphs.</summary>
    internal byte[] RegularEmbedding { get; }

    internal byte[] BoldEmbedding { get; }

    internal byte[] GetEmbedding(PdfFontStyle style) => style == PdfFontStyle.Bold ? BoldEmbedding : RegularEmbedding;

    /// <summary>"Sarabun" or "Laksaman".</summary>
    public string FamilyName { get; }

    /// <summary>The directory the faces were read from, for the start-up log.</summary>
    public string Source { get; }

    public SKTypeface Get(PdfFontStyle style) => style == PdfFontStyle.Bold ? Bold : Regular;

    /// <summary>
    /// Loads Sarabun from <paramref name="fontDirectory"/> (default: Pdf/Fonts beside the binary), else Laksaman.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither font is present; the message says how to fix it.</exception>
    public static PdfFonts Load(string? fontDirectory = null, string laksamanDirectory = LaksamanDirectory)
    {
        PdfNativeHeap.KeepFreedMemory();
        var sarabunDirectory = fontDirectory ?? Path.Combine(AppContext.BaseDirectory, "Pdf", "Fonts");
        var fonts = TryLoad(sarabunDirectory, "Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun")
            ?? TryLoad(laksamanDirectory, "Laksaman.ttf", "Laksaman-Bold.ttf", "Laksaman");
        return fonts ?? throw new InvalidOperationException(
            $"No Thai font for PDFs: neither {Path.Combine(sarabunDirectory, "Sarabun-Regular.ttf")} nor " +
            $"{Path.Combine(laksamanDirectory, "Laksaman.ttf")} exists. Run scripts/fetch-pdf-fonts.sh and rebuild, " +
            "or install the Debian package fonts-thai-tlwg.");
    }

    private static PdfFonts? TryLoad(string directory, string regularFile, string boldFile, string family)
    {
        var regularPath = Path.Combine(directory, regularFile);
        if (!File.Exists(regularPath))
        {
            return null;
        }

        var regular = LoadFace(regularPath)
            ?? throw new InvalidOperationException($"The PDF font {regularPath} is not a readable TrueType file.");
        var boldPath = Path.Combine(directory, boldFile);
        // A missing bold face is tolerable (headings lose weight, nothing is lost); a missing regular one is not.
        var bold = File.Exists(boldPath) ? LoadFace(boldPath) ?? regular : regular;
        return new PdfFonts(regular, bold, family, directory);
    }

    private static Loaded? LoadFace(string path)
    {
        var embedding = PdfFontTables.ForEmbedding(File.ReadAllBytes(path));
        using var data = SKData.CreateCopy(embedding);
        var typeface = SKTypeface.FromData(data);
        if (typeface is null)
        {
            return null;
        }

        var blob = Blob.FromFile(path);
        var face = new Face(blob, 0) { UnitsPerEm = typeface.UnitsPerEm };
        var shaping = new HbFont(face);
        // The same fixed scale SkiaSharp.HarfBuzz's SKShaper uses; positions are scaled to the point size after shaping.
        shaping.SetScale(PdfTextShaper.HarfBuzzScale, PdfTextShaper.HarfBuzzScale);
        shaping.SetFunctionsOpenType();
        return new Loaded(typeface, shaping, face, blob, embedding);
    }

    public void Dispose()
    {
        if (!ReferenceEquals(Bold, Regular))
        {
            Bold.Dispose();
            BoldShaping.Dispose();
        }

        Regular.Dispose();
        RegularShaping.Dispose();
        foreach (var face in _faces.Distinct())
        {
            face.Dispose();
        }

        foreach (var blob in _blobs.Distinct())
        {
            blob.Dispose();
        }
    }

    private sealed record Loaded(SKTypeface Typeface, HbFont Shaping, Face Face, Blob Blob, byte[] Embedding);
}
