using System.Globalization;
using Anuyat.Domain.Calendar;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Tests.Admin;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Anuyat.Browser.Tests;

/// <summary>
/// The console's pages in the training sandbox (the app as scripts/sandbox.sh starts it, filled by the demo
/// generator), signed in as the demo admin, at a phone's and a desktop's width, Thai and English: Thai is drawn in
/// Sarabun and nothing scrolls sideways at 360 px. Saves docs/screens/admin-*.png.
/// </summary>
public sealed class AdminScreensTests(Browser browser) : IClassFixture<Browser>
{
    private static readonly (string Name, string Path)[] Pages =
    [
        ("people", "/admin/people"),
        ("rollout", "/admin/rollout"),
        ("catalog", "/admin/catalog"),
        ("system", "/admin/system"),
        ("sandbox", "/admin/sandbox"),
    ];

    [Theory]
    [InlineData("th", true)]
    [InlineData("th", false)]
    [InlineData("en", true)]
    [InlineData("en", false)]
    public async Task ConsolePages_InTheSandbox_FitAPhone_AndDrawThaiInSarabun(string language, bool phone)
    {
        await using var sandbox = await SandboxApps.StartAsync(Db.Sqlite, applications: 200, kestrel: true);
        var page = await browser.NewPageAsync(sandbox.ServerAddress!, phone);
        page.SetDefaultTimeout(120_000);
        await AdminConsoleTests.SignInWithSecondFactorAsync(page, DemoAccounts.AdminEmail, DemoAccounts.Password);
        await page.GotoAsync($"/language/{language}?returnUrl=/admin");
        var size = phone ? "360" : "1280";

        foreach (var (name, path) in Pages)
        {
            await page.GotoAsync(path);
            Assert.True(await page.Locator(".sandbox-banner").IsVisibleAsync(), $"{path}: no sandbox banner");
            await CheckAsync(page, phone, path);
            await Browser.ScreenshotAsync(page, $"admin-{name}-{language}-{size}");
        }

        // The effect of a new holiday on open deadlines, shown before saving.
        var calendar = sandbox.Services.GetRequiredService<BusinessCalendar>();
        var day = ApplicationsApi.BangkokToday(TimeProvider.System).AddDays(7);
        while (!calendar.IsBusinessDay(day))
        {
            day = day.AddDays(1);
        }

        await page.GotoAsync($"/admin/calendar?year={day.Year}");
        await page.FillAsync("#add-form [name=Date]", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillAsync("#add-form [name=NameTh]", "วันหยุดพิเศษ (ฝึกหัด)");
        await page.FillAsync("#add-form [name=NameEn]", "Special holiday (practice)");
        await page.SelectOptionAsync("#add-form [name=Kind]", "special");
        await page.FillAsync("#add-form [name=Reason]", "มติคณะรัฐมนตรี (ฝึกหัด)");
        await page.ClickAsync("#add-form button[type=submit]");
        Assert.True(await page.Locator(".preview .shifts tbody tr").CountAsync() > 0, "the preview shows no open file whose deadline moves");
        await CheckAsync(page, phone, "/admin/calendar preview");
        await Browser.ScreenshotAsync(page, $"admin-calendar-preview-{language}-{size}");

        // The officer's first file named by the guided tour.
        await page.GotoAsync("/sandbox/tour");
        await CheckAsync(page, phone, "/sandbox/tour");
        await Browser.ScreenshotAsync(page, $"admin-sandbox-tour-{language}-{size}");
    }

    private static async Task CheckAsync(IPage page, bool phone, string what)
    {
        Assert.Contains("Sarabun", await Browser.LoadedThaiFontsAsync(page));
        if (phone)
        {
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"{what} scrolls sideways by {overflow} px at 360 px");
        }
    }
}
