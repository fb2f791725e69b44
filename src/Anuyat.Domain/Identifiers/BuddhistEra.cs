using System.Globalization;
using Anuyat.Domain.Common;

namespace Anuyat.Domain.Identifiers;

/// <summary>
/// The Buddhist era (พ.ศ.) is the Gregorian year + 543. Thai people often type 2569 where a form expects 2026; no
/// real date on a permit form is after 2400 CE, so a year above 2400 is read as B.E. and converted.
/// </summary>
public static class BuddhistEra
{
    public const int Offset = 543;

    /// <summary>Years above this are taken to be Buddhist-era years.</summary>
    public const int Threshold = 2400;

    public static int ToBuddhist(int gregorianYear) => gregorianYear + Offset;

    public static int ToGregorian(int buddhistYear) => buddhistYear - Offset;

    /// <summary>The Gregorian year, converting a B.E. year typed by mistake; <c>WasBuddhist</c> says whether it did.</summary>
    public static (int Year, bool WasBuddhist) NormaliseYear(int year) =>
        year > Threshold ? (ToGregorian(year), true) : (year, false);

    /// <summary>Reads <c>dd/MM/yyyy</c> (1- or 2-digit day and month; '-' or '.' also accepted), or <c>yyyy-MM-dd</c>, in either era.</summary>
    public static Parsed<DateOnly> ParseDate(string? input)
    {
        var text = (input ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return new BilingualText("กรอกวันที่ เช่น 25/11/2569", "Enter a date, e.g. 25/11/2026");
        }

        var parts = text.Split('/', '-', '.');

        // yyyy-MM-dd is what an HTML date input sends; read it too (the year may still be B.E.).
        if (parts.Length == 3 && parts[0].Length == 4)
        {
            parts = [parts[2], parts[1], parts[0]];
        }

        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || parts[2].Length != 4)
        {
            return new BilingualText("กรอกวันที่ในรูปแบบ วัน/เดือน/ปี เช่น 25/11/2569", "Enter the date as day/month/year, e.g. 25/11/2026");
        }

        var (gregorian, _) = NormaliseYear(year);
        if (gregorian < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(gregorian, month))
        {
            return new BilingualText("ไม่มีวันที่นี้ในปฏิทิน", "This date does not exist");
        }

        return new DateOnly(gregorian, month, day);
    }
}
