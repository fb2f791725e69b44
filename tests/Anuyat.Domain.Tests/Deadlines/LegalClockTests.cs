using Anuyat.Domain.Calendar;
using Anuyat.Domain.Deadlines;
using static Anuyat.Domain.Tests.Calendar.Holidays2026;

namespace Anuyat.Domain.Tests.Deadlines;

public class LegalClockTests
{
    private static readonly ClockRule TenBusinessDays = new(10, DeadlineUnit.BusinessDays);

    /// <summary>ข.1: 45 calendar days (Building Control Act s.25).</summary>
    private static readonly ClockRule BuildingPermit = new(45, DeadlineUnit.CalendarDays);

    private readonly BusinessCalendar _calendar = Business();

    private ClockReading Read(ClockRule rule, DateOnly accepted, DateOnly asOf, ClockPause[]? pauses = null, ClockExtension[]? extensions = null) =>
        LegalClock.Read(_calendar, rule, accepted, pauses ?? [], extensions ?? [], asOf);

    [Fact]
    public void Read_AcceptedThursday_ClockStartsNextDayAndSkipsChakriDay()
    {
        // Thu 2 Apr accepted → day 1 Fri 3; Mon 6 Apr (Chakri Day) skipped; days 2–5 Tue 7 … Fri 10.
        var reading = Read(new ClockRule(5, DeadlineUnit.BusinessDays), D(4, 2), D(4, 2));
        Assert.Equal(D(4, 3), reading.StartsOn);
        Assert.Equal(D(4, 10), reading.Deadline);
    }

    [Fact]
    public void Read_SameDayStartRule_AcceptanceDayIsDayOne()
    {
        var reading = Read(new ClockRule(5, DeadlineUnit.BusinessDays, ClockStart.SameDay), D(4, 2), D(4, 2));
        Assert.Equal(D(4, 2), reading.StartsOn);
        Assert.Equal(D(4, 9), reading.Deadline);
    }

    [Fact]
    public void Read_AcrossSongkran_WeekendAndThreeHolidaysSkipped() =>
        Assert.Equal(D(4, 20), Read(new ClockRule(3, DeadlineUnit.BusinessDays), D(4, 10), D(4, 10)).Deadline);

    [Fact]
    public void Read_AcrossFirstJuneSubstitutionAndQueensBirthday_BothSkipped() =>
        // Fri 29 May → Sat 30, Sun 31 (Visakha Bucha), Mon 1 Jun (substitution), Tue 2 = day 1, Wed 3 (holiday), Thu 4 = day 2.
        Assert.Equal(D(6, 4), Read(new ClockRule(2, DeadlineUnit.BusinessDays), D(5, 29), D(5, 29)).Deadline);

    [Fact]
    public void Read_AcrossSeventhDecemberSubstitution_Skipped() =>
        Assert.Equal(D(12, 8), Read(new ClockRule(1, DeadlineUnit.BusinessDays), D(12, 4), D(12, 4)).Deadline);

    [Fact]
    public void Read_AcceptedFriday_WeekendSkipped() =>
        Assert.Equal(D(11, 9), Read(new ClockRule(1, DeadlineUnit.BusinessDays), D(11, 6), D(11, 6)).Deadline);

    [Fact]
    public void Read_TenBusinessDaysNoPause_MondaySixteenthNovember()
    {
        var reading = Read(TenBusinessDays, D(11, 2), D(11, 2));
        Assert.Equal(D(11, 16), reading.Deadline);
        Assert.False(reading.IsStopped);
        Assert.False(reading.DeadlineIsProvisional);
        Assert.Equal(10, reading.BusinessDaysLeft);
        Assert.Empty(reading.YearsWithoutHolidayData);
    }

    [Theory]
    [InlineData(13, 2)]
    [InlineData(16, 1)] // the deadline itself is the last day to decide
    public void Read_BeforeOrOnDeadline_DaysLeftCountsTodayAndDeadline(int day, int left)
    {
        var reading = Read(TenBusinessDays, D(11, 2), D(11, day));
        Assert.Equal(left, reading.BusinessDaysLeft);
        Assert.False(reading.IsOverdue);
        Assert.Equal(0, reading.OverdueBusinessDays);
    }

    [Fact]
    public void Read_DayAfterDeadline_ZeroLeftAndOverdueByOne()
    {
        var reading = Read(TenBusinessDays, D(11, 2), D(11, 17));
        Assert.Equal(0, reading.BusinessDaysLeft);
        Assert.True(reading.IsOverdue);
        Assert.Equal(1, reading.OverdueBusinessDays);
        Assert.Equal(1, reading.OverdueCalendarDays);
    }

    [Fact]
    public void Read_AWeekAfterDeadline_OverdueFiveBusinessSevenCalendarDays()
    {
        var reading = Read(TenBusinessDays, D(11, 2), D(11, 23));
        Assert.Equal(0, reading.BusinessDaysLeft);
        Assert.Equal(5, reading.OverdueBusinessDays);
        Assert.Equal(7, reading.OverdueCalendarDays);
    }

    [Fact]
    public void Read_ClosedPause_DeadlineMovesByThePausedBusinessDays()
    {
        // Days 1–2 Tue 3 and Wed 4 Nov; with the applicant Thu 5 – Wed 11 Nov (5 business days); resumes Thu 12.
        var reading = Read(TenBusinessDays, D(11, 2), D(11, 12), [new ClockPause(D(11, 5), D(11, 11))]);
        Assert.Equal(D(11, 23), reading.Deadline);
        Assert.False(reading.IsStopped);
        Assert.False(reading.DeadlineIsProvisional);
        Assert.Equal(8, reading.BusinessDaysLeft);
    }

