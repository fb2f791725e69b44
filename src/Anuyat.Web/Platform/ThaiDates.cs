using System.Globalization;

namespace Anuyat.Web.Platform;

/// <summary>
/// Dates as a reader expects them: Buddhist era in Thai (25 พ.ย. 2569), Gregorian in English (25 Nov 2026).
/// Instants are stored in UTC and shown in Bangkok time (UTC+7, no daylight saving).
/// </summary>
public static class ThaiDates
{
    public static readonly TimeZoneInfo Bangkok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");

    private static readonly CultureInfo ThaiCulture = CreateThai();
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) =>
        Text.IsEnglish ? date.ToString("d MMM yyyy", EnglishCulture) : date.ToString("d MMM yyyy", ThaiCulture);

    public static string LongDate(DateOnly date) =>
        Text.IsEnglish ? date.ToString("d MMMM yyyy", EnglishCulture) : date.ToString("d MMMM yyyy", ThaiCulture);

    /// <summary>For text stored once and read in either language later (audit lines, e-mails): Buddhist era, Thai months.</summary>
    public static string LongDateTh(DateOnly date) => date.ToString("d MMMM yyyy", ThaiCulture);

    /// <summary>The English half of stored bilingual text: Gregorian, whatever the culture of the request that wrote it.</summary>
    public static string LongDateEn(DateOnly date) => date.ToString("d MMMM yyyy", EnglishCulture);

    public static string DateTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Bangkok);
        return Text.IsEnglish ? local.ToString("d MMM yyyy HH:mm", EnglishCulture) : local.ToString("d MMM yyyy HH:mm", ThaiCulture) + " น.";
    }

    private static CultureInfo CreateThai()
    {
        // th-TH already uses the Thai Buddhist calendar; set it explicitly so a platform default cannot change it.
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("th-TH").Clone();
        culture.DateTimeFormat.Calendar = new ThaiBuddhistCalendar();
        return CultureInfo.ReadOnly(culture);
    }
}
