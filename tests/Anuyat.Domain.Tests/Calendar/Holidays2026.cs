using Anuyat.Domain.Calendar;
using Anuyat.Domain.Common;

namespace Anuyat.Domain.Tests.Calendar;

/// <summary>The 2026 government holidays as in reference/holidays/2026.csv, written out so domain tests need no file.</summary>
internal static class Holidays2026
{
    private static readonly (string Date, HolidayKind Kind)[] Rows =
    [
        ("2026-01-01", HolidayKind.Public), ("2026-01-02", HolidayKind.Special), ("2026-03-03", HolidayKind.Public),
        ("2026-04-06", HolidayKind.Public), ("2026-04-13", HolidayKind.Public), ("2026-04-14", HolidayKind.Public),
        ("2026-04-15", HolidayKind.Public), ("2026-05-04", HolidayKind.Public), ("2026-05-13", HolidayKind.Public),
        ("2026-05-31", HolidayKind.Public), ("2026-06-01", HolidayKind.Substitution), ("2026-06-03", HolidayKind.Public),
        ("2026-07-28", HolidayKind.Public), ("2026-07-29", HolidayKind.Public), ("2026-07-30", HolidayKind.Public),
        ("2026-08-12", HolidayKind.Public), ("2026-10-13", HolidayKind.Public), ("2026-10-23", HolidayKind.Public),
        ("2026-12-05", HolidayKind.Public), ("2026-12-07", HolidayKind.Substitution), ("2026-12-10", HolidayKind.Public),
        ("2026-12-31", HolidayKind.Public),
    ];

    public static HolidayCalendar Holidays() => new(
        Rows.Select(r => new Holiday(DateOnly.Parse(r.Date, System.Globalization.CultureInfo.InvariantCulture), new BilingualText("วันหยุด", "Holiday"), r.Kind, true)),
        [2026]);

    public static BusinessCalendar Business() => new(Holidays());

    public static DateOnly D(int month, int day) => new(2026, month, day);
}
