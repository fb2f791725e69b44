using System.Globalization;
using System.Net;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Admin;

/// <summary>The catalog-version schedule and the system page: the happy path, bad input in both languages, and other roles kept out.</summary>
public sealed class CatalogAndSystemTests
{
    private const string Service = "building-permit-k1";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task ScheduleNextVersion_ValidDate_IsSavedShownAndAudited_AndTheCatalogReadsIt(Db db)
    {
        // Its own app: the schedule changes which ข.1 version is in force from that date for the whole app.
        await using var app = await AnuyatApp.StartAsync(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var page = await admin.GetPageAsync("/admin/catalog");
        var date = ApplicationsApi.BangkokToday(TimeProvider.System).AddDays(400);

        var saved = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Service"] = Service, ["Version"] = "2", ["EffectiveFrom"] = Iso(date) }, "main form.panel");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await admin.GetPageAsync("/admin/catalog?saved=true");
        Assert.Contains("กำหนดในคอนโซล", after.QuerySelector("table.catalog-versions")!.TextContent, StringComparison.Ordinal);
        var catalog = app.Services.GetRequiredService<CatalogStore>().Catalog;
        Assert.Equal(date, catalog.EffectiveFrom(catalog.GetVersion(Service, 2)!));
        Assert.Equal(1, catalog.InForce(Service, date.AddDays(-1))!.Version);
        Assert.Equal(2, catalog.InForce(Service, date)!.Version);
        var (stored, audited) = await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            return (await context.VersionSchedules.AsNoTracking().SingleAsync(v => v.ServiceCode == Service && v.Version == 2),
                await context.AuditEvents.CountAsync(e => e.Action == "catalog.version-scheduled" && e.SubjectId == Service));
        });
        Assert.Equal(date, stored.EffectiveFrom);
        Assert.Equal(1, audited);
    }

    [Theory]
    [InlineData(Db.Sqlite, "th", "วันมีผลต้องอยู่หลังวันนี้")]
    [InlineData(Db.Postgres, "th", "วันมีผลต้องอยู่หลังวันนี้")]
    [InlineData(Db.Sqlite, "en", "The effective date must be after today")]
    [InlineData(Db.Postgres, "en", "The effective date must be after today")]
    public async Task ScheduleNextVersion_DateInThePast_IsAFieldErrorInTheReadersLanguage_AndSavesNothing(Db db, string language, string expected)
    {
        var app = await SharedApps.Get(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        await admin.GetAsync($"/language/{language}?returnUrl=/admin/catalog");
        var page = await admin.GetPageAsync("/admin/catalog");
        var yesterday = ApplicationsApi.BangkokToday(TimeProvider.System).AddDays(-1);

        var response = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Service"] = Service, ["Version"] = "2", ["EffectiveFrom"] = Iso(yesterday) }, "main form.panel");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, AdminClients.FieldError(await response.ReadPageAsync(), "EffectiveFrom"), StringComparison.Ordinal);
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().VersionSchedules.AnyAsync(v => v.ServiceCode == Service && v.EffectiveFrom == yesterday)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task ScheduleNextVersion_AVersionAlreadyInForce_OrNotAVersion_AreFieldErrors(Db db)
    {
        var app = await SharedApps.Get(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var page = await admin.GetPageAsync("/admin/catalog");
        var later = Iso(ApplicationsApi.BangkokToday(TimeProvider.System).AddDays(30));

        var current = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Service"] = Service, ["Version"] = "1", ["EffectiveFrom"] = later }, "main form.panel");
        var missing = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Service"] = Service, ["Version"] = "9", ["EffectiveFrom"] = "not a date" }, "main form.panel");

        Assert.Contains("ฉบับนี้มีผลแล้ว", AdminClients.FieldError(await current.ReadPageAsync(), "Version"), StringComparison.Ordinal);
        var missingPage = await missing.ReadPageAsync();
        Assert.Contains("ไม่พบฉบับนี้", AdminClients.FieldError(missingPage, "Version"), StringComparison.Ordinal);
        Assert.Contains("กรอกวันมีผล", AdminClients.FieldError(missingPage, "EffectiveFrom"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite, "Sqlite")]
    [InlineData(Db.Postgres, "Postgres")]
    public async Task SystemPage_ShowsProviderMigrationsAuditChainAndWorkers(Db db, string provider)
    {
        var app = await SharedApps.Get(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);

        var page = await admin.GetPageAsync("/admin/system");

        var summary = page.QuerySelector("dl.system-status")!.TextContent;
        Assert.Contains(provider, summary, StringComparison.Ordinal);
        Assert.Equal("ล่าสุดแล้ว", page.QuerySelector("#migrations .tag")!.TextContent.Trim());
        Assert.Equal("tag tag-ok", page.QuerySelector("#audit .tag")!.ClassName);
        Assert.StartsWith("ถูกต้อง", page.QuerySelector("#audit .tag")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("เขียนได้", page.QuerySelector("#documents .tag")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("table.workers code"), c => c.TextContent == "console-overlays");
    }

    [Theory]
    [InlineData(Db.Sqlite, "/admin/system")]
    [InlineData(Db.Postgres, "/admin/system")]
    [InlineData(Db.Sqlite, "/admin/catalog")]
    [InlineData(Db.Postgres, "/admin/catalog")]
    public async Task AdminPages_AnOfficer_IsTurnedAway_AndCannotSchedule(Db db, string path)
    {
        var app = await SharedApps.Get(db);
        var (officer, _, _) = await AdminClients.StaffClientAsync(app, Role.Officer, "1003", "public-works");
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var form = await admin.GetPageAsync("/admin/catalog");
        var date = ApplicationsApi.BangkokToday(TimeProvider.System).AddDays(777);

        var get = await officer.GetAsync(path);
        var post = await officer.SubmitAsync(form, new Dictionary<string, string> { ["Service"] = Service, ["Version"] = "2", ["EffectiveFrom"] = Iso(date) }, "main form.panel");

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/account/access-denied", get.LocationPath(), StringComparison.Ordinal);
        Assert.False(post.StatusCode == HttpStatusCode.Redirect && post.LocationPath().StartsWith("/admin/catalog", StringComparison.Ordinal), "an officer's schedule was accepted");
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().VersionSchedules.AnyAsync(v => v.EffectiveFrom == date)));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
