using System.Globalization;
using System.Net;
using Anuyat.Domain.Calendar;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Admin;

/// <summary>The holiday calendar and rollout pages: bad input, and a holiday change moving open deadlines.</summary>
public sealed class CalendarAndRolloutTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task MovingAHoliday_MovesAnOpenApplicationsDeadline_ShownBeforeSaving_AndAuditedAfter(Db db)
    {
        // Its own app: a holiday change affects every deadline of the app it is made in.
        await using var app = await AnuyatApp.StartAsync(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var citizen = await TestAccounts.CreateAsync(app);
        var application = await app.WithScopeAsync(s => TestFiles.CreateSubmittedAsync(s, citizen.Id, "test", "1003", 0, TimeSpan.FromDays(50), CancellationToken.None));
        var deadline = application.LegalDeadline!.Value;
        var calendar = app.Services.GetRequiredService<BusinessCalendar>();
        var sent = ApplicationClock.BangkokDate(application.SubmittedAt!.Value);
        var year = deadline.Year;

        // A working day inside the clock's run becomes a holiday (the deadline moves one working day later) …
        var inside = FirstWorkingDay(calendar, Max(sent.AddDays(1), new DateOnly(year, 1, 1)), deadline);
        var added = await PreviewAndApplyAsync(admin, year, "#add-form", new() { ["Date"] = Iso(inside), ["NameTh"] = "วันหยุดพิเศษ", ["NameEn"] = "Special day", ["Kind"] = "special", ["Reason"] = "มติคณะรัฐมนตรี (ทดสอบ)" });
        var later = calendar.AddBusinessDays(deadline, 1);
        Assert.Equal((deadline, later), added.Single(s => s.Reference == application.Reference).Shift);

        // … and moving that holiday past the deadline gives the working day back.
        var after = FirstWorkingDay(calendar, later.AddDays(1), new DateOnly(year, 12, 31));
        var moved = await PreviewAndApplyAsync(admin, year, "#move-form", new() { ["Date"] = Iso(inside), ["To"] = Iso(after), ["Reason"] = "มติคณะรัฐมนตรีให้เลื่อนวันหยุด (ทดสอบ)" });
        Assert.Equal((later, deadline), moved.Single(s => s.Reference == application.Reference).Shift);

        var (stored, timeline, calendarEntries) = await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            var id = application.Id.ToString("D");
            return ((await context.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id)).LegalDeadline,
                await context.AuditEvents.AsNoTracking().Where(e => e.SubjectId == id && e.Action == "application.deadline-moved").OrderBy(e => e.Sequence).Select(e => e.Details).ToListAsync(),
                await context.AuditEvents.AsNoTracking().Where(e => e.SubjectType == "holiday-calendar").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        });
        Assert.Equal(deadline, stored);
        Assert.Equal(2, timeline.Count);
        Assert.Contains($"\"to\":\"{Iso(deadline)}\"", timeline[1], StringComparison.Ordinal);
        Assert.Equal(["calendar.holiday-added", "calendar.holiday-moved"], calendarEntries);
        Assert.False(calendar.IsBusinessDay(after));
        Assert.True(calendar.IsBusinessDay(inside));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Holiday_OutsideTheYear_OrWithoutReason_AreFieldErrors(Db db)
    {
        var app = await SharedApps.Get(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var page = await admin.GetPageAsync("/admin/calendar?year=2026");

        var response = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Date"] = "2027-03-10", ["NameTh"] = "ทดสอบ", ["NameEn"] = "Test", ["Kind"] = "special", ["Reason"] = "" }, "#add-form");

        var result = await response.ReadPageAsync();
        Assert.Contains("อยู่นอกปี 2026", AdminClients.FieldError(result, "Date"), StringComparison.Ordinal);
        Assert.Contains("บอกเหตุผล", AdminClients.FieldError(result, "Reason"), StringComparison.Ordinal);
        Assert.Null(result.QuerySelector(".preview"));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task ImportYear_AlreadyCovered_IsAFieldError(Db db)
    {
        var app = await SharedApps.Get(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var page = await admin.GetPageAsync("/admin/calendar?year=2026");

        var response = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Year"] = "2026", ["Csv"] = "date,name_th,name_en,kind,confirmed\n2026-01-01,ปีใหม่,New Year,public,true\n", ["Reason"] = "ประกาศสำนักนายกฯ" }, "#import-form");

        Assert.Contains("มีปฏิทินปี 2026 แล้ว", AdminClients.FieldError(await response.ReadPageAsync(), "Year"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Rollout_DateInThePast_OrUnknownDistrict_AreFieldErrors(Db db)
    {
        var app = await SharedApps.Get(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var page = await admin.GetPageAsync("/admin/rollout");
        var yesterday = Iso(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));

        var past = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Service"] = "tree-trimming", ["District"] = "1050", ["From"] = yesterday }, "main form.panel");
        var nowhere = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Service"] = "tree-trimming", ["District"] = "1999", ["From"] = "2099-01-01" }, "main form.panel");

        Assert.Contains("วันที่ต้องไม่ก่อนวันนี้", AdminClients.FieldError(await past.ReadPageAsync(), "From"), StringComparison.Ordinal);
        Assert.Contains("เลือกเขตจากรายการ", AdminClients.FieldError(await nowhere.ReadPageAsync(), "District"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().RolloutDecisions.CountAsync(r => r.DistrictCode == "1999" || (r.DistrictCode == "1050" && r.ServiceCode == "tree-trimming"))));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Rollout_ScheduledOpening_IsReadByTheAvailabilityCheck_AndAudited(Db db)
    {
        await using var app = await AnuyatApp.StartAsync(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var today = ApplicationsApi.BangkokToday(TimeProvider.System);
        var before = await citizen.PostAsync("/api/v1/applications", Json("""{"serviceCode":"curb-cut","districtCode":"1050"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, before.StatusCode);

        var page = await admin.GetPageAsync("/admin/rollout");
        var saved = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Service"] = "curb-cut", ["District"] = "1050", ["From"] = Iso(today) }, "main form.panel");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await citizen.PostAsync("/api/v1/applications", Json("""{"serviceCode":"curb-cut","districtCode":"1050"}"""));
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(1, await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().AuditEvents.CountAsync(e => e.Action == "rollout.scheduled" && e.SubjectId == "curb-cut/1050")));
        var grid = await admin.GetPageAsync("/admin/rollout");
        Assert.Equal("decided", grid.QuerySelector("tr[data-district='1050'] td[data-service='curb-cut']")!.ClassName);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private sealed record Row(string Reference, (DateOnly From, DateOnly To) Shift);

    private static async Task<IReadOnlyList<Row>> PreviewAndApplyAsync(HttpClient admin, int year, string form, Dictionary<string, string> values)
    {
        var page = await admin.GetPageAsync($"/admin/calendar?year={year}");
        var preview = await (await admin.SubmitAsync(page, values, form)).ReadPageAsync();
        var previewSection = preview.QuerySelector(".preview") ?? throw new InvalidOperationException("no preview: " + preview.QuerySelector(".error-summary")?.TextContent);
        var shown = Rows(previewSection);
        var applied = await (await admin.SubmitAsync(preview, new Dictionary<string, string>(), ".preview form")).ReadPageAsync();
        var appliedRows = Rows(applied.QuerySelector(".applied") ?? throw new InvalidOperationException("not applied: " + applied.QuerySelector(".error-summary")?.TextContent));
        Assert.Equal(shown, appliedRows);
        return shown;
    }

    private static List<Row> Rows(AngleSharp.Dom.IElement section) =>
        [.. section.QuerySelectorAll(".shifts tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td");
            return new Row(cells[0].TextContent.Trim(), (DateOnly.Parse(cells[1].GetAttribute("data-date")!, CultureInfo.InvariantCulture), DateOnly.Parse(cells[2].GetAttribute("data-date")!, CultureInfo.InvariantCulture)));
        })];

    private static DateOnly FirstWorkingDay(BusinessCalendar calendar, DateOnly from, DateOnly until)
    {
        for (var day = from; day <= until; day = day.AddDays(1))
        {
            if (calendar.IsBusinessDay(day))
            {
                return day;
            }
        }

        throw new InvalidOperationException($"no working day between {from} and {until}");
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
