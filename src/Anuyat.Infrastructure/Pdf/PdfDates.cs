using System.Globalization;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>
/// Dates as printed on documents: Thai with the Buddhist era ("25 พฤศจิกายน 2569"), English Gregorian
/// ("25 November 2026"). Same rules as the pages' ThaiDates, kept here because Infrastructure cannot see Web.
/// </summary>
public static class PdfDates
{
    private static readonly CultureInfo ThaiCulture = CreateThai();
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Thai(DateOnly date) => date.ToString("d MMMM yyyy", ThaiCulture);

    public static string English(DateOnly date) => date.ToString("d MMMM yyyy", EnglishCulture);

    /// <summary>"25 พฤศจิกายน 2569 (25 November 2026)".</summary>
    public static string Bilingual(DateOnly date) => $"{Thai(date)} ({English(date)})";

    private static CultureInfo CreateThai()
    {
        // th-TH already uses the Thai Buddhist calendar; set it explicitly so a platform default cannot change it.
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("th-TH").Clone();
        culture.DateTimeFormat.Calendar = new ThaiBuddhistCalendar();
        return CultureInfo.ReadOnly(culture);
    }
}
