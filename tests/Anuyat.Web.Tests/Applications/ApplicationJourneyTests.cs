using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Documents;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Applications;

/// <summary>The ข.1 file from draft to decision through the API, as API.md describes it, on both databases.</summary>
public sealed class ApplicationJourneyTests
{
    public const string SmallHouse = """
        {
          "applicantType": "person", "requestType": "construct",
          "site": { "houseNo": "99", "soi": "", "road": "ราชดำเนินกลาง", "subdistrict": "บวรนิเวศ", "districtCode": "1001", "postcode": "10200" },
          "titleDeed": { "kind": "chanote", "number": "4521" }, "landOwnerIsApplicant": true,
          "buildings": [ { "kind": "บ้านเดี่ยว", "use": "พักอาศัย", "storeys": 2, "heightM": 7.5, "floorAreaM2": 140, "parkingAreaM2": 20 } ],
          "completionDays": 365,
          "applicant": { "nationalId": "1111111111119", "firstName": "สมหญิง", "lastName": "ใจดี", "phone": "081-234-5678", "email": "somying@example.com" },
          "designer": { "name": "นายออกแบบ" }, "supervisor": { "name": "นายควบคุม" }
        }
        """;

    /// <summary>What ข.1 demands for a 2-storey, 140 m² house on the applicant's own land.</summary>
    public static readonly string[] SmallHouseDocuments = ["plans", "titleDeedCopy", "structuralCalculations", "supervisorConsent"];

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task BuildingPermit_FromDraftToApproval_KeepsTheLawsPromises(Db db)
    {
        var app = await SharedApps.Get(db);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (officer, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "public-works");
        var (approver, _) = await TestAccounts.ApiClientAsync(app, Role.Approver, "1001", "public-works");

        var id = await CreateAsync(citizen, SmallHouse);
        foreach (var item in SmallHouseDocuments)
        {
            Assert.Equal(HttpStatusCode.Created, (await AttachAsync(citizen, id, item)).StatusCode);
        }

        var submitted = await citizen.PostAsync($"/api/v1/applications/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var receipt = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("submitted", receipt.GetProperty("status").GetString());
        Assert.Matches(@"^1001-25\d\d-\d{6}$", receipt.GetProperty("reference").GetString());
        Assert.Equal(JsonValueKind.String, receipt.GetProperty("legalDeadline").ValueKind);

        // The officer's queue holds it; the completeness check asks for two items, once.
        var queue = await officer.GetFromJsonAsync<JsonElement>("/api/v1/applications?status=submitted");
        Assert.Contains(queue.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var deficiency = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/deficiency", new { items = new[] { "plans", "titleDeedCopy" }, note = "แบบแปลนไม่มีลายมือชื่อสถาปนิก", dueDate = due });
        Assert.Equal(HttpStatusCode.OK, deficiency.StatusCode);
        var second = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/deficiency", new { items = new[] { "plans" }, note = "อีกครั้ง", dueDate = due });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("deficiency-already-issued", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var withApplicant = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("deficient", withApplicant.GetProperty("status").GetString());
        Assert.True(withApplicant.GetProperty("clockStopped").GetBoolean());

        // The applicant answers once and re-sends with the same call.
        Assert.Equal(HttpStatusCode.Created, (await AttachAsync(citizen, id, "plans")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.PostAsync($"/api/v1/applications/{id}/submit", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/applications/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/applications/{id}/recommendation", new { outcome = "approve", note = "ถูกต้องตามกฎกระทรวง" })).StatusCode);
        var refusedWithoutReasons = await approver.PostAsJsonAsync($"/api/v1/applications/{id}/decision", new { outcome = "refused", reasons = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refusedWithoutReasons.StatusCode);
        var decided = await approver.PostAsJsonAsync($"/api/v1/applications/{id}/decision", new { outcome = "approved", reasons = "" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        var final = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("awaiting-payment", final.GetProperty("status").GetString());
        Assert.Equal(
            ["application.opened", "application.document-attached", "application.submitted", "application.deficiency-recorded", "application.resubmitted", "application.accepted", "application.recommended", "application.decided", "application.invoice-issued"],
            final.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Distinct());
        Assert.Equal(5, final.GetProperty("documents").GetArrayLength());

        // Every step is in the tamper-evident chain, and the applicant was told of the request and the decision.
        var verdict = await app.WithScopeAsync(s => AuditVerifier.VerifyAsync(s.GetRequiredService<AnuyatDbContext>()));
        Assert.True(verdict.Ok, verdict.ToString());
        var subjects = await app.WithScopeAsync(async s => await s.GetRequiredService<AnuyatDbContext>().OutboxMessages.Where(m => m.Subject.Contains(receipt.GetProperty("reference").GetString()!)).Select(m => m.Subject).ToListAsync());
        Assert.Equal(3, subjects.Count); // received, missing items, decision
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Submit_WithMissingDocumentsAndABadId_ListsEachProblem_AndKeepsTheAnswers(Db db)
    {
        var app = await SharedApps.Get(db);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var answers = SmallHouse.Replace("1111111111119", "1234567890123", StringComparison.Ordinal);
        var id = await CreateAsync(citizen, answers);
        await AttachAsync(citizen, id, "plans");

        var response = await citizen.PostAsync($"/api/v1/applications/{id}/submit", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["applicant.nationalId", "documents.structuralCalculations", "documents.supervisorConsent", "documents.titleDeedCopy"], fields);
        var kept = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("draft", kept.GetProperty("status").GetString());
        Assert.Equal("1234567890123", kept.GetProperty("answers").GetProperty("applicant").GetProperty("nationalId").GetString());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task OtherPeoplesApplications_AreNotFound_ForAnotherCitizenAndAnotherDistrictsOfficer(Db db)
    {
        var app = await SharedApps.Get(db);
        var (owner, _) = await TestAccounts.ApiClientAsync(app);
        var (stranger, _) = await TestAccounts.ApiClientAsync(app);
        var (otherOffice, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1003", "public-works");
        var (otherSection, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "administration");
        var id = await CreateAsync(owner, SmallHouse);
        foreach (var item in SmallHouseDocuments)
        {
            await AttachAsync(owner, id, item);
        }

        await owner.PostAsync($"/api/v1/applications/{id}/submit", null);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{id}/receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AttachAsync(stranger, id, "plans")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/applications/{id}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOffice.PostAsync($"/api/v1/applications/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSection.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        Assert.DoesNotContain((await stranger.GetFromJsonAsync<JsonElement>("/api/v1/applications")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        var receipt = await owner.GetAsync($"/api/v1/applications/{id}/receipt");
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await receipt.Content.ReadAsByteArrayAsync())[..4]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Create_WithTheSameIdempotencyKeyTwice_FilesOneApplication_AndAnotherBodyIsRefused(Db db)
    {
        var app = await SharedApps.Get(db);
        var (citizen, account) = await TestAccounts.ApiClientAsync(app);
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(citizen, key, new { serviceCode = "building-permit-k1", districtCode = "1001", answers = new { } });
        var again = await PostWithKeyAsync(citizen, key, new { serviceCode = "building-permit-k1", districtCode = "1001", answers = new { } });
        var other = await PostWithKeyAsync(citizen, key, new { serviceCode = "building-permit-k1", districtCode = "1003", answers = new { } });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        var count = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Applications.CountAsync(a => a.ApplicantAccountId == account.Id));
        Assert.Equal(1, count);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Create_WithUnknownServiceAndDistrict_NamesBothFieldsInThaiAndEnglish(Db db)
    {
        var app = await SharedApps.Get(db);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(new { serviceCode = "no-such-service", districtCode = "1099" }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await citizen.SendAsync(request);
        var thai = await citizen.PostAsJsonAsync("/api/v1/applications", new { serviceCode = "no-such-service", districtCode = "1099" });

        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        var en = await english.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("There is no such service", en.GetProperty("errors").GetProperty("serviceCode")[0].GetString());
        Assert.StartsWith("Choose a district", en.GetProperty("errors").GetProperty("districtCode")[0].GetString(), StringComparison.Ordinal);
        var th = await thai.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ไม่พบบริการนี้", th.GetProperty("errors").GetProperty("serviceCode")[0].GetString());
    }

    public static async Task<Guid> CreateAsync(HttpClient client, string answersJson, string district = "1001")
    {
        var body = $$"""{ "serviceCode": "building-permit-k1", "districtCode": "{{district}}", "answers": {{answersJson}} }""";
        var response = await client.PostAsync("/api/v1/applications", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", created.GetProperty("status").GetString());
        return created.GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> AttachAsync(HttpClient client, Guid id, string item)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Corpus.Pdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", $"{item}.pdf");
        form.Add(new StringContent(item), "item");
        return await client.PostAsync($"/api/v1/applications/{id}/documents", form);
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
