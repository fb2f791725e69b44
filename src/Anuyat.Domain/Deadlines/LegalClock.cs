using Anuyat.Domain.Calendar;

namespace Anuyat.Domain.Deadlines;

/// <summary>The state of an application's legal clock on one date.</summary>
/// <param name="StartsOn">Day 1 of the clock.</param>
/// <param name="Deadline">
/// The last day on which the office may decide in time. While the clock is stopped by an open pause this is
/// provisional: what it would be if the applicant returned the file on <c>asOf</c>.
/// </param>
/// <param name="IsStopped">True when the file is with the applicant on <c>asOf</c>.</param>
/// <param name="DeadlineIsProvisional">True when an open pause makes the deadline move each day the applicant waits.</param>
/// <param name="BusinessDaysLeft">
/// Business days on which the clock runs from <c>asOf</c> to the deadline, both included (so 1 on the deadline
/// itself); never negative, 0 once overdue.
/// </param>
/// <param name="IsOverdue">True when <c>asOf</c> is after the deadline.</param>
/// <param name="OverdueBusinessDays">Business days after the deadline up to and including <c>asOf</c>.</param>
/// <param name="OverdueCalendarDays">Calendar days after the deadline up to and including <c>asOf</c>.</param>
/// <param name="YearsWithoutHolidayData">
/// Years the computation passed through for which no holiday file exists: the result treats them as having no
/// holidays, which is wrong, so callers must warn.
/// </param>
public sealed record ClockReading(
    DateOnly StartsOn,
    DateOnly Deadline,
    bool IsStopped,
    bool DeadlineIsProvisional,
    int BusinessDaysLeft,
    bool IsOverdue,
    int OverdueBusinessDays,
    int OverdueCalendarDays,
    IReadOnlyList<int> YearsWithoutHolidayData);

/// <summary>
/// Computes an application's legal deadline. Licensing Facilitation Act B.E. 2558 s.10: the authority must decide
/// within the time stated in the citizen manual (s.7), counted from the complete file (s.8), with the time the file
/// spends with the applicant not counted.
/// </summary>
public static class LegalClock
{
    /// <param name="calendar">The office's business days.</param>
    /// <param name="rule">The service's time limit.</param>
    /// <param name="acceptedOn">The day the complete file was accepted (or submitted complete online).</param>
    /// <param name="pauses">Periods while the file was or is with the applicant.</param>
    /// <param name="extensions">Extensions granted, in the order granted.</param>
    /// <param name="asOf">The date to read the clock on (today, or the decision date).</param>
    public static ClockReading Read(
        BusinessCalendar calendar,
        ClockRule rule,
        DateOnly acceptedOn,
        IEnumerable<ClockPause> pauses,
        IEnumerable<ClockExtension> extensions,
        DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(pauses);
        ArgumentNullException.ThrowIfNull(extensions);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.TotalDays, 1);

        var startsOn = rule.Start == ClockStart.DayAfterAcceptance ? acceptedOn.AddDays(1) : acceptedOn;

        // An open pause is treated as ending on asOf, so the deadline shown is the earliest it can now be.
        var stops = new List<(DateOnly From, DateOnly To)>();
        DateOnly? openPauseFrom = null;
        var isStopped = false;
        foreach (var pause in pauses)
        {
            if (pause.To is { } to && to < pause.From)
            {
                throw new ArgumentException($"Pause ends ({to:yyyy-MM-dd}) before it starts ({pause.From:yyyy-MM-dd}).", nameof(pauses));
            }

            var end = pause.To ?? (asOf > pause.From ? asOf : pause.From);
            if (pause.To is null && (openPauseFrom is null || pause.From < openPauseFrom))
            {
                openPauseFrom = pause.From;
            }
            isStopped |= pause.From <= asOf && asOf <= end;
            stops.Add((pause.From, end));
        }

        bool Runs(DateOnly day) => !stops.Exists(s => s.From <= day && day <= s.To);

        var segments = new List<(int Days, DeadlineUnit Unit)> { (rule.TotalDays, rule.Unit) };
        foreach (var extension in extensions)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(extension.Days, 1, nameof(extensions));
            segments.Add((extension.Days, extension.Unit));
        }

        // Walk day by day: each day the clock runs (and, for business days, the office is open) uses one unit.
        var deadline = startsOn.AddDays(-1);
        foreach (var (days, unit) in segments)
        {
            var left = days;
            while (left > 0)
            {
                deadline = deadline.AddDays(1);
                if (Runs(deadline) && (unit == DeadlineUnit.CalendarDays || calendar.IsBusinessDay(deadline)))
                {
                    left--;
                }
            }
        }

        // Civil and Commercial Code s.193/8: a period whose last day is a day off ends on the next working day.
        if (segments[^1].Unit == DeadlineUnit.CalendarDays && rule.MoveOffNonWorkingDay)
        {
            while (!calendar.IsBusinessDay(deadline) || !Runs(deadline))
            {
                deadline = deadline.AddDays(1);
            }
        }

        var provisional = openPauseFrom is { } openFrom && openFrom <= deadline;
        var overdue = asOf > deadline;
        var businessLeft = 0;
        var overdueBusiness = 0;
        if (overdue)
        {
            for (var day = deadline.AddDays(1); day <= asOf; day = day.AddDays(1))
            {
                overdueBusiness += Runs(day) && calendar.IsBusinessDay(day) ? 1 : 0;
            }
        }
        else
        {
            // Before the clock starts (on the day of acceptance) the office still has every day of the limit.
            for (var day = asOf > startsOn ? asOf : startsOn; day <= deadline; day = day.AddDays(1))
            {
                businessLeft += Runs(day) && calendar.IsBusinessDay(day) ? 1 : 0;
            }
        }

        var last = asOf > deadline ? asOf : deadline;
        return new ClockReading(
            startsOn,
            deadline,
            isStopped,
            provisional,
            businessLeft,
            overdue,
            overdueBusiness,
            overdue ? asOf.DayNumber - deadline.DayNumber : 0,
            calendar.Holidays.MissingYears(startsOn < asOf ? startsOn : asOf, last));
    }
}
