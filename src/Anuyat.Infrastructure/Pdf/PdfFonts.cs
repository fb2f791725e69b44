using SkiaSharp;

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
/// never silently fall back to a font without Thai glyphs. Load once and share: typefaces are immutable.
/// </summary>
public sealed class PdfFonts : IDisposable
{
    public const string LaksamanDirectory = "/usr/share/fonts/truetype/tlwg";

    private PdfFonts(SKTypeface regular, SKTypeface bold, string familyName, string source)
    {
        Regular = regular;
        Bold = bold;
        FamilyName = familyName;
        Source = source;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

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

        var regular = SKTypeface.FromFile(regularPath)
            ?? throw new InvalidOperationException($"The PDF font {regularPath} is not a readable TrueType file.");
        var boldPath = Path.Combine(directory, boldFile);
        // A missing bold face is tolerable (headings lose weight, nothing is lost); a missing regular one is not.
        var bold = File.Exists(boldPath) ? SKTypeface.FromFile(boldPath) ?? regular : regular;
        return new PdfFonts(regular, bold, family, directory);
    }

    public void Dispose()
    {
        if (!ReferenceEquals(Bold, Regular))
        {
            Bold.Dispose();
        }

        Regular.Dispose();
    }
}
