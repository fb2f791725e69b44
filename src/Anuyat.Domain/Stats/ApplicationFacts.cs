using Anuyat.Domain.Applications;

namespace Anuyat.Domain.Stats;

/// <summary>
/// The facts of one application that the strategy office's numbers are made of, and nothing else (no answers, no
/// names): where it is handled, where it stands, and the instants of its milestones.
/// </summary>
public sealed record ApplicationFacts(
    string DistrictCode,
    string SectionCode,
    string ServiceCode,
    ApplicationStatus Status,
    DateTime? SubmittedAt,
    DateTime? ClosedAt,
    DateTime? DecidedAt,
    DecisionOutcome? Decision,
    DateOnly? LegalDeadline,
    DateTime? DeficiencyIssuedAt,
    DateTime? DeficiencyAnsweredAt)
{
    public static ApplicationFacts Of(PermitApplication application) => new(
        application.DistrictCode,
        application.SectionCode,
        application.ServiceCode,
        application.Status,
        application.SubmittedAt,
        application.ClosedAt,
        application.DecidedAt,
        application.Decision,
        application.LegalDeadline,
        application.Deficiency?.IssuedAt,
        application.Deficiency?.AnsweredAt);
}

/// <summary>Calendar months and dates in Bangkok, where the offices work.</summary>
public static class StatsCalendar
{
    /// <summary>Thailand has kept UTC+7 without daylight saving since 1920, so a fixed offset is exact.</summary>
    public static readonly TimeSpan BangkokOffset = TimeSpan.FromHours(7);

    public static DateOnly BangkokDate(DateTime utc) => DateOnly.FromDateTime(utc + BangkokOffset);

    /// <summary>A month as the number yyyymm (202611 is November 2026), Gregorian; the pages show it in the Buddhist era.</summary>
    public static int MonthKey(DateTime utc) => MonthKey(BangkokDate(utc));

    public static int MonthKey(DateOnly date) => (date.Year * 100) + date.Month;

    public static DateOnly FirstDay(int monthKey) => new(monthKey / 100, monthKey % 100, 1);

    public static int NextMonth(int monthKey) => monthKey % 100 == 12 ? monthKey + 89 : monthKey + 1;

    public static bool IsValidMonth(int monthKey) => monthKey / 100 is >= 1900 and <= 9999 && monthKey % 100 is >= 1 and <= 12;

    /// <summary>Every month from the first to the last, both included.</summary>
    public static IEnumerable<int> Months(int from, int to)
    {
        for (var m = from; m <= to; m = NextMonth(m))
        {
            yield return m;
        }
    }
}
