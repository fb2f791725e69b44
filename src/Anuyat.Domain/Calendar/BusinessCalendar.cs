namespace Anuyat.Domain.Calendar;

/// <summary>
/// Business days of a Bangkok district office: Monday to Friday, not a government holiday. Weekend holidays need no
/// special handling because the substitution day (วันหยุดชดเชย) is its own row in the holiday data.
/// </summary>
/// <param name="holidays">The government holidays.</param>
/// <param name="specialDaysAreWorkingDays">
/// When the Cabinet adds a special holiday, offices that serve the public may stay open at the head of unit's
/// discretion (FACTS-2.md §1.1). By default a special day is a day off, which never shortens an applicant's
/// deadline; set this when the office has decided to open on special days.
/// </param>
public sealed class BusinessCalendar(HolidayCalendar holidays, bool specialDaysAreWorkingDays = false)
{
    private volatile HolidayCalendar _holidays = holidays ?? throw new ArgumentNullException(nameof(holidays));

    public HolidayCalendar Holidays => _holidays;

    /// <summary>
    /// Puts a new holiday list in force (the administrator's edits laid over the reference files). One reference
    /// write: a deadline is counted with the old list or the new one, never a mix.
    /// </summary>
    public void ReplaceHolidays(HolidayCalendar replacement) => _holidays = replacement ?? throw new ArgumentNullException(nameof(replacement));

    public bool SpecialDaysAreWorkingDays { get; } = specialDaysAreWorkingDays;

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsBusinessDay(DateOnly date)
    {
        if (IsWeekend(date))
        {
            return false;
        }

        var holiday = Holidays.Find(date);
        return holiday is null || (holiday.Kind == HolidayKind.Special && SpecialDaysAreWorkingDays);
    }

    /// <summary>
    /// The <paramref name="days"/>-th business day after <paramref name="date"/> (the date itself is not counted);
    /// 0 gives the date back unchanged.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var current = date;
        while (days > 0)
        {
            current = current.AddDays(1);
            if (IsBusinessDay(current))
            {
                days--;
            }
        }

        return current;
    }

    /// <summary>Business days from <paramref name="from"/> to <paramref name="to"/>, both included; 0 when <paramref name="to"/> is earlier.</summary>
    public int CountBusinessDays(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (IsBusinessDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The date itself when it is a business day, else the next business day.</summary>
    public DateOnly FirstBusinessDayOnOrAfter(DateOnly date)
    {
        var current = date;
        while (!IsBusinessDay(current))
        {
            current = current.AddDays(1);
        }

        return current;
    }
}
