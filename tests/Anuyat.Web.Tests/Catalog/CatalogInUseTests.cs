using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Web.Tests.Applications;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Anuyat.Web.Tests.Catalog;

/// <summary>
/// The catalog as applications meet it: a filing keeps the version it was opened under when a new version takes
/// effect, a registration window is enforced at submission, and an admin reads the diff between versions.
/// </summary>
public sealed class CatalogInUseTests
{
    private const string Elderly = """
        { "nationalId": "1101700230708", "birthDate": "1960-05-01", "paymentMethod": "promptpay", "phone": "0812345678", "byCarer": false,
          "address": { "houseNo": "12", "road": "ราชดำเนิน", "subdistrict": "พระบรมมหาราชวัง", "districtCode": "1001", "postcode": "10200" } }
        """;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Submit_ADraftOpenedUnderVersionOneAfterVersionTwoTakesEffect_KeepsVersionOneAndItsChecklist(Db db)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 28, 3, 0, 0, TimeSpan.Zero));
        await using var app = await AnuyatApp.StartAsync(db, settings: new Dictionary<string, string?> { ["Applications:ClockDutiesWorker"] = "false" }, clock: clock);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var id = await ApplicationJourneyTests.CreateAsync(citizen, ApplicationJourneyTests.SmallHouse);
        foreach (var item in ApplicationJourneyTests.SmallHouseDocuments)
        {
            await ApplicationJourneyTests.AttachAsync(citizen, id, item);
        }

        clock.SetUtcNow(new DateTimeOffset(2027, 1, 5, 3, 0, 0, TimeSpan.Zero));
        var submitted = await citizen.PostAsync($"/api/v1/applications/{id}/submit", null);
        var laterDraft = await ApplicationJourneyTests.CreateAsync(citizen, ApplicationJourneyTests.SmallHouse);
        foreach (var item in ApplicationJourneyTests.SmallHouseDocuments)
        {
            await ApplicationJourneyTests.AttachAsync(citizen, laterDraft, item);
        }

        var laterSubmit = await citizen.PostAsync($"/api/v1/applications/{laterDraft}/submit", null);

        // Version 2 adds the house-number request; the version 1 filing is not asked for it, the new one is.
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var kept = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal(1, kept.GetProperty("serviceVersion").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, laterSubmit.StatusCode);
        var problem = await laterSubmit.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("documents.houseNumberRequest", out _));
        var later = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{laterDraft}");
        Assert.Equal(2, later.GetProperty("serviceVersion").GetInt32());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Submit_ElderlyAllowanceInDecember_IsRefusedNamingTheOpenMonths_AndInJanuaryGoesThrough(Db db)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 10, 3, 0, 0, TimeSpan.Zero));
        await using var app = await AnuyatApp.StartAsync(db, settings: new Dictionary<string, string?> { ["Applications:ClockDutiesWorker"] = "false" }, clock: clock);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var body = $$"""{ "serviceCode": "elderly-allowance", "districtCode": "1001", "answers": {{Elderly}} }""";
        var created = await citizen.PostAsync("/api/v1/applications", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var december = await citizen.PostAsync($"/api/v1/applications/{id}/submit", null);
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 3, 0, 0, TimeSpan.Zero));
        var january = await citizen.PostAsync($"/api/v1/applications/{id}/submit", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, december.StatusCode);
        var problem = await december.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith("outside-registration-window", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains("พฤศจิกายน", problem.GetProperty("messageTh").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ธันวาคม", problem.GetProperty("messageTh").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, january.StatusCode);
        Assert.Equal("submitted", (await january.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task DiffPage_SignedInAdmin_ReadsTheChangesBetweenVersionOneAndTwo()
    {
        var app = await SharedApps.Get(Db.Sqlite);
        var (admin, _) = await TestAccounts.ApiClientAsync(app, Role.Admin);

        var page = await admin.GetAsync("/admin/catalog/building-permit-k1/diff?from=1&to=2");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("houseNumberRequest", html, StringComparison.Ordinal);
        Assert.Contains("onBoundary", html, StringComparison.Ordinal);
    }
}
