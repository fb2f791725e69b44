using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Filing;
using Anuyat.Web.Tests.Accounts;
using Anuyat.Web.Tests.Documents;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using static Anuyat.Web.Tests.Filing.FilingJourney;

namespace Anuyat.Web.Tests.Filing;

/// <summary>The citizen's filing journey through the pages, as a browser without JavaScript would drive it.</summary>
public sealed class FilingPagesTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Journey_FromServicePageToConfirmation_FilesOneApplicationEvenWhenSentTwice(Db db)
    {
        var app = await SharedApps.Get(db);
        var client = await SignedInAsync(app);

        var manual = await client.GetPageAsync($"/services/{Service}");
        Assert.Equal($"/services/{Service}/apply", manual.QuerySelector("a.button-start")!.GetAttribute("href"));
        var id = await StartDraftAsync(client);
        await FillAsync(client, id);
        foreach (var item in FilingJourney.Documents)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, id, item, Corpus.Pdf())).StatusCode);
        }

        var check = await client.GetPageAsync($"/drafts/{id}/check");
        Assert.Contains("สมหญิง", check.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("พระนคร", check.Body!.TextContent, StringComparison.Ordinal);
        var first = await client.SubmitAsync(check, new Dictionary<string, string> { ["Declaration"] = "true" }, "form.send-form");
        var second = await client.SubmitAsync(check, new Dictionary<string, string> { ["Declaration"] = "true" }, "form.send-form");

        Assert.Equal($"/drafts/{id}/sent", first.LocationPath());
        Assert.Equal($"/drafts/{id}/sent", second.LocationPath());
        var sent = await client.GetPageAsync($"/drafts/{id}/sent");
        var application = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Applications.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(application.Reference, sent.QuerySelector(".reference")!.TextContent.Trim());
        Assert.Equal(Channel.Online, application.Channel);
        Assert.NotNull(application.LegalDeadline);
        Assert.Equal($"/applications/{id}/receipt", sent.QuerySelector("a.receipt-link")!.GetAttribute("href"));
        var submissions = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().AuditEvents.CountAsync(e => e.SubjectId == id.ToString("D") && e.Action == "application.submitted"));
        Assert.Equal(1, submissions);
        var answers = JsonNode.Parse(application.AnswersJson)!;
        Assert.Equal("1111111111119", answers["applicant"]!["nationalId"]!.GetValue<string>());
        Assert.Equal(140m, answers["buildings"]![0]!["floorAreaM2"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task DeficiencyRecord_ApplicantCorrectsAnAnswerOnTheFormPages_ButCannotWhileTheFileIsWithTheOffice(Db db)
    {
        var app = await SharedApps.Get(db);
        var client = await SignedInAsync(app);
        var id = await StartDraftAsync(client);
        await FillAsync(client, id);
        foreach (var item in FilingJourney.Documents)
        {
            await UploadAsync(client, id, item, Corpus.Pdf());
        }

        var check = await client.GetPageAsync($"/drafts/{id}/check");
        await client.SubmitAsync(check, new Dictionary<string, string> { ["Declaration"] = "true" }, "form.send-form");
        var whileWithOffice = await client.GetAsync($"/drafts/{id}/page/6");
        var (officer, _) = await TestAccounts.ApiClientAsync(app, Anuyat.Domain.Accounts.Role.Officer, "1001", "public-works");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recorded = await officer.PostAsync($"/api/v1/applications/{id}/deficiency", System.Net.Http.Json.JsonContent.Create(new { items = new[] { "plans" }, note = "ระยะเวลาก่อสร้างต้องไม่เกิน 300 วัน", dueDate = due }));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);

        var status = await client.GetPageAsync($"/applications/{id}");
        var corrected = await PostPageAsync(client, id, 6, new Dictionary<string, string> { ["a.completionDays"] = "300" });
        var last = await PostPageAsync(client, id, 9, new Dictionary<string, string> { ["a.supervisor.name"] = "นายควบคุม" });

        Assert.Equal($"/applications/{id}", whileWithOffice.LocationPath());
        Assert.Equal($"/drafts/{id}/page/1", status.QuerySelector("#correct-answers a")!.GetAttribute("href"));
        Assert.Equal($"/drafts/{id}/page/7", corrected.LocationPath());
        Assert.Equal($"/applications/{id}#tasks", last.LocationPath());
        var application = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Applications.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(ApplicationStatus.Deficient, application.Status);
        Assert.Equal(300, JsonNode.Parse(application.AnswersJson)!["completionDays"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Eligibility_DisqualifyingAnswer_ShowsTheExitWithTheDefinitionsMessage(Db db)
    {
        var app = await SharedApps.Get(db);
        var client = await SignedInAsync(app);

        var question = await client.GetPageAsync($"/services/{Service}/apply");
        var answer = await client.SubmitAsync(question, new Dictionary<string, string> { ["Answer"] = "no" });

        Assert.Equal($"/services/{Service}/apply/not-for-you?question=underThreeHundred", answer.LocationPath());
        var exit = await client.GetPageAsync(answer.LocationPath());
        Assert.Equal("อาคารตั้งแต่ 300 ตารางเมตรขึ้นไปยังไม่เปิดให้ยื่นออนไลน์ โปรดติดต่อฝ่ายโยธาสำนักงานเขต", exit.QuerySelector(".not-for-you-reason")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task District_ServiceNotOpenThere_SaysSoAndOpensNoDraft(Db db)
    {
        var app = await SharedApps.Get(db);
        var client = await SignedInAsync(app);

        var page = await client.GetPageAsync("/services/building-notification-39bis/apply/district");
        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["DistrictCode"] = "1002" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadPageAsync();
        Assert.Contains("ยังไม่เปิดให้ยื่นออนไลน์ในเขตดุสิต", answer.QuerySelector(".not-open")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("พระนคร", answer.QuerySelector(".not-open")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task District_DoubleClick_OpensOneDraft(Db db)
    {
        var app = await SharedApps.Get(db);
        var client = await SignedInAsync(app);

        var page = await client.GetPageAsync($"/services/{Service}/apply/district");
        var first = await client.SubmitAsync(page, new Dictionary<string, string> { ["DistrictCode"] = "1001" });
        var second = await client.SubmitAsync(page, new Dictionary<string, string> { ["DistrictCode"] = "1001" });

        Assert.StartsWith("/drafts/", first.LocationPath(), StringComparison.Ordinal);
        Assert.Equal(first.LocationPath(), second.LocationPath());
    }

    public static TheoryData<Db, int, string, string, string> BadInput => new()
    {
        { Db.Sqlite, 7, "a.applicant.nationalId", "1111111111118", "เลขประจำตัวประชาชน 13 หลักไม่ถูกต้อง" },
        { Db.Postgres, 7, "a.applicant.nationalId", "1111111111118", "เลขประจำตัวประชาชน 13 หลักไม่ถูกต้อง" },
        { Db.Sqlite, 7, "a.applicant.phone", "12345", "หมายเลขโทรศัพท์ 9–10 หลัก ขึ้นต้นด้วย 0" },
        { Db.Sqlite, 7, "a.applicant.email", "somying-at-example", "อีเมลไม่ถูกต้อง" },
        { Db.Sqlite, 6, "a.completionDays", "5000", "ต้องไม่เกิน 1095 วัน" },
        { Db.Sqlite, 6, "a.completionDays", "สามร้อย", "ต้องเป็นตัวเลข" },
        { Db.Sqlite, 2, "a.site.postcode", "1020", "รหัสไปรษณีย์ 5 หลัก ขึ้นต้นด้วย 10" },
        { Db.Sqlite, 2, "a.site.postcode", "10500", "รหัสไปรษณีย์ของแขวงบวรนิเวศ คือ 10200" },
        { Db.Sqlite, 2, "a.site.subdistrict", "ลุมพินี", "แขวงนี้ไม่อยู่ในเขตที่เลือก" },
        { Db.Postgres, 2, "a.site.subdistrict", "ลุมพินี", "แขวงนี้ไม่อยู่ในเขตที่เลือก" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Page_BadInput_ErrorBesideTheFieldAndInSummary_InputKept(Db db, int page, string name, string typed, string expected)
    {
        var app = await SharedApps.Get(db);
        var client = await SignedInAsync(app);
        var id = await StartDraftAsync(client);
        await PostPageAsync(client, id, 1, SmallHouse[0].Values);
        var values = SmallHouse.Single(p => p.Page == page).Values.ToDictionary();
        values[name] = typed;

        var response = await PostPageAsync(client, id, page, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadPageAsync();
        var inputId = FilingForm.Id(name);
        Assert.Contains(expected, answer.QuerySelector($"#{inputId}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(answer.QuerySelectorAll(".error-summary a"), a => a.GetAttribute("href") == "#" + inputId && a.TextContent.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(typed, ((IHtmlInputElement)answer.QuerySelector("#" + inputId)!).Value);

        // Saved as typed, not lost: the page shows it again on a fresh visit.
        var again = await client.GetPageAsync($"/drafts/{id}/page/{page}");
        Assert.Equal(typed, ((IHtmlInputElement)again.QuerySelector("#" + inputId)!).Value);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Page_InEnglish_ErrorInEnglish(Db db)
    {
        var app = await SharedApps.Get(db);
        var client = await SignedInAsync(app);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var id = await StartDraftAsync(client);
        await PostPageAsync(client, id, 1, SmallHouse[0].Values);

        var response = await PostPageAsync(client, id, 7, new() { ["a.applicant.nationalId"] = "1111111111118" });

        var answer = await response.ReadPageAsync();
        Assert.Contains("not a valid 13-digit Thai national ID", answer.QuerySelector("#a_applicant_nationalId-error")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Buildings_TotalAreaOf300OrMore_PointsToTheNotificationService(Db db)
    {
        var app = await SharedApps.Get(db);
        var client = await SignedInAsync(app);
        var id = await StartDraftAsync(client);
        await PostPageAsync(client, id, 1, SmallHouse[0].Values);
        foreach (var row in new[] { 0, 1 })
        {
            var rowPage = await client.GetPageAsync($"/drafts/{id}/page/5/row/{row}");
            var saved = await client.SubmitAsync(rowPage, new Dictionary<string, string>
            {
                [$"a.buildings[{row}].kind"] = "บ้าน",
                [$"a.buildings[{row}].use"] = "พักอาศัย",
                [$"a.buildings[{row}].storeys"] = "2",
                [$"a.buildings[{row}].heightM"] = "7",
                [$"a.buildings[{row}].floorAreaM2"] = "200",
            });
            Assert.Equal($"/drafts/{id}/page/5", saved.LocationPath());
        }

        var response = await PostPageAsync(client, id, 5, []);

        var answer = await response.ReadPageAsync();
        Assert.Contains("พื้นที่อาคารรวมต้องน้อยกว่า 300 ตารางเมตร", answer.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/services/building-notification-39bis", answer.QuerySelector(".other-service a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Row_StoreysOutOfRange_ErrorBesideTheField(Db db)
    {
        var app = await SharedApps.Get(db);
        var client = await SignedInAsync(app);
        var id = await StartDraftAsync(client);
        var rowPage = await client.GetPageAsync($"/drafts/{id}/page/5/row/0");
        var values = House.ToDictionary();
        values["a.buildings[0].storeys"] = "12";

        var response = await client.SubmitAsync(rowPage, values);

        var answer = await response.ReadPageAsync();
        Assert.Contains("ต้องไม่เกิน 4 ชั้น", answer.QuerySelector("#a_buildings_0__storeys-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("12", ((IHtmlInputElement)answer.QuerySelector("#a_buildings_0__storeys")!).Value);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Documents_WrongTypeByContent_RefusedWithAReasonAndNothingAttached(Db db)
    {
        var app = await SharedApps.Get(db);
        var client = await SignedInAsync(app);
        var id = await StartDraftAsync(client);

        var response = await UploadAsync(client, id, "plans", Corpus.Html(), "plans.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadPageAsync();
        Assert.Contains("plans.pdf", answer.QuerySelector("#file_plans-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().ApplicationDocuments.CountAsync(d => d.ApplicationId == id)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task DraftPages_OfAnotherCitizen_AreNotFound(Db db)
    {
        var app = await SharedApps.Get(db);
        var owner = await SignedInAsync(app);
        var id = await StartDraftAsync(owner);
        var other = await SignedInAsync(app);

        foreach (var url in new[] { $"/drafts/{id}", $"/drafts/{id}/page/1", $"/drafts/{id}/page/5/row/0", $"/drafts/{id}/documents", $"/drafts/{id}/check", $"/drafts/{id}/sent", $"/applications/{id}", $"/applications/{id}/receipt" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        }

        // A post with the other citizen's own valid anti-forgery token is refused the same way.
        var token = (await other.GetPageAsync($"/services/{Service}/apply/district")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await other.PostAsync($"/drafts/{id}/page/1", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["a.applicantType"] = "juristic" }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Draft_PrefilledFromTheProfile_AndListedWithAResumeLink(Db db)
    {
        var app = await SharedApps.Get(db);
        var account = await TestAccounts.CreateAsync(app);
        await app.WithScopeAsync(async s =>
        {
            var dbx = s.GetRequiredService<AnuyatDbContext>();
            var tracked = await dbx.Users.SingleAsync(u => u.Id == account.Id);
            tracked.Profile.NationalId = "1111111111119";
            tracked.Profile.FirstName = "สมชาย";
            tracked.Profile.LastName = "รักดี";
            return await dbx.SaveChangesAsync();
        });
        var client = app.NewClient();
        await SignInTests.SignInAsync(client, account.Email!, TestAccounts.Password);
        var id = await StartDraftAsync(client);
        await PostPageAsync(client, id, 1, SmallHouse[0].Values);

        var applicant = await client.GetPageAsync($"/drafts/{id}/page/7");
        Assert.Equal("1111111111119", ((IHtmlInputElement)applicant.QuerySelector("#a_applicant_nationalId")!).Value);
        Assert.Equal("สมชาย", ((IHtmlInputElement)applicant.QuerySelector("#a_applicant_firstName")!).Value);
        Assert.Equal(account.Email, ((IHtmlInputElement)applicant.QuerySelector("#a_applicant_email")!).Value);
        var later = await client.SubmitAsync(applicant, new Dictionary<string, string> { ["a.applicant.phone"] = "0812345678", ["go"] = "later" });
        Assert.StartsWith("/applications?saved=", later.LocationPath(), StringComparison.Ordinal);
        var mine = await client.GetPageAsync("/applications");
        Assert.Equal($"/drafts/{id}?resume=true", mine.QuerySelector("a.resume-link")!.GetAttribute("href"));
        var resume = await client.GetAsync($"/drafts/{id}?resume=true");
        Assert.Equal($"/drafts/{id}/page/2", resume.LocationPath());
    }

    [Fact]
    public void Bind_BuddhistEraYearInADate_ConvertedAndTheyAreTold()
    {
        var field = new FieldDefinition { Name = "startDate", Type = FieldTypes.Date, Label = new() { Th = "วันเริ่ม", En = "Start" } };
        var answers = new JsonObject();
        var form = new FormCollection(new Dictionary<string, StringValues> { ["a.startDate"] = "25/11/2569" });

        var notes = FilingForm.Bind([field], answers, form, string.Empty);

        Assert.Equal("2026-11-25", answers["startDate"]!.GetValue<string>());
        Assert.Contains("2569", Assert.Single(notes).Note.Th, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_NumberWithLetters_KeptAsTyped()
    {
        var field = new FieldDefinition { Name = "area", Type = FieldTypes.Number, Label = new() { Th = "พื้นที่", En = "Area" } };
        var answers = new JsonObject();

        FilingForm.Bind([field], answers, new FormCollection(new Dictionary<string, StringValues> { ["a.area"] = "12x" }), string.Empty);

        Assert.Equal("12x", answers["area"]!.GetValue<string>());
    }
}

/// <summary>The journey's steps as a browser without JavaScript takes them; shared with the browser tests.</summary>
public static class FilingJourney
{
    public const string Service = "building-permit-k1";

    /// <summary>ข.1's pages: 1 applicantType+requestType, 2 site, 3 titleDeed, 4 landOwnerIsApplicant, 5 buildings, 6 completionDays, 7 applicant, 8 designer, 9 supervisor.</summary>
    public static readonly (int Page, Dictionary<string, string> Values)[] SmallHouse =
    [
        (1, new() { ["a.applicantType"] = "person", ["a.requestType"] = "construct" }),
        (2, new() { ["a.site.houseNo"] = "99", ["a.site.road"] = "ราชดำเนินกลาง", ["a.site.subdistrict"] = "บวรนิเวศ", ["a.site.districtCode"] = "1001", ["a.site.postcode"] = "10200" }),
        (3, new() { ["a.titleDeed.kind"] = "chanote", ["a.titleDeed.number"] = "4521" }),
        (4, new() { ["a.landOwnerIsApplicant"] = "true" }),
        (6, new() { ["a.completionDays"] = "365" }),
        (7, new() { ["a.applicant.nationalId"] = "1-1111-11111-11-9", ["a.applicant.firstName"] = "สมหญิง", ["a.applicant.lastName"] = "ใจดี", ["a.applicant.phone"] = "081-234-5678" }),
        (8, new() { ["a.designer.name"] = "นายออกแบบ" }),
        (9, new() { ["a.supervisor.name"] = "นายควบคุม" }),
    ];

    public static readonly Dictionary<string, string> House = new()
    {
        ["a.buildings[0].kind"] = "บ้านเดี่ยว",
        ["a.buildings[0].use"] = "พักอาศัย",
        ["a.buildings[0].storeys"] = "2",
        ["a.buildings[0].heightM"] = "7.5",
        ["a.buildings[0].floorAreaM2"] = "140",
    };

    public static readonly string[] Documents = ["plans", "titleDeedCopy", "structuralCalculations", "supervisorConsent"];

    public static async Task<HttpClient> SignedInAsync(AnuyatApp app)
    {
        var account = await TestAccounts.CreateAsync(app);
        var client = app.NewClient();
        await SignInTests.SignInAsync(client, account.Email!, TestAccounts.Password);
        return client;
    }

    /// <summary>Start button → both eligibility questions → district Phra Nakhon → the new draft's id.</summary>
    public static async Task<Guid> StartDraftAsync(HttpClient client)
    {
        var q1 = await client.GetPageAsync($"/services/{Service}/apply");
        var r1 = await client.SubmitAsync(q1, new Dictionary<string, string> { ["Answer"] = "yes" });
        var q2 = await client.GetPageAsync(r1.LocationPath());
        var r2 = await client.SubmitAsync(q2, new Dictionary<string, string> { ["Answer"] = "no" });
        Assert.Equal($"/services/{Service}/apply/district", r2.LocationPath());
        var district = await client.GetPageAsync(r2.LocationPath());
        var opened = await client.SubmitAsync(district, new Dictionary<string, string> { ["DistrictCode"] = "1001" });
        var location = opened.LocationPath();
        Assert.StartsWith("/drafts/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/drafts/".Length..]);
    }

    public static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, Guid id, int page, Dictionary<string, string> values)
    {
        var form = await client.GetPageAsync($"/drafts/{id}/page/{page}");
        return await client.SubmitAsync(form, values, $"form[action='/drafts/{id}/page/{page}']");
    }

    public static async Task FillAsync(HttpClient client, Guid id)
    {
        foreach (var (page, values) in SmallHouse)
        {
            var response = await PostPageAsync(client, id, page, values);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"page {page}: {(int)response.StatusCode} {await ErrorsAsync(response)}");
        }

        var row = await client.GetPageAsync($"/drafts/{id}/page/5/row/0");
        Assert.Equal($"/drafts/{id}/page/5", (await client.SubmitAsync(row, House)).LocationPath());
        Assert.Equal($"/drafts/{id}/page/6", (await PostPageAsync(client, id, 5, [])).LocationPath());
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string item, byte[] bytes, string? name = null)
    {
        var page = await client.GetPageAsync($"/drafts/{id}/documents");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(item), "item");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "files", name ?? $"{item}.pdf");
        return await client.PostAsync($"/drafts/{id}/documents?handler=upload", form);
    }

    public static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await response.ReadPageAsync()).QuerySelector(".error-summary")?.TextContent.Trim() ?? string.Empty;
}
