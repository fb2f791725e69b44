using Anuyat.Domain.Accounts;
using Anuyat.Web.Tests.Infrastructure;
using Anuyat.Web.Tests.Office;

namespace Anuyat.Browser.Tests;

/// <summary>The paged officer queue in Chromium, in Thai, on a desk and on a phone (issue 11): links move between pages and keep the filters.</summary>
public sealed class QueuePagingScreensTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task PagedQueue_NextAndPreviousKeepTheFilter_OnADeskAndOnAPhone()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, kestrel: true);
        var officer = await TestAccounts.CreateAsync(app, Role.Officer, "1001", "public-works");
        var newestFirst = await QueuePagingTests.AssignedFilesAsync(app, officer.Id, 120);

        var desk = await browser.NewPageAsync(app.ServerAddress!, phone: false);
        desk.SetDefaultTimeout(120_000);
        await AdminConsoleTests.SignInWithSecondFactorAsync(desk, officer.Email!, TestAccounts.Password);
        await desk.GotoAsync("/office/queue");
        await desk.CheckAsync("#mine");
        await desk.ClickAsync("form.filters button[type=submit]");
        await desk.ClickAsync("nav.pager a[rel=next]");
        Assert.EndsWith("/office/queue?tab=open&mine=true&p=2", desk.Url, StringComparison.Ordinal);
        Assert.Contains("หน้า 2 จาก 3", await desk.TextContentAsync("nav.pager"), StringComparison.Ordinal);
        Assert.Equal(newestFirst[50], (await desk.TextContentAsync("table tbody tr a"))?.Trim());
        await Browser.ScreenshotAsync(desk, "office-queue-paged-th-1280");

        // The same officer on a phone-sized window (one sign-in: the second factor is enrolled once).
        var phone = desk;
        await phone.SetViewportSizeAsync(360, 740);
        await phone.GotoAsync("/office/queue?tab=open&mine=true&p=2");
        await phone.ClickAsync("nav.pager a[rel=next]");
        Assert.EndsWith("/office/queue?tab=open&mine=true&p=3", phone.Url, StringComparison.Ordinal);
        Assert.Equal(20, await phone.Locator("table tbody tr").CountAsync());
        Assert.Equal(0, await phone.Locator("nav.pager a[rel=next]").CountAsync());
        await Browser.ScreenshotAsync(phone, "office-queue-paged-th-360");
    }
}
