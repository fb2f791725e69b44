using Anuyat.Domain.Common;

namespace Anuyat.Domain.Calendar;

/// <summary>
/// An administrator's decision about one date, laid over reference/holidays: the date is a holiday with this name
/// and kind, or (<see cref="Removed"/>) it is not a holiday even if the file says so.
/// </summary>
public sealed record HolidayChange(DateOnly Date, bool Removed, BilingualText Name, HolidayKind Kind, bool Confirmed);

/// <summary>The holiday list in force: the reference files, then the console's changes, then the years it imported.</summary>
public static class HolidayOverlay
{
    public static HolidayCalendar Apply(HolidayCalendar files, IEnumerable<HolidayChange> changes, IEnumerable<int> importedYears)
    {
        ArgumentNullException.ThrowIfNull(files);
        var years = new SortedSet<int>(files.CoveredYears);
        years.UnionWith(importedYears);
        var byDate = files.All.ToDictionary(h => h.Date);
        foreach (var change in changes)
        {
            if (change.Removed)
            {
                byDate.Remove(change.Date);
            }
            else if (years.Contains(change.Date.Year))
            {
                byDate[change.Date] = new Holiday(change.Date, change.Name, change.Kind, change.Confirmed);
            }
        }

        return new HolidayCalendar(byDate.Values, years);
    }
}
