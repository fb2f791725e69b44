using Anuyat.Domain.Applications;
using Anuyat.Domain.Calendar;
using Anuyat.Domain.Deadlines;
using Anuyat.Web.Platform;

namespace Anuyat.Web.Features.Applications;

/// <summary>
/// Reads an application's legal clock from its facts: the day it was sent, the period the one deficiency record kept
/// the file with the applicant, and the extensions granted. Licensing Facilitation Act B.E. 2558 s.10.
/// </summary>
public sealed class ApplicationClock(BusinessCalendar calendar, TimeProvider clock)
{
    public BusinessCalendar Calendar => calendar;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, ThaiDates.Bangkok));

    /// <summary>
    /// Null for a draft: the clock starts when the application is sent. <paramref name="withCalendar"/> reads the clock
    /// against a proposed holiday list (the console's preview) instead of the one in force.
    /// </summary>
    public ClockReading? Read(PermitApplication application, ServiceInForce? service, DateOnly? asOf = null, BusinessCalendar? withCalendar = null)
    {
        if (application.SubmittedAt is not { } submittedAt || service is null)
        {
            return null;
        }

        var day = asOf ?? (application.DecidedAt is { } decided ? BangkokDate(decided) : application.ClosedAt is { } closed ? BangkokDate(closed) : Today);
        var pauses = new List<ClockPause>();
        if (application.Deficiency is { } deficiency)
        {
            pauses.Add(new ClockPause(BangkokDate(deficiency.IssuedAt), deficiency.AnsweredAt is { } answered ? BangkokDate(answered) : null));
        }

        var extensions = application.Extensions.Select(e => new ClockExtension(e.Days, DeadlineUnit.BusinessDays));
        return LegalClock.Read(withCalendar ?? calendar, new ClockRule(service.LegalDeadlineDays, DeadlineUnit.BusinessDays), BangkokDate(submittedAt), pauses, extensions, day);
    }

    public static DateOnly BangkokDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ThaiDates.Bangkok));
}
