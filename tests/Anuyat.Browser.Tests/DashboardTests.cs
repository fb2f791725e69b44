using Anuyat.Domain.Accounts;
using Anuyat.Web.Tests.Infrastructure;
using Anuyat.Web.Tests.Stats;
using Microsoft.Playwright;

namespace Anuyat.Browser.Tests;

/// <summary>The strategy office's dashboard in a real browser, in Thai and English, on a phone and a desktop.</summary>
public sealed class DashboardTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Dashboard_ForTheStrategyOffice_ShowsChartsAndTablesInThaiAndEnglish()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, kestrel: true);
        await StatsSeed.RunAsync(app, seed: 2569, StatsSeed.CatalogOffices, applications: 160, steps: 700, new DateTime(2025, 12, 1, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc));
        var strategy = await TestAccounts.CreateAsync(app, Role.Strategy);

        var desk = await browser.NewPageAsync(app.ServerAddress!, phone: false);
        await SignInWithAuthenticatorAsync(desk, strategy.Email!);
        await desk.GotoAsync("/dashboard?from=2025-12&to=2026-11");
        Assert.Contains("ภาพรวมการอนุญาต", await desk.TextContentAsync("h1"), StringComparison.Ordinal);
        Assert.Equal(2, await desk.Locator("svg[role=img] title").CountAsync());
        Assert.Contains("ธ.ค. 2568", await desk.TextContentAsync("#table-months"), StringComparison.Ordinal); // December 2025, Buddhist era
        Assert.Contains("Sarabun", await Browser.LoadedThaiFontsAsync(desk));
        await Browser.ScreenshotAsync(desk, "stats-dashboard-th-1280");

        // Drill down: a district group, then a district.
        await desk.ClickAsync("#table-breakdown tbody tr:first-child th a");
        Assert.Contains("ตามเขต", await desk.TextContentAsync("#breakdown-heading"), StringComparison.Ordinal);
        await desk.ClickAsync("#table-breakdown tbody tr:first-child th a");
        Assert.Contains("ตามฝ่าย", await desk.TextContentAsync("#breakdown-heading"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(desk, "stats-district-th-1280");

        await desk.GotoAsync("/language/en?returnUrl=" + Uri.EscapeDataString("/dashboard?from=2025-12&to=2026-11"));
        Assert.Contains("Permits at a glance", await desk.TextContentAsync("h1"), StringComparison.Ordinal);
        Assert.Contains("Dec 2025", await desk.TextContentAsync("#table-months"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(desk, "stats-dashboard-en-1280");
        await desk.GotoAsync("/dashboard/map?from=2025-12&to=2026-11");
        Assert.Equal(50, await desk.Locator("figure.map-figure svg.chart rect").CountAsync());
        Assert.True(await desk.Locator("#table-districts tbody tr").CountAsync() > 0);
        await Browser.ScreenshotAsync(desk, "stats-map-en-1280");
        await desk.GotoAsync("/dashboard/overdue?from=2025-12&to=2026-11");
        await Browser.ScreenshotAsync(desk, "stats-overdue-en-1280");

        var phone = await browser.NewPageAsync(app.ServerAddress!);
        await SignInWithAuthenticatorAsync(phone, strategy.Email!, enrol: false);
        await phone.GotoAsync("/dashboard?from=2025-12&to=2026-11");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways at 360 px");
        await Browser.ScreenshotAsync(phone, "stats-dashboard-th-360");
        await phone.GotoAsync("/dashboard/map?from=2025-12&to=2026-11");
        await Browser.ScreenshotAsync(phone, "stats-map-th-360");
        await phone.GotoAsync("/language/en?returnUrl=" + Uri.EscapeDataString("/dashboard?from=2025-12&to=2026-11"));
        await Browser.ScreenshotAsync(phone, "stats-dashboard-en-360");
    }

    private static string? _key;

    private static async Task SignInWithAuthenticatorAsync(IPage page, string email, bool enrol = true)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        if (enrol)
        {
            await page.GotoAsync("/account/authenticator");
            _key = (await page.TextContentAsync("#authenticator-key"))!;
            await page.FillAsync("#Code", Totp.Code(_key, DateTimeOffset.UtcNow));
            await page.ClickAsync("main button[type=submit]");
        }
        else
        {
            // Enrolled already: the sign-in asks for the code.
            await page.FillAsync("#Code", Totp.Code(_key!, DateTimeOffset.UtcNow));
            await page.ClickAsync("main button[type=submit]");
        }
    }
}
