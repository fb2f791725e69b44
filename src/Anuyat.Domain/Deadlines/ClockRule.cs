namespace Anuyat.Domain.Deadlines;

/// <summary>What a service's deadline is counted in; the service definition says which.</summary>
public enum DeadlineUnit
{
    /// <summary>Working days of the office (Mon–Fri, not a government holiday): the citizen manual's usual unit.</summary>
    BusinessDays,

    /// <summary>Calendar days, as statutes such as the Building Control Act s.25 ("within 45 days") count.</summary>
    CalendarDays,
}

/// <summary>On which day the clock's first day falls, relative to the day the complete file was accepted.</summary>
public enum ClockStart
{
    /// <summary>
    /// The day after acceptance is day 1 (the default). Civil and Commercial Code s.193/3: a period counted in days
    /// does not count its first day, because the file arrived part-way through that day (section from general Thai law,
    /// not in FACTS.md: verify; it is a parameter for that reason). Licensing Facilitation Act
    /// B.E. 2558 s.8: the period runs only once the file is complete, so "acceptance" means the complete file.
    /// </summary>
    DayAfterAcceptance,

    /// <summary>The day of acceptance is day 1 (for a service whose manual says so).</summary>
    SameDay,
}

/// <summary>
/// A service's legal time limit. Licensing Facilitation Act B.E. 2558 s.7: the citizen manual states the time to
/// consider an application; s.10: the authority must decide within it.
/// </summary>
/// <param name="TotalDays">The time limit, in <paramref name="Unit"/>; at least 1.</param>
/// <param name="Unit">Business or calendar days.</param>
/// <param name="Start">Which day is day 1.</param>
/// <param name="MoveOffNonWorkingDay">
/// For a deadline ending in calendar days: when the last day is a weekend or holiday, the deadline is the next
/// business day (Civil and Commercial Code s.193/8). Has no effect when the last period is in business days.
/// </param>
public sealed record ClockRule(int TotalDays, DeadlineUnit Unit, ClockStart Start = ClockStart.DayAfterAcceptance, bool MoveOffNonWorkingDay = true);

/// <summary>
/// A period while the file is with the applicant (a deficiency record under Licensing Facilitation Act s.8 is open):
/// the clock does not run on any day from <paramref name="From"/> to <paramref name="To"/>, both included, and runs
/// again the day after <paramref name="To"/>. <paramref name="To"/> is null while the applicant still holds the file.
/// </summary>
public sealed record ClockPause(DateOnly From, DateOnly? To);

/// <summary>
/// An extension granted by an approver, adding <paramref name="Days"/> to the deadline (Building Control Act
/// B.E. 2522 s.25: a building permit's 45 days may be extended twice, each time by up to 45 days).
/// </summary>
public sealed record ClockExtension(int Days, DeadlineUnit Unit);
