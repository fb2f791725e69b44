using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Infrastructure.Pdf;

public static class PdfSetup
{
    /// <summary>
    /// Registers the shared Thai fonts and the document types. The fonts load on first use; call
    /// <c>GetRequiredService&lt;PdfFonts&gt;()</c> during start-up to fail early when no Thai font is present.
    /// </summary>
    public static IServiceCollection AddPdfDocuments(this IServiceCollection services)
    {
        services.AddSingleton(_ => PdfFonts.Load());
        services.AddSingleton<ReceiptDocument>();
        services.AddSingleton<DeficiencyRecordDocument>();
        return services;
    }
}