    [Fact]
    public void Read_OpenPause_ClockStoppedAndDaysLeftFrozen()
    {
        var pause = new ClockPause(D(11, 5), null);
        var tuesday = Read(TenBusinessDays, D(11, 2), D(11, 10), [pause]);
        var nextMonday = Read(TenBusinessDays, D(11, 2), D(11, 16), [pause]);

        Assert.True(tuesday.IsStopped);
        Assert.True(tuesday.DeadlineIsProvisional);
        Assert.Equal(D(11, 20), tuesday.Deadline); // if the file came back today: 8 days from Wed 11
        Assert.Equal(8, tuesday.BusinessDaysLeft);
        Assert.Equal(8, nextMonday.BusinessDaysLeft); // the applicant's days are not the office's
        Assert.Equal(D(11, 26), nextMonday.Deadline);
        Assert.False(nextMonday.IsOverdue);
    }

    [Fact]
    public void Read_BuildingPermitNoExtension_FortyFifthDayOnSaturdayMovesToMonday()
    {
        // Accepted Wed 1 Jul; day 1 Thu 2 Jul; day 45 Sat 15 Aug → next business day Mon 17 Aug (CCC s.193/8).
        var reading = Read(BuildingPermit, D(7, 1), D(7, 1));
        Assert.Equal(D(8, 17), reading.Deadline);
    }

    [Fact]
    public void Read_BuildingPermitWithoutMovingOffWeekend_Saturday() =>
        Assert.Equal(D(8, 15), Read(BuildingPermit with { MoveOffNonWorkingDay = false }, D(7, 1), D(7, 1)).Deadline);

    [Fact]
    public void Read_BuildingPermitOneExtension_NinetiethDay() =>
        Assert.Equal(D(9, 29), Read(BuildingPermit, D(7, 1), D(7, 1), extensions: [new ClockExtension(45, DeadlineUnit.CalendarDays)]).Deadline);

    [Fact]
    public void Read_BuildingPermitTwoExtensionsOf45_HundredThirtyFifthDay()
    {
        var reading = Read(BuildingPermit, D(7, 1), D(11, 2), extensions: [new ClockExtension(45, DeadlineUnit.CalendarDays), new ClockExtension(45, DeadlineUnit.CalendarDays)]);
        Assert.Equal(D(11, 13), reading.Deadline);
        Assert.Equal(10, reading.BusinessDaysLeft); // Mon 2 – Fri 13 Nov
    }

    [Fact]
    public void Read_BusinessDayExtension_AddsBusinessDaysAfterDeadline() =>
        Assert.Equal(D(11, 23), Read(TenBusinessDays, D(11, 2), D(11, 2), extensions: [new ClockExtension(5, DeadlineUnit.BusinessDays)]).Deadline);

    [Fact]
    public void Read_IntoYearWithoutHolidayData_ReportsTheYear()
    {
        var reading = Read(new ClockRule(30, DeadlineUnit.BusinessDays), D(12, 1), D(12, 1));
        Assert.Equal([2027], reading.YearsWithoutHolidayData);
    }

    [Fact]
    public void Read_PauseEndingBeforeItStarts_Throws() =>
        Assert.Throws<ArgumentException>(() => Read(TenBusinessDays, D(11, 2), D(11, 2), [new ClockPause(D(11, 5), D(11, 4))]));

    [Fact]
    public void ExtensionPolicy_BuildingPermit_TwoOf45AllowedThirdRefused()
    {
        var policy = new ExtensionPolicy(2, 45, DeadlineUnit.CalendarDays, "Building Control Act B.E. 2522 s.25");
        Assert.Null(policy.Check(0, 45));
        Assert.Null(policy.Check(1, 30));
        var third = policy.Check(2, 45);
        Assert.Equal("deadline.extension-limit", third?.Code);
        Assert.Equal("Building Control Act B.E. 2522 s.25", third?.LegalBasis);
        Assert.Equal("deadline.extension-length", policy.Check(0, 46)?.Code);
        Assert.Equal("deadline.extension-not-allowed", ExtensionPolicy.None.Check(0, 1)?.Code);
    }

    [Fact]
    public void Read_PauseOverSongkran_OnlyThePausedBusinessDayIsAdded()
    {
        // Day 1–2 Thu 9, Fri 10 Apr; with the applicant Sat 11 – Thu 16 (only Thu 16 is a business day); Fri 17, Mon 20, Tue 21.
        var rule = new ClockRule(5, DeadlineUnit.BusinessDays);
        Assert.Equal(D(4, 20), Read(rule, D(4, 8), D(4, 8)).Deadline);
        Assert.Equal(D(4, 21), Read(rule, D(4, 8), D(4, 17), [new ClockPause(D(4, 11), D(4, 16))]).Deadline);
    }

    [Fact]
    public void Read_BuildingPermitPausedTenDays_DeadlineTenCalendarDaysLater() =>
        Assert.Equal(D(8, 25), Read(BuildingPermit, D(7, 1), D(7, 20), [new ClockPause(D(7, 10), D(7, 19))]).Deadline);

    [Fact]
    public void Read_AcceptanceDay_AllDaysStillLeft()
    {
        var reading = Read(new ClockRule(3, DeadlineUnit.BusinessDays), D(4, 10), D(4, 10));
        Assert.Equal(3, reading.BusinessDaysLeft);
        Assert.Equal(D(4, 11), reading.StartsOn);
    }

    [Fact]
    public void Read_OpenPauseAfterDeadline_DeadlineNotProvisional()
    {
        var reading = Read(TenBusinessDays, D(11, 2), D(11, 20), [new ClockPause(D(11, 18), null)]);
        Assert.Equal(D(11, 16), reading.Deadline);
        Assert.True(reading.IsStopped);
        Assert.False(reading.DeadlineIsProvisional);
        Assert.True(reading.IsOverdue);
    }
}
