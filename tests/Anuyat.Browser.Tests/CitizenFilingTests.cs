using Anuyat.Web.Tests.Documents;
using Anuyat.Web.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Anuyat.Browser.Tests;

/// <summary>
/// The citizen files a ข.1 on a 360 px phone in Thai, from the service page to the receipt, and finds it under "My
/// applications"; resumes a draft after signing out and in; and sees field errors without losing input. axe-core
/// checks every page of the journey for serious or critical accessibility violations.
/// </summary>
public sealed class CitizenFilingTests(Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> _axeProblems = [];

    [Fact]
    public async Task Citizen_FilesACompleteK1FromTheServicePageToTheReceipt_AndFindsItWithItsDeadline()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, kestrel: true);
        var citizen = await TestAccounts.CreateAsync(app);
        var phone = await browser.NewPageAsync(app.ServerAddress!);
        await SignInAsync(phone, citizen.Email!);

        await phone.GotoAsync("/services/building-permit-k1");
        await Step(phone, "01-service");
        await phone.ClickAsync("a.button-start");
        await Step(phone, "02-eligibility");
        await phone.CheckAsync("#Answer");
        await phone.ClickAsync("main button[type=submit]");
        await phone.CheckAsync("#Answer-no");
        await phone.ClickAsync("main button[type=submit]");
        await Step(phone, "03-district");
        await phone.SelectOptionAsync("#DistrictCode", "1001");
        await phone.ClickAsync("main button[type=submit]");
        await Step(phone, "04-task-list");

        await phone.ClickAsync(".task-list-item a >> nth=0");
        await phone.CheckAsync("#a_applicantType");
        await phone.CheckAsync("#a_requestType");
        await Step(phone, "05-page-request");
        await Next(phone);
        await phone.FillAsync("#a_site_houseNo", "99");
        await phone.FillAsync("#a_site_road", "ราชดำเนินกลาง");
        await phone.FillAsync("#a_site_subdistrict", "บวรนิเวศ");
        await phone.FillAsync("#a_site_postcode", "10200");
        await Step(phone, "06-page-address");
        await Next(phone);
        await phone.CheckAsync("#a_titleDeed_kind");
        await phone.FillAsync("#a_titleDeed_number", "4521");
        await Next(phone);
        await phone.CheckAsync("#a_landOwnerIsApplicant");
        await Next(phone);
        await phone.ClickAsync("a.add-row");
        await phone.FillAsync("#a_buildings_0__kind", "บ้านเดี่ยว");
        await phone.FillAsync("#a_buildings_0__use", "พักอาศัย");
        await phone.FillAsync("#a_buildings_0__storeys", "2");
        await phone.FillAsync("#a_buildings_0__heightM", "7.5");
        await phone.FillAsync("#a_buildings_0__floorAreaM2", "140");
        await Step(phone, "07-building-row");
        await phone.ClickAsync("main form button[type=submit]");
        await Step(phone, "08-buildings");
        await Next(phone);
        await phone.FillAsync("#a_completionDays", "365");
        await Next(phone);
        await phone.FillAsync("#a_applicant_nationalId", "1111111111119");
        await phone.FillAsync("#a_applicant_firstName", "สมหญิง");
        await phone.FillAsync("#a_applicant_lastName", "ใจดี");
        await phone.FillAsync("#a_applicant_phone", "0812345678");
        await Step(phone, "09-page-applicant");
        await Next(phone);
        await phone.FillAsync("#a_designer_name", "นายออกแบบ");
        await Next(phone);
        await phone.FillAsync("#a_supervisor_name", "นายควบคุม");
        await Next(phone);

        Assert.EndsWith("/documents", new Uri(phone.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("20 MB", await phone.TextContentAsync(".upload-limits"), StringComparison.Ordinal);
        await Step(phone, "10-documents");
        foreach (var item in new[] { "plans", "titleDeedCopy", "structuralCalculations", "supervisorConsent" })
        {
            await phone.SetInputFilesAsync($"#file_{item}", new FilePayload { Name = $"{item}.pdf", MimeType = "application/pdf", Buffer = Corpus.Pdf() });
            await phone.ClickAsync($"#item-{item} form.upload-form button[type=submit]");
            await phone.Locator($"#item-{item} .file-list li").WaitForAsync();
        }

        await Step(phone, "11-documents-attached");
        await phone.ClickAsync("main a.button[href$='/check']");
        await Step(phone, "12-check-answers");
        Assert.Contains("สมหญิง", await phone.TextContentAsync("main"), StringComparison.Ordinal);
        await phone.CheckAsync("#Declaration");
        await phone.ClickAsync("form.send-form button[type=submit]");
        await Step(phone, "13-confirmation");
        var reference = (await phone.TextContentAsync(".reference"))!.Trim();
        Assert.Matches(@"^1001-25\d\d-\d{6}$", reference);
        var deadline = (await phone.TextContentAsync(".legal-deadline"))!.Trim();
        Assert.Matches("25\\d\\d", deadline);
        var download = await phone.RunAndWaitForDownloadAsync(() => phone.ClickAsync("a.receipt-link"));
        Assert.Equal($"receipt-{reference}.pdf", download.SuggestedFilename);

        await phone.GotoAsync("/applications");
        var row = phone.Locator("tr", new PageLocatorOptions { HasText = reference });
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal(deadline, (await row.Locator("td.deadline").TextContentAsync())!.Trim());
        await Step(phone, "14-my-applications");
        Assert.True(_axeProblems.Count == 0, "axe: " + string.Join("\n", _axeProblems));
    }

    [Fact]
    public async Task Citizen_ResumesADraftAfterSigningOutAndIn_AndSeesFieldErrorsWithoutLosingInput()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, kestrel: true);
        var citizen = await TestAccounts.CreateAsync(app);
        var phone = await browser.NewPageAsync(app.ServerAddress!);
        await SignInAsync(phone, citizen.Email!);
        await phone.GotoAsync("/services/building-permit-k1/apply/district");
        await phone.SelectOptionAsync("#DistrictCode", "1001");
        await phone.ClickAsync("main button[type=submit]");
        await phone.ClickAsync(".task-list-item a >> nth=0");
        await phone.CheckAsync("#a_applicantType");
        await phone.CheckAsync("#a_requestType");
        await phone.ClickAsync("button[name=go][value=later]");
        await Step(phone, "20-draft-saved");

        await phone.ClickAsync("header button.link-button");
        await SignInAsync(phone, citizen.Email!);
        await phone.GotoAsync("/applications");
        await phone.ClickAsync("a.resume-link");
        Assert.EndsWith("/page/2", new Uri(phone.Url).AbsolutePath, StringComparison.Ordinal);
        await Step(phone, "21-resumed");

        // Field errors: a wrong check digit and a postcode of another subdistrict; both kept as typed.
        await phone.FillAsync("#a_site_houseNo", "99");
        await phone.FillAsync("#a_site_subdistrict", "บวรนิเวศ");
        await phone.FillAsync("#a_site_postcode", "10500");
        await Next(phone);
        Assert.Contains("รหัสไปรษณีย์ของแขวงบวรนิเวศ คือ 10200", await phone.TextContentAsync(".error-summary"), StringComparison.Ordinal);
        Assert.Equal("10500", await phone.InputValueAsync("#a_site_postcode"));
        Assert.Equal("99", await phone.InputValueAsync("#a_site_houseNo"));
        await Step(phone, "22-field-errors");
        await phone.GotoAsync(phone.Url.Replace("/page/2", "/page/7", StringComparison.Ordinal));
        await phone.FillAsync("#a_applicant_nationalId", "1111111111118");
        await phone.FillAsync("#a_applicant_phone", "12345");
        await Next(phone);
        Assert.Equal("1111111111118", await phone.InputValueAsync("#a_applicant_nationalId"));
        Assert.Contains("เลขประจำตัวประชาชน 13 หลักไม่ถูกต้อง", await phone.TextContentAsync("#a_applicant_nationalId-error"), StringComparison.Ordinal);
        Assert.Contains("หมายเลขโทรศัพท์", await phone.TextContentAsync("#a_applicant_phone-error"), StringComparison.Ordinal);
        await Step(phone, "23-field-errors-applicant");
        Assert.True(_axeProblems.Count == 0, "axe: " + string.Join("\n", _axeProblems));
    }

    private static async Task Next(IPage page) => await page.ClickAsync("button[name=go][value=next]");

    /// <summary>A screenshot of the step, and axe-core's serious and critical findings on it.</summary>
    private async Task Step(IPage page, string name)
    {
        await Browser.ScreenshotAsync(page, $"citizen-{name}-th-360");
        var result = await page.RunAxe();
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            _axeProblems.Add($"{name}: {violation.Id} ({violation.Impact}) {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}");
        }
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
    }
}
