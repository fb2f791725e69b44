using Anuyat.Infrastructure.Pdf;

namespace Anuyat.Web.Tests.Pdf;

/// <summary>Loads the PDF fonts once for a test class; typefaces are immutable and safe to share.</summary>
public sealed class PdfFontsFixture : IDisposable
{
    public PdfFonts Fonts { get; } = PdfFonts.Load();

    public void Dispose() => Fonts.Dispose();
}
