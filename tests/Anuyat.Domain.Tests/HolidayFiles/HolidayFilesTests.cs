using Anuyat.Domain.Calendar;
using Anuyat.Domain.Deadlines;
using Anuyat.Infrastructure.Platform;
using Loader = Anuyat.Infrastructure.Calendar.HolidayFiles;

namespace Anuyat.Domain.Tests.HolidayFiles;

public sealed class HolidayFilesTests : IDisposable
{
    private const string Header = "date,name_th,name_en,kind,confirmed";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "anuyat-holidays-" + Guid.NewGuid().ToString("N"));

    public HolidayFilesTests() => Directory.CreateDirectory(Path.Combine(_root, "holidays"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Read_RepositoryFiles_CoverThreeYearsWith2027Unconfirmed()
    {
        var calendar = Loader.Read(ReferenceFiles.Locate("reference"));

        Assert.Equal([2025, 2026, 2027], calendar.CoveredYears);
        Assert.False(calendar.HasUnconfirmedDates(2026));
        Assert.True(calendar.HasUnconfirmedDates(2027));
        Assert.Equal(HolidayKind.Substitution, calendar.Find(new DateOnly(2026, 6, 1))?.Kind);
        Assert.Equal(HolidayKind.Substitution, calendar.Find(new DateOnly(2026, 12, 7))?.Kind);
        Assert.Equal("วันสงกรานต์", calendar.Find(new DateOnly(2026, 4, 14))?.Name.Th);
        Assert.Null(calendar.Find(new DateOnly(2026, 5, 1))); // Labour Day is not a government holiday
        Assert.Equal(22, calendar.In(2026).Count);
        Assert.Empty(calendar.MissingYears(new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31)));
    }

    [Fact]
    public void Read_RepositoryFiles_SongkranDeadlineMatchesRules()
    {
        var business = new BusinessCalendar(Loader.Read(ReferenceFiles.Locate("reference")));
        var reading = LegalClock.Read(business, new ClockRule(3, DeadlineUnit.BusinessDays), new DateOnly(2026, 4, 10), [], [], new DateOnly(2026, 4, 10));
        Assert.Equal(new DateOnly(2026, 4, 20), reading.Deadline);
    }

    [Fact]
    public void Read_ValidFile_LoadsNamesKindAndConfirmed()
    {
        Write("2026", "2026-04-13,วันสงกรานต์,Songkran Festival,public,true", "2026-06-01,ชดเชย,Substitution,substitution,false");
        var calendar = Loader.Read(_root);
        var holiday = calendar.Find(new DateOnly(2026, 6, 1))!;
        Assert.Equal(("ชดเชย", "Substitution", HolidayKind.Substitution, false), (holiday.Name.Th, holiday.Name.En, holiday.Kind, holiday.Confirmed));
        Assert.Equal([2026], calendar.CoveredYears);
    }

    [Theory]
    [InlineData("2026-13-01,ก,a,public,true", "holidays/2026.csv:3: column 'date' must be a date")]
    [InlineData("2027-01-01,ก,a,public,true", "holidays/2026.csv:3: column 'date' is 2027-01-01, outside the file's year 2026")]
    [InlineData("2026-05-01,ก,a,bank,true", "holidays/2026.csv:3: column 'kind' must be public, substitution or special, not 'bank'")]
    [InlineData("2026-01-01,ก,a,public,true", "holidays/2026.csv:3: column 'date' repeats 2026-01-01")]
    [InlineData("2026-05-04,ก,a,public,yes", "holidays/2026.csv:3: column 'confirmed' must be true or false")]
    public void Read_BadRow_StartupExceptionNamingFileAndLine(string badRow, string message)
    {
        Write("2026", "2026-01-01,วันขึ้นปีใหม่,New Year's Day,public,true", badRow);
        var error = Assert.Throws<StartupException>(() => Loader.Read(_root));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingConfirmedColumn_StartupException()
    {
        File.WriteAllLines(Path.Combine(_root, "holidays", "2026.csv"), ["date,name_th,name_en,kind", "2026-01-01,ก,a,public"]);
        Assert.Contains("missing column 'confirmed'", Assert.Throws<StartupException>(() => Loader.Read(_root)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileNotNamedByYear_StartupException()
    {
        Write("holidays-2026", "2026-01-01,ก,a,public,true");
        Assert.Contains("holidays/holidays-2026.csv", Assert.Throws<StartupException>(() => Loader.Read(_root)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoFiles_StartupException() => Assert.Throws<StartupException>(() => Loader.Read(_root));

    private void Write(string stem, params string[] rows) =>
        File.WriteAllLines(Path.Combine(_root, "holidays", stem + ".csv"), [Header, .. rows]);
}
