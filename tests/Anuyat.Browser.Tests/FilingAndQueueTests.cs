using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Web.Tests.Applications;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Anuyat.Browser.Tests;

/// <summary>
/// A filed ข.1 seen by both sides in a real browser: the citizen's application page with its legal clock, and the
/// Phra Nakhon Public Works officer who enrols an authenticator, opens the queue and claims the file.
/// </summary>
public sealed class FilingAndQueueTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task FiledApplication_ShowsTheClockToTheCitizen_AndSitsInTheOfficersQueue()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, kestrel: true);
        var citizen = await TestAccounts.CreateAsync(app);
        var api = new HttpClient { BaseAddress = app.ServerAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", await TestAccounts.TokenAsync(app, citizen));
        var id = await ApplicationJourneyTests.CreateAsync(api, ApplicationJourneyTests.SmallHouse);
        foreach (var item in ApplicationJourneyTests.SmallHouseDocuments)
        {
            await ApplicationJourneyTests.AttachAsync(api, id, item);
        }

        var submitted = await (await api.PostAsync($"/api/v1/applications/{id}/submit", null)).Content.ReadFromJsonAsync<JsonElement>();
        var reference = submitted.GetProperty("reference").GetString()!;

        // The citizen, on a phone, in Thai.
        var phone = await browser.NewPageAsync(app.ServerAddress!);
        await SignInAsync(phone, citizen.Email!);
        await phone.GotoAsync("/applications");
        Assert.Contains(reference, await phone.TextContentAsync("table"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(phone, "my-applications-th-360");
        await phone.ClickAsync($"text={reference}");
        var clock = await phone.TextContentAsync(".clock");
        Assert.Matches("เหลือ \\d+ วันทำการ", clock);
        Assert.Contains("กำหนดตามกฎหมาย", clock, StringComparison.Ordinal);
        Assert.Contains("ฝ่ายโยธา สำนักงานเขตพระนคร", await phone.TextContentAsync(".summary-list"), StringComparison.Ordinal);
        Assert.Contains("ยื่นคำขอแล้ว", await phone.TextContentAsync(".timeline"), StringComparison.Ordinal);
        var download = await phone.RunAndWaitForDownloadAsync(() => phone.ClickAsync("a[href$='/receipt']"));
        Assert.Equal($"receipt-{reference}.pdf", download.SuggestedFilename);
        await Browser.ScreenshotAsync(phone, "application-status-th-360");

        // The officer, on a desktop: a second factor first, then the queue.
        var officer = await TestAccounts.CreateAsync(app, Role.Officer, "1001", "public-works");
        var desk = await browser.NewPageAsync(app.ServerAddress!, phone: false);
        await SignInAsync(desk, officer.Email!);
        await desk.GotoAsync("/office/queue");
        Assert.Contains("/account/access-denied", desk.Url, StringComparison.Ordinal);
        await desk.GotoAsync("/account/authenticator");
        var key = (await desk.TextContentAsync("#authenticator-key"))!;
        await desk.FillAsync("#Code", Totp.Code(key, DateTimeOffset.UtcNow));
        await desk.ClickAsync("main button[type=submit]");
        await desk.GotoAsync("/office/queue");
        await Browser.ScreenshotAsync(desk, "office-queue-th-1280");
        var row = desk.Locator("tr", new PageLocatorOptions { HasText = reference });
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal(0, await desk.Locator(".error-summary").CountAsync());
        await row.Locator("button").ClickAsync();
        await desk.GotoAsync("/office/queue?mine=true");
        Assert.Equal(1, await desk.Locator("tr", new PageLocatorOptions { HasText = reference }).CountAsync());
        Assert.Contains(officer.DisplayName, await desk.TextContentAsync("tbody"), StringComparison.Ordinal);

        // The case page: answers with the manual's labels, the documents, and the completeness check.
        await desk.ClickAsync($"text={reference}");
        Assert.Contains("สมหญิง", await desk.TextContentAsync(".summary-list"), StringComparison.Ordinal);
        Assert.Equal(4, await desk.Locator("table tbody tr").CountAsync());
        await Browser.ScreenshotAsync(desk, "office-case-th-1280");
        await desk.ClickAsync("form[action*='accept' i] button");
        Assert.Equal("อยู่ระหว่างพิจารณา", (await desk.TextContentAsync("main .tag"))?.Trim());
        Assert.Contains("เริ่มพิจารณา", await desk.TextContentAsync(".timeline"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceManual_InThaiAndEnglish_ShowsTheStepsDocumentsAndFeeEstimate()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, kestrel: true);
        var phone = await browser.NewPageAsync(app.ServerAddress!);

        await phone.GotoAsync("/services");
        await Browser.ScreenshotAsync(phone, "services-th-360");
        await phone.GotoAsync("/services/building-permit-k1");
        Assert.Contains("ข.1", await phone.TextContentAsync("h1"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(phone, "service-k1-th-360");

        var desk = await browser.NewPageAsync(app.ServerAddress!, phone: false);
        await desk.GotoAsync("/language/en?returnUrl=/services/building-permit-k1");
        Assert.Equal("en", await desk.GetAttributeAsync("html", "lang"));
        await Browser.ScreenshotAsync(desk, "service-k1-en-1280");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
    }
}
