using System.Globalization;
using Anuyat.Domain.Calendar;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Platform;

namespace Anuyat.Infrastructure.Calendar;

/// <summary>
/// Loads <c>reference/holidays/YYYY.csv</c> (one file per year) into a <see cref="HolidayCalendar"/>. The years with a
/// file are the covered years; a malformed row stops the start naming file and line.
/// </summary>
public static class HolidayFiles
{
    public static HolidayCalendar Read(string referenceFolder)
    {
        var folder = Path.Combine(referenceFolder, "holidays");
        if (!Directory.Exists(folder))
        {
            throw new StartupException($"reference/holidays/: folder not found at {folder}.");
        }

        var holidays = new List<Holiday>();
        var years = new List<int>();
        foreach (var path in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            var stem = Path.GetFileNameWithoutExtension(path);
            if (stem.Length != 4 || !int.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000)
            {
                throw new StartupException($"holidays/{fileName}: the file name must be a Gregorian year such as 2026.csv.");
            }

            holidays.AddRange(ReadYear(path, year));
            years.Add(year);
        }

        return years.Count == 0 ? throw new StartupException($"reference/holidays/: no YYYY.csv files in {folder}.") : new HolidayCalendar(holidays, years);
    }

    public static IReadOnlyList<Holiday> ReadYear(string path, int year)
    {
        var rows = CsvTable.Read(path, "date", "name_th", "name_en", "kind", "confirmed");
        var holidays = new List<Holiday>();
        var seen = new HashSet<DateOnly>();
        foreach (var row in rows)
        {
            var date = row.Date("date");
            if (date.Year != year)
            {
                throw row.Problem("date", $"is {date:yyyy-MM-dd}, outside the file's year {year}");
            }

            if (!seen.Add(date))
            {
                throw row.Problem("date", $"repeats {date:yyyy-MM-dd}");
            }

            var kindText = row.Required("kind");
            var kind = kindText switch
            {
                "public" => HolidayKind.Public,
                "substitution" => HolidayKind.Substitution,
                "special" => HolidayKind.Special,
                _ => throw row.Problem("kind", $"must be public, substitution or special, not '{kindText}'"),
            };

            holidays.Add(new Holiday(date, new BilingualText(row.Required("name_th"), row.Required("name_en")), kind, row.Boolean("confirmed")));
        }

        return holidays.Count == 0 ? throw new StartupException($"holidays/{Path.GetFileName(path)}: no holidays; a year always has some.") : holidays;
    }
}
