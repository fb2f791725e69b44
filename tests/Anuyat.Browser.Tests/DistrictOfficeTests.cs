using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Web.Tests.Applications;
using Anuyat.Web.Tests.Documents;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Anuyat.Browser.Tests;

/// <summary>
/// Issue 5's "done when": a Phra Nakhon (1001) Public Works officer takes a submitted ข.1 from the queue and issues a
/// deficiency record for two items; the citizen answers it in the browser; the officer sees what changed and accepts;
/// the officer recommends and a different person, the approver, approves.
/// </summary>
public sealed class DistrictOfficeTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task SubmittedK1_DeficiencyForTwoItems_AnsweredByTheCitizen_ThenAcceptedRecommendedAndApproved()
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

        // The officer takes the file from the queue.
        var officer = await TestAccounts.CreateAsync(app, Role.Officer, "1001", "public-works");
        var desk = await browser.NewPageAsync(app.ServerAddress!, phone: false);

        // The machine running the tests is shared and slow; a journey this long needs more than Playwright's 30 s.
        desk.SetDefaultTimeout(120_000);
        await SignInWithSecondFactorAsync(desk, officer);
        await desk.GotoAsync("/office/queue");
        var row = desk.Locator("tr", new PageLocatorOptions { HasText = reference });
        await row.Locator("button").ClickAsync();
        await desk.GotoAsync("/office/queue?mine=true");
        await desk.ClickAsync($"text={reference}");

        // A due date in the past is refused beside the field, citing the law.
        await desk.CheckAsync("#item-plans");
        await desk.CheckAsync("#item-titleDeedCopy");
        await desk.FillAsync("#note", "แบบแปลนยังไม่มีลายมือชื่อสถาปนิก และสำเนาโฉนดไม่ครบทุกหน้า");
        await desk.FillAsync("#dueDate", Iso(Today().AddDays(-1)));
        await desk.ClickAsync("form[action$='/deficiency' i] button[type=submit]");
        var dueError = await desk.TextContentAsync("#dueDate-error");
        Assert.Contains("มาตรา 8", dueError, StringComparison.Ordinal);
        Assert.Equal("แบบแปลนยังไม่มีลายมือชื่อสถาปนิก และสำเนาโฉนดไม่ครบทุกหน้า", await desk.InputValueAsync("#note"));
        await Browser.ScreenshotAsync(desk, "office-deficiency-past-date-th-1280");

        await desk.CheckAsync("#item-plans");
        await desk.CheckAsync("#item-titleDeedCopy");
        await desk.FillAsync("#dueDate", Iso(Today().AddDays(15)));
        await desk.ClickAsync("form[action$='/deficiency' i] button[type=submit]");
        Assert.Equal("เจ้าหน้าที่ขอเอกสารหรือข้อมูลเพิ่ม", (await desk.TextContentAsync("main p .tag"))?.Trim());
        Assert.Equal(2, await desk.Locator("#deficiency-record ul li").CountAsync());
        var officersCopy = await desk.RunAndWaitForDownloadAsync(() => desk.ClickAsync("a[href$='/deficiencyrecord']"));
        Assert.Equal($"deficiency-{reference}.pdf", officersCopy.SuggestedFilename);
        await Browser.ScreenshotAsync(desk, "office-deficiency-issued-th-1280");

        // The citizen, on a phone, sees only the two items and answers them.
        var phone = await browser.NewPageAsync(app.ServerAddress!);
        phone.SetDefaultTimeout(120_000);
        await SignInAsync(phone, citizen.Email!);
        await phone.GotoAsync($"/applications/{id}");
        Assert.Equal(2, await phone.Locator("#tasks .tasks > li").CountAsync());
        Assert.Contains("แผนผังบริเวณ", await phone.TextContentAsync("#task-plans"), StringComparison.Ordinal);
        var citizensCopy = await phone.RunAndWaitForDownloadAsync(() => phone.ClickAsync("#tasks a[href$='/deficiencyrecord']"));
        Assert.Equal($"deficiency-{reference}.pdf", citizensCopy.SuggestedFilename);
        await Browser.ScreenshotAsync(phone, "office-citizen-tasks-th-360");
        foreach (var item in new[] { "plans", "titleDeedCopy" })
        {
            await phone.SetInputFilesAsync($"#file-{item}", new FilePayload { Name = $"{item}-signed.pdf", MimeType = "application/pdf", Buffer = Corpus.Pdf() });
            await phone.ClickAsync($"#task-{item} button[type=submit]");
            Assert.Contains("ส่งแล้ว", await phone.TextContentAsync($"#task-{item}"), StringComparison.Ordinal);
        }

        await Browser.ScreenshotAsync(phone, "office-citizen-tasks-answered-th-360");
        await phone.ClickAsync("form[action$='/resubmit' i] button");
        Assert.Equal("ยื่นแล้ว รอเจ้าหน้าที่ตรวจความครบถ้วน", (await phone.TextContentAsync(".panel .tag"))?.Trim());
        Assert.Equal(0, await phone.Locator("form[action$='/resubmit' i]").CountAsync());

        // The officer sees what changed, looks at a new file in the page, and accepts.
        await desk.ReloadAsync();
        var changes = await desk.TextContentAsync("#deficiency-record .changes");
        Assert.Contains("plans-signed.pdf", changes, StringComparison.Ordinal);
        Assert.Contains("titleDeedCopy-signed.pdf", changes, StringComparison.Ordinal);
        await desk.ClickAsync("#deficiency-record .changes a >> nth=0");
        Assert.Equal(1, await desk.Locator("#viewer iframe").CountAsync());
        await Browser.ScreenshotAsync(desk, "office-changes-and-viewer-th-1280");
        await desk.CheckAsync("#verified-plans");
        await desk.ClickAsync("#checklist button[type=submit]");
        Assert.True(await desk.IsCheckedAsync("#verified-plans"));
        await desk.ClickAsync("form[action$='/accept' i] button");
        Assert.Equal("อยู่ระหว่างพิจารณา", (await desk.TextContentAsync("main p .tag"))?.Trim());

        // The reviewing officer recommends.
        await desk.CheckAsync("#rec-approve");
        await desk.FillAsync("#rec-note", "แบบแปลนและเอกสารครบถ้วนตามกฎกระทรวง");
        await desk.ClickAsync("form[action$='/recommend' i] button");
        Assert.Contains("เสนอความเห็น", await desk.TextContentAsync(".timeline"), StringComparison.Ordinal);

        // The approver, another person, approves.
        var approver = await TestAccounts.CreateAsync(app, Role.Approver, "1001", "public-works");
        var head = await browser.NewPageAsync(app.ServerAddress!, phone: false);
        head.SetDefaultTimeout(120_000);
        await SignInWithSecondFactorAsync(head, approver);
        await head.GotoAsync("/language/en?returnUrl=/office/applications/" + id);
        await Browser.ScreenshotAsync(head, "office-decision-en-1280");
        await head.CheckAsync("#dec-approved");
        await head.ClickAsync("form[action$='/decide' i] button");
        Assert.Equal("Approved, waiting for the fee", (await head.TextContentAsync("main p .tag"))?.Trim());

        await phone.ReloadAsync();
        Assert.Equal("อนุมัติแล้ว รอชำระค่าธรรมเนียม", (await phone.TextContentAsync(".panel .tag"))?.Trim());
        Assert.Contains("อนุมัติแล้ว", await phone.TextContentAsync(".timeline"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(phone, "office-citizen-approved-th-360");
    }

    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok")));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task SignInWithSecondFactorAsync(IPage page, Account account)
    {
        await SignInAsync(page, account.Email!);
        await page.GotoAsync("/account/authenticator");
        var key = (await page.TextContentAsync("#authenticator-key"))!;
        await page.FillAsync("#Code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("main button[type=submit]");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
    }
}
