using Anuyat.Domain.Calendar;
using Anuyat.Domain.Common;
using static Anuyat.Domain.Tests.Calendar.Holidays2026;

namespace Anuyat.Domain.Tests.Calendar;

public class BusinessCalendarTests
{
    private readonly BusinessCalendar _calendar = Business();

    [Theory]
    [InlineData(4, 13)] // Songkran, Monday
    [InlineData(4, 15)] // Songkran, Wednesday
    [InlineData(6, 1)] // substitution for Visakha Bucha (Sunday 31 May)
    [InlineData(12, 7)] // substitution for 5 December (Saturday)
    [InlineData(1, 2)] // Cabinet special day
    [InlineData(11, 28)] // Saturday
    [InlineData(11, 29)] // Sunday
    public void IsBusinessDay_HolidayOrWeekend_False(int month, int day) => Assert.False(_calendar.IsBusinessDay(D(month, day)));

    [Theory]
    [InlineData(4, 16)]
    [InlineData(6, 2)]
    [InlineData(12, 8)]
    [InlineData(5, 1)] // Labour Day: government offices work
    [InlineData(11, 25)]
    public void IsBusinessDay_OrdinaryWeekday_True(int month, int day) => Assert.True(_calendar.IsBusinessDay(D(month, day)));

    [Fact]
    public void AddBusinessDays_AcrossSongkran_SkipsWeekendAndThreeHolidays() =>
        Assert.Equal(D(4, 20), _calendar.AddBusinessDays(D(4, 10), 3)); // Fri → Thu 16, Fri 17, Mon 20

    [Fact]
    public void AddBusinessDays_Zero_SameDate() => Assert.Equal(D(4, 11), _calendar.AddBusinessDays(D(4, 11), 0));

    [Fact]
    public void CountBusinessDays_WeekOfSongkran_CountsOnlyThursdayAndFriday() =>
        Assert.Equal(2, _calendar.CountBusinessDays(D(4, 11), D(4, 19)));

    [Fact]
    public void CountBusinessDays_EndBeforeStart_Zero() => Assert.Equal(0, _calendar.CountBusinessDays(D(4, 20), D(4, 16)));

    [Fact]
    public void CountBusinessDays_WholeOfNovember2026_21() => Assert.Equal(21, _calendar.CountBusinessDays(D(11, 1), D(11, 30)));

    [Fact]
    public void FirstBusinessDayOnOrAfter_FifthOfDecember_TuesdayEighth() =>
        Assert.Equal(D(12, 8), _calendar.FirstBusinessDayOnOrAfter(D(12, 5)));

    [Fact]
    public void FirstBusinessDayOnOrAfter_BusinessDay_Itself() => Assert.Equal(D(12, 9), _calendar.FirstBusinessDayOnOrAfter(D(12, 9)));

    [Fact]
    public void Covers_YearWithoutData_FalseAndListedAsMissing()
    {
        var holidays = Holidays();
        Assert.True(holidays.Covers(2026));
        Assert.False(holidays.Covers(2027));
        Assert.Equal([2025, 2027], holidays.MissingYears(new DateOnly(2025, 12, 1), new DateOnly(2027, 1, 5)));
    }

    [Fact]
    public void Constructor_HolidayOutsideCoveredYears_Throws() =>
        Assert.Throws<ArgumentException>(() => new HolidayCalendar([new Holiday(new DateOnly(2027, 1, 1), new BilingualText("ก", "a"), HolidayKind.Public, false)], [2026]));

    [Fact]
    public void HasUnconfirmedDates_ProjectedYear_True()
    {
        var holidays = new HolidayCalendar([new Holiday(new DateOnly(2027, 1, 1), new BilingualText("ก", "a"), HolidayKind.Public, false)], [2027]);
        Assert.True(holidays.HasUnconfirmedDates(2027));
        Assert.False(Holidays().HasUnconfirmedDates(2026));
    }

    [Fact]
    public void IsBusinessDay_SpecialDayWhenOfficeOpensOnSpecialDays_True()
    {
        var opensOnSpecialDays = new BusinessCalendar(Holidays(), specialDaysAreWorkingDays: true);
        Assert.True(opensOnSpecialDays.IsBusinessDay(D(1, 2)));
        Assert.False(opensOnSpecialDays.IsBusinessDay(D(1, 1))); // New Year's Day stays a holiday
        Assert.False(_calendar.IsBusinessDay(D(1, 2)));
    }
}
