namespace Anuyat.Domain.Deadlines;

/// <summary>Where an application stands with its delay notices on one day.</summary>
/// <param name="Schedule">Every day up to today on which a delay notice fell due, oldest first.</param>
/// <param name="DueNow">The most recent due day whose notice has not been sent; send it and record this date.</param>
/// <param name="Missed">Older due days never sent (a worker was down): for the audit, not to send late in a burst.</param>
/// <param name="Next">The next day a notice will fall due if the application is still undecided; null once decided.</param>
public sealed record DelayNoticeStatus(IReadOnlyList<DateOnly> Schedule, DateOnly? DueNow, IReadOnlyList<DateOnly> Missed, DateOnly? Next);

/// <summary>
/// Licensing Facilitation Act B.E. 2558 s.10: when the authority cannot decide within the time limit it must tell the
/// applicant the reason every 7 days until it decides (copying the OPDC), and once it decides it must notify the
/// result within 7 days. Each notice is identified by the day it fell due, so a worker sends each one once.
/// </summary>
public static class DelayNotices
{
    /// <summary>Days between two delay notices (s.10).</summary>
    public const int IntervalDays = 7;

    /// <summary>Days the authority has to notify the result after deciding (s.10).</summary>
    public const int ResultNoticeDays = 7;

    /// <summary>
    /// The first notice is due the day after the deadline, the first day the office is late, then every
    /// <see cref="IntervalDays"/> calendar days: deadline + 1, + 8, + 15, … No notice is due on or after the day of
    /// the decision, because the result notice takes its place.
    /// </summary>
    public static DateOnly FirstDue(DateOnly deadline) => deadline.AddDays(1);

    /// <summary>The last day to notify the result of a decision (s.10).</summary>
    public static DateOnly ResultNoticeDueBy(DateOnly decidedOn) => decidedOn.AddDays(ResultNoticeDays);

    /// <summary>Every day from the deadline up to <paramref name="today"/> on which a delay notice fell due.</summary>
    public static IReadOnlyList<DateOnly> Schedule(DateOnly deadline, DateOnly? decidedOn, DateOnly today)
    {
        var days = new List<DateOnly>();
        for (var due = FirstDue(deadline); due <= today && (decidedOn is null || due < decidedOn); due = due.AddDays(IntervalDays))
        {
            days.Add(due);
        }

        return days;
    }

    /// <param name="alreadySent">The due days whose notices have been sent.</param>
    public static DelayNoticeStatus Check(DateOnly deadline, DateOnly? decidedOn, DateOnly today, IReadOnlySet<DateOnly> alreadySent)
    {
        ArgumentNullException.ThrowIfNull(alreadySent);
        var schedule = Schedule(deadline, decidedOn, today);
        DateOnly? dueNow = schedule.Count > 0 && !alreadySent.Contains(schedule[^1]) ? schedule[^1] : null;
        var missed = schedule.Take(schedule.Count - 1).Where(d => !alreadySent.Contains(d)).ToList();
        DateOnly? next = null;
        if (decidedOn is null)
        {
            next = schedule.Count == 0 ? FirstDue(deadline) : schedule[^1].AddDays(IntervalDays);
        }

        return new DelayNoticeStatus(schedule, dueNow, missed, next);
    }
}
