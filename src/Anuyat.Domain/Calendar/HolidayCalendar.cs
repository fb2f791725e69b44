namespace Anuyat.Domain.Calendar;

/// <summary>
/// The government holidays of the years for which an administrator has supplied data. A year without data is not
/// "a year without holidays": <see cref="Covers"/> and <see cref="MissingYears"/> let callers warn instead of silently
/// counting Songkran as a working day.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, Holiday> _byDate;
    private readonly SortedSet<int> _coveredYears;

    /// <param name="holidays">The holidays; each must fall in one of <paramref name="coveredYears"/>, one per date.</param>
    /// <param name="coveredYears">The years whose list is complete (one holiday file per year).</param>
    public HolidayCalendar(IEnumerable<Holiday> holidays, IEnumerable<int> coveredYears)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(coveredYears);
        _coveredYears = new SortedSet<int>(coveredYears);
        _byDate = [];
        foreach (var holiday in holidays)
        {
            if (!_coveredYears.Contains(holiday.Date.Year))
            {
                throw new ArgumentException($"Holiday {holiday.Date:yyyy-MM-dd} is in a year the calendar does not cover.", nameof(holidays));
            }

            if (!_byDate.TryAdd(holiday.Date, holiday))
            {
                throw new ArgumentException($"Holiday {holiday.Date:yyyy-MM-dd} is listed twice.", nameof(holidays));
            }
        }
    }

    /// <summary>A calendar with no data at all: every year is reported missing.</summary>
    public static HolidayCalendar Empty { get; } = new([], []);

    /// <summary>The years with holiday data, ascending.</summary>
    public IReadOnlyCollection<int> CoveredYears => _coveredYears;

    /// <summary>All holidays, in date order.</summary>
    public IEnumerable<Holiday> All => _byDate.Values.OrderBy(h => h.Date);

    public bool Covers(int year) => _coveredYears.Contains(year);

    /// <summary>True when the year is covered and at least one of its dates is a projection not yet announced.</summary>
    public bool HasUnconfirmedDates(int year) => _byDate.Values.Any(h => h.Date.Year == year && !h.Confirmed);

    /// <summary>The years between the two dates (inclusive, either order) that have no holiday data.</summary>
    public IReadOnlyList<int> MissingYears(DateOnly from, DateOnly to)
    {
        var (first, last) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        return Enumerable.Range(first, last - first + 1).Where(y => !Covers(y)).ToList();
    }

    public bool IsHoliday(DateOnly date) => _byDate.ContainsKey(date);

    public Holiday? Find(DateOnly date) => _byDate.GetValueOrDefault(date);

    public IReadOnlyList<Holiday> In(int year) => _byDate.Values.Where(h => h.Date.Year == year).OrderBy(h => h.Date).ToList();
}
