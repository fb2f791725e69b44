using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Tests.Applications;
using Anuyat.Web.Tests.Documents;
using Anuyat.Web.Tests.Infrastructure;
using Anuyat.Web.Tests.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Office;

/// <summary>The district office's casework rules over HTTP, on both databases.</summary>
public sealed class CaseworkTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Deficiency_WithADueDateInThePast_IsAFieldErrorCitingSection8_AndASecondRecordIs409(Db db)
    {
        var app = await SharedApps.Get(db);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (officer, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "public-works");
        var id = await SubmittedAsync(citizen);
        var yesterday = Today().AddDays(-1);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/deficiency")
        {
            Content = JsonContent.Create(new { items = new[] { "plans" }, note = "ลายมือชื่อ", dueDate = Iso(yesterday) }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var past = await officer.SendAsync(request);
        var today = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/deficiency", new { items = new[] { "plans" }, note = "x", dueDate = Iso(Today()) });

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var problem = await past.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Licensing Facilitation Act B.E. 2558 s.8", problem.GetProperty("errors").GetProperty("dueDate")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, today.StatusCode);
        Assert.Contains("มาตรา 8", (await today.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("dueDate")[0].GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await IssueAsync(officer, id, ["plans", "titleDeedCopy"])).StatusCode);
        var second = await IssueAsync(officer, id, ["plans"]);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var secondProblem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("deficiency-already-issued", secondProblem.GetProperty("code").GetString());
        Assert.Equal("Licensing Facilitation Act B.E. 2558 s.8", secondProblem.GetProperty("legalBasis").GetString());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task DeficiencyRecordPdf_IsTheSameForApplicantAndOfficer_ListsTheItemsDueDateAndLaw_AndIsHiddenFromOthers(Db db)
    {
        var app = await SharedApps.Get(db);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (officer, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "public-works");
        var (otherOffice, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1003", "public-works");
        var (stranger, _) = await TestAccounts.ApiClientAsync(app);
        var id = await SubmittedAsync(citizen);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/v1/applications/{id}/deficiency/pdf")).StatusCode);
        var due = Today().AddDays(20);
        await IssueAsync(officer, id, ["plans", "titleDeedCopy"], due, "แบบแปลนไม่มีลายมือชื่อสถาปนิก");

        var mine = await citizen.GetAsync($"/api/v1/applications/{id}/deficiency/pdf");
        var theirs = await officer.GetAsync($"/api/v1/applications/{id}/deficiency/pdf");

        Assert.Equal("application/pdf", mine.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        var text = PdfTools.Text(await mine.Content.ReadAsByteArrayAsync());
        Assert.Contains("บันทึกความบกพร่อง", text, StringComparison.Ordinal);
        Assert.Contains("Site plan, drawings and specifications", text, StringComparison.Ordinal);
        Assert.Contains("Full-size copy of every page of the title", text, StringComparison.Ordinal);
        Assert.Contains("Licensing Facilitation Act B.E. 2558", text, StringComparison.Ordinal);
        Assert.Contains(due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), text, StringComparison.Ordinal);
        Assert.Contains("ลายมือชื่อสถาปนิก", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOffice.GetAsync($"/api/v1/applications/{id}/deficiency/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{id}/deficiency/pdf")).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task AnotherDistrictOrSection_GetsNotFound_ForEveryCaseworkActionAndInTheQueue(Db db)
    {
        var app = await SharedApps.Get(db);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (otherDistrict, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1003", "public-works");
        var (otherSection, _) = await TestAccounts.ApiClientAsync(app, Role.Approver, "1001", "administration");
        var id = await SubmittedAsync(citizen);

        foreach (var outsider in new[] { otherDistrict, otherSection })
        {
            var responses = new[]
            {
                await outsider.GetAsync($"/api/v1/applications/{id}"),
                await outsider.GetAsync($"/api/v1/applications/{id}/notes"),
                await outsider.PostAsJsonAsync($"/api/v1/applications/{id}/notes", new { text = "x" }),
                await outsider.PostAsJsonAsync($"/api/v1/applications/{id}/assign", new { assigneeId = Guid.NewGuid() }),
                await outsider.PostAsJsonAsync($"/api/v1/applications/{id}/verified", new { items = new[] { "plans" } }),
                await outsider.PostAsJsonAsync($"/api/v1/applications/{id}/delay-reason", new { reason = "x" }),
                await outsider.PostAsJsonAsync($"/api/v1/applications/{id}/inspection", new { date = Iso(Today().AddDays(7)), slot = "morning" }),
                await outsider.PostAsJsonAsync($"/api/v1/applications/{id}/inspection/result", new { outcome = "passed" }),
                await outsider.PostAsJsonAsync($"/api/v1/applications/{id}/deficiency", new { items = new[] { "plans" }, dueDate = Iso(Today().AddDays(7)) }),
                await outsider.GetAsync($"/api/v1/applications/{id}/changes"),
                await outsider.GetAsync($"/api/v1/applications/{id}/receipt"),
            };
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
            Assert.DoesNotContain((await outsider.GetFromJsonAsync<JsonElement>("/api/v1/applications")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        }
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task InternalNotes_AreNeverShownToTheApplicant_InTheApiOrOnTheirPage(Db db)
    {
        var app = await SharedApps.Get(db);
        var citizenAccount = await TestAccounts.CreateAsync(app);
        var citizen = app.CreateClient();
        citizen.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAccounts.TokenAsync(app, citizenAccount));
        var (officer, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "public-works");
        var id = await SubmittedAsync(citizen);
        var secret = $"ผู้ยื่นเคยถูกปรับ-{Guid.NewGuid():N}";

        var added = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/notes", new { text = secret });
        var empty = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/notes", new { text = "  " });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var notes = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/notes");
        Assert.Equal(secret, notes[0].GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/v1/applications/{id}/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostAsJsonAsync($"/api/v1/applications/{id}/notes", new { text = "x" })).StatusCode);
        var json = await citizen.GetStringAsync($"/api/v1/applications/{id}");
        Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        Assert.DoesNotContain("note-added", json, StringComparison.Ordinal);

        var browser = app.NewClient();
        await Accounts.SignInTests.SignInAsync(browser, citizenAccount.Email!, TestAccounts.Password);
        var page = await browser.GetStringAsync($"/applications/{id}");
        Assert.Contains("ยื่นคำขอแล้ว", page, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        var stored = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().CaseNotes.CountAsync(n => n.ApplicationId == id));
        Assert.Equal(1, stored);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Assign_OutsideTheSectionOrDistrict_IsRefused_AndToAColleague_IsInTheirAssignedToMeQueue(Db db)
    {
        var app = await SharedApps.Get(db);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (officer, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "public-works");
        var (colleague, colleagueAccount) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "public-works");
        var otherSection = await TestAccounts.CreateAsync(app, Role.Officer, "1001", "administration");
        var otherDistrict = await TestAccounts.CreateAsync(app, Role.Officer, "1003", "public-works");
        var aCitizen = await TestAccounts.CreateAsync(app);
        var id = await SubmittedAsync(citizen);

        foreach (var outsider in new[] { otherSection, otherDistrict, aCitizen })
        {
            var refused = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/assign", new { assigneeId = outsider.Id });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("assigneeId", out _));
        }

        var assigned = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/assign", new { assigneeId = colleagueAccount.Id });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var theirs = await colleague.GetFromJsonAsync<JsonElement>("/api/v1/applications?assignedTo=me&service=building-permit-k1");
        Assert.Contains(theirs.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id && a.GetProperty("assignedTo").GetGuid() == colleagueAccount.Id);
        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/v1/applications?assignedTo=me");
        Assert.DoesNotContain(mine.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        var otherService = await colleague.GetFromJsonAsync<JsonElement>("/api/v1/applications?assignedTo=me&service=curb-cut");
        Assert.DoesNotContain(otherService.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Inspection_IsBooked_TheApplicantMovesItOnce_AndTheInspectorRecordsNotesAndPhotos(Db db)
    {
        var app = await SharedApps.Get(db);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (officer, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "public-works");
        var id = await SubmittedAsync(citizen);
        await officer.PostAsync($"/api/v1/applications/{id}/accept", null);
        var calendar = app.Services.GetRequiredService<ApplicationClock>().Calendar;
        var first = calendar.FirstBusinessDayOnOrAfter(Today().AddDays(5));
        var moved = calendar.FirstBusinessDayOnOrAfter(first.AddDays(3));
        var saturday = Today().AddDays(7 + ((int)DayOfWeek.Saturday - (int)Today().DayOfWeek + 7) % 7);

        var onAWeekend = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/inspection", new { date = Iso(saturday), slot = "morning" });
        var inThePast = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/inspection", new { date = Iso(Today().AddDays(-1)), slot = "morning" });
        var booked = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/inspection", new { date = Iso(first), slot = "afternoon" });

        Assert.Equal(HttpStatusCode.BadRequest, onAWeekend.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, inThePast.StatusCode);
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        var seen = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("inspection", seen.GetProperty("status").GetString());
        Assert.Equal(Iso(first), seen.GetProperty("inspection").GetProperty("date").GetString());
        Assert.True(seen.GetProperty("inspection").GetProperty("canReschedule").GetBoolean());

        var noReason = await citizen.PostAsJsonAsync($"/api/v1/applications/{id}/inspection/reschedule", new { date = Iso(moved), slot = "morning", reason = "" });
        var byOfficer = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/inspection/reschedule", new { date = Iso(moved), slot = "morning", reason = "x" });
        var once = await citizen.PostAsJsonAsync($"/api/v1/applications/{id}/inspection/reschedule", new { date = Iso(moved), slot = "morning", reason = "ต้องไปต่างจังหวัด" });
        var twice = await citizen.PostAsJsonAsync($"/api/v1/applications/{id}/inspection/reschedule", new { date = Iso(first), slot = "morning", reason = "อีกครั้ง" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("reschedule-already-used", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var after = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal(Iso(moved), after.GetProperty("inspection").GetProperty("date").GetString());
        Assert.False(after.GetProperty("inspection").GetProperty("canReschedule").GetBoolean());

        var pdfAsPhoto = await PhotoAsync(officer, id, Corpus.Pdf(), "application/pdf", "site.pdf");
        var photo = await PhotoAsync(officer, id, Corpus.Jpeg(), "image/jpeg", "site.jpg");
        var failedWithoutNotes = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/inspection/result", new { outcome = "failed", notes = "" });
        var passed = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/inspection/result", new { outcome = "passed", notes = "ระยะร่นถูกต้องตามแบบ" });

        Assert.Equal(HttpStatusCode.BadRequest, pdfAsPhoto.StatusCode);
        Assert.Equal(HttpStatusCode.Created, photo.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, failedWithoutNotes.StatusCode);
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        var recorded = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("in-review", recorded.GetProperty("status").GetString());
        Assert.Equal("passed", recorded.GetProperty("inspection").GetProperty("outcome").GetString());
        Assert.Equal("ระยะร่นถูกต้องตามแบบ", recorded.GetProperty("inspection").GetProperty("notes").GetString());
        Assert.Equal(
            ["application.inspection-scheduled", "application.inspection-rescheduled", "application.inspection-photo", "application.inspection-recorded"],
            recorded.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Where(a => a!.StartsWith("application.inspection", StringComparison.Ordinal)));
        var photos = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().InspectionPhotos.CountAsync(p => p.ApplicationId == id));
        Assert.Equal(1, photos);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Resubmission_OnlyTheListedItems_AndTheOfficerSeesWhatChanged(Db db)
    {
        var app = await SharedApps.Get(db);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (officer, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "public-works");
        var id = await SubmittedAsync(citizen);
        await IssueAsync(officer, id, ["plans"]);

        var notListed = await ApplicationJourneyTests.AttachAsync(citizen, id, "supervisorConsent");
        var listed = await ApplicationJourneyTests.AttachAsync(citizen, id, "plans");
        var changedAnswers = ApplicationJourneyTests.SmallHouse.Replace("\"houseNo\": \"99\"", "\"houseNo\": \"99/1\"", StringComparison.Ordinal);
        var put = await citizen.PutAsync($"/api/v1/applications/{id}/answers", new StringContent($$"""{ "answers": {{changedAnswers}} }""", Encoding.UTF8, "application/json"));
        var resent = await citizen.PostAsync($"/api/v1/applications/{id}/submit", null);
        var again = await citizen.PostAsync($"/api/v1/applications/{id}/submit", null);

        Assert.Equal(HttpStatusCode.BadRequest, notListed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var changes = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/changes");
        Assert.Equal(["plans"], changes.GetProperty("documentsAdded").EnumerateArray().Select(d => d.GetProperty("item").GetString()));
        Assert.Equal(["site.houseNo"], changes.GetProperty("answersChanged").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/v1/applications/{id}/changes")).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task VerifiedTicks_AreKeptPerChecklistItem_AndUnknownItemsAreRefused(Db db)
    {
        var app = await SharedApps.Get(db);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (officer, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "public-works");
        var id = await SubmittedAsync(citizen);

        var unknown = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/verified", new { items = new[] { "plans", "passport" } });
        var ticked = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/verified", new { items = new[] { "plans", "titleDeedCopy" } });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
        var stored = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Applications.Where(a => a.Id == id).Select(a => a.VerifiedItems).FirstAsync());
        Assert.Equal(["plans", "titleDeedCopy"], stored);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task DelayNotice_CarriesTheOfficersLatestWrittenReason(Db db)
    {
        await using var app = await AnuyatApp.StartAsync(db, settings: new Dictionary<string, string?> { ["Applications:ClockDutiesWorker"] = "false" });
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (officer, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "public-works");
        var id = await SubmittedAsync(citizen);
        var application = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        var deadline = DateOnly.Parse(application.GetProperty("legalDeadline").GetString()!, CultureInfo.InvariantCulture);
        var reference = application.GetProperty("reference").GetString()!;

        var blank = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/delay-reason", new { reason = " " });
        await officer.PostAsJsonAsync($"/api/v1/applications/{id}/delay-reason", new { reason = "รอความเห็นวิศวกรโครงสร้าง" });
        await officer.PostAsJsonAsync($"/api/v1/applications/{id}/delay-reason", new { reason = "รอผลตรวจสอบแนวเขตจากสำนักงานที่ดิน" });
        var outcome = await app.WithScopeAsync(s => s.GetRequiredService<ClockDuties>().RunAsync(deadline.AddDays(1), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(1, outcome.NoticesSent);
        var notice = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().OutboxMessages.SingleAsync(m => m.Subject.Contains(reference) && m.Subject.Contains("ล่าช้า")));
        Assert.Contains("เหตุที่ล่าช้า: รอผลตรวจสอบแนวเขตจากสำนักงานที่ดิน", notice.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("วิศวกรโครงสร้าง", notice.BodyText, StringComparison.Ordinal);
    }

    public static async Task<Guid> SubmittedAsync(HttpClient citizen)
    {
        var id = await ApplicationJourneyTests.CreateAsync(citizen, ApplicationJourneyTests.SmallHouse);
        foreach (var item in ApplicationJourneyTests.SmallHouseDocuments)
        {
            Assert.Equal(HttpStatusCode.Created, (await ApplicationJourneyTests.AttachAsync(citizen, id, item)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await citizen.PostAsync($"/api/v1/applications/{id}/submit", null)).StatusCode);
        return id;
    }

    public static Task<HttpResponseMessage> IssueAsync(HttpClient officer, Guid id, string[] items, DateOnly? due = null, string note = "โปรดแก้ไข") =>
        officer.PostAsJsonAsync($"/api/v1/applications/{id}/deficiency", new { items, note, dueDate = Iso(due ?? Today().AddDays(14)) });

    public static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok")));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> PhotoAsync(HttpClient client, Guid id, byte[] bytes, string type, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        return await client.PostAsync($"/api/v1/applications/{id}/inspection/photos", form);
    }
}
