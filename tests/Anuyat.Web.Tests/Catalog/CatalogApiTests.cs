using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Web.Features.Catalog;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Anuyat.Web.Tests.Catalog;

public sealed class CatalogApiTests
{
    private const string NewHouse = """{"answers":{"requestType":"construct","buildings":[{"storeys":2,"heightM":7,"floorAreaM2":250}]}}""";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task ListServices_ReturnsFourteenServicesInFiveSectionsWithRollout(Db db)
    {
        var app = await SharedApps.Get(db);

        var services = await app.NewClient().GetFromJsonAsync<List<ServiceSummaryResponse>>("/api/v1/services");

        Assert.True(services!.Count >= 14, $"{services.Count} services");
        Assert.Equal(5, services.Select(s => s.Section).Distinct().Count());
        var k1 = services.Single(s => s.Code == "building-permit-k1");
        Assert.Equal((45, "calendarDays", 50), (k1.LegalDeadlineDays, k1.LegalDeadlineUnit, k1.AvailableIn.Count));
        Assert.Equal(["1001", "1003", "1007", "1020", "1022", "1041"], services.Single(s => s.Code == "disability-allowance").AvailableIn);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task GetService_K1_ReturnsTheManualWithDocumentConditionsStepsFeesAndFields(Db db)
    {
        var app = await SharedApps.Get(db);

        var manual = await app.NewClient().GetFromJsonAsync<ServiceManualResponse>("/api/v1/services/building-permit-k1?version=1");

        Assert.Equal(("building-permit-k1", 1, "public-works"), (manual!.Code, manual.Version, manual.Section));
        Assert.Equal((2, 45), (manual.ExtensionCount, manual.ExtensionDaysEach));
        Assert.NotEmpty(manual.LegalBasis);
        Assert.All(manual.Steps, s => Assert.True(s.BusinessDays is not null || s.Hours is not null));
        var consent = manual.Documents.Single(d => d.Code == "landOwnerConsent");
        Assert.Equal((false, "!landOwnerIsApplicant"), (consent.Required, consent.Condition));
        var idCard = manual.Documents.Single(d => d.Code == "idCard");
        Assert.True(idCard.StateHolds);
        Assert.False(idCard.Required); // the state holds it: never demanded
        Assert.Equal(
            ["applicantType", "requestType", "site", "titleDeed", "landOwnerIsApplicant", "buildings", "completionDays", "applicant", "designer", "supervisor"],
            manual.Fields.Select(f => f.Name));
        Assert.Equal(["kind", "use", "storeys", "heightM", "floorAreaM2", "parkingAreaM2"], manual.Fields.Single(f => f.Name == "buildings").Fields!.Select(f => f.Name));
        Assert.Equal(["houseNo", "soi", "road", "subdistrict", "districtCode", "postcode"], manual.Fields.Single(f => f.Name == "site").Fields!.Select(f => f.Name));
        Assert.Equal(["licence", "planCheck"], manual.Fees.Select(f => f.Code));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task GetService_VersionOneAndTwo_DifferByTheAddedDocument(Db db)
    {
        var client = (await SharedApps.Get(db)).NewClient();

        var v1 = await client.GetFromJsonAsync<ServiceManualResponse>("/api/v1/services/building-permit-k1?on=2026-12-31");
        var v2 = await client.GetFromJsonAsync<ServiceManualResponse>("/api/v1/services/building-permit-k1?on=2027-01-01");

        Assert.Equal((1, 2), (v1!.Version, v2!.Version));
        Assert.DoesNotContain(v1.Documents, d => d.Code == "houseNumberRequest");
        Assert.Contains(v2.Documents, d => d.Code == "houseNumberRequest");
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task FeeQuote_NewTwoStoreyHouse_Returns14500Satang(Db db)
    {
        var client = (await SharedApps.Get(db)).NewClient();

        var response = await client.PostAsync("/api/v1/services/building-permit-k1/fee-quote", new StringContent(NewHouse, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(14500, json.RootElement.GetProperty("totalSatang").GetInt64());
        var lines = json.RootElement.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(("licence", "ค่าธรรมเนียมใบอนุญาต", "Licence fee", 2000L), (lines[0].GetProperty("code").GetString(), lines[0].GetProperty("labelTh").GetString(), lines[0].GetProperty("labelEn").GetString(), lines[0].GetProperty("amountSatang").GetInt64()));
        Assert.Equal(12500, lines[1].GetProperty("amountSatang").GetInt64());
    }

    [Theory]
    [InlineData(Db.Sqlite, """{"answers":{"requestType":"construct","buildings":[{"storeys":0,"heightM":"abc","floorAreaM2":-5}]}}""", "buildings[0].floorAreaM2")]
    [InlineData(Db.Postgres, """{"answers":{"requestType":"construct","buildings":[{"storeys":0,"heightM":"abc","floorAreaM2":-5}]}}""", "buildings[0].storeys")]
    [InlineData(Db.Sqlite, """{"answers":{"buildings":"many"}}""", "buildings")]
    [InlineData(Db.Postgres, """{"answers":{}}""", "requestType")]
    [InlineData(Db.Sqlite, """{"answers":""", "answers")]
    [InlineData(Db.Postgres, """[1,2]""", "answers")]
    public async Task FeeQuote_MissingOrAbsurdAnswers_Returns400KeyedByPath(Db db, string body, string key)
    {
        var client = (await SharedApps.Get(db)).NewClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en-GB");

        var response = await client.PostAsync("/api/v1/services/building-permit-k1/fee-quote", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(key, out var messages), json.RootElement.ToString());
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task UnknownService_Is404(Db db)
    {
        var client = (await SharedApps.Get(db)).NewClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/services/no-such-thing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/services/no-such-thing/fee-quote", new StringContent(NewHouse, System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/services/building-permit-k1?version=9")).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite, "th", "ขั้นตอนและระยะเวลา", "ค่าธรรมเนียมใบอนุญาต")]
    [InlineData(Db.Postgres, "en", "Steps and time", "Licence fee")]
    public async Task ServicePages_RenderTheManualInThaiAndEnglish(Db db, string language, string stepsHeading, string feeLabel)
    {
        var client = (await SharedApps.Get(db)).NewClient();
        await client.GetAsync($"/language/{language}");
        var services = await client.GetFromJsonAsync<List<ServiceSummaryResponse>>("/api/v1/services");

        foreach (var service in services!)
        {
            var page = await client.GetPageAsync($"/services/{service.Code}");
            Assert.Equal(language == "th" ? service.NameTh : service.NameEn, page.QuerySelector("h1")!.TextContent.Trim());
            Assert.Contains(stepsHeading, page.Body!.TextContent, StringComparison.Ordinal);
        }

        var k1 = await client.GetPageAsync("/services/building-permit-k1");
        Assert.Contains(feeLabel, k1.Body!.TextContent, StringComparison.Ordinal);
        var directory = await client.GetPageAsync("/services");
        Assert.Equal(services.Count, directory.QuerySelectorAll(".service-list > li").Length);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Directory_SearchAndFilters_NarrowTheList(Db db)
    {
        var client = (await SharedApps.Get(db)).NewClient();

        var thai = await client.GetPageAsync("/services?q=" + Uri.EscapeDataString("เบี้ย"));
        var english = await client.GetPageAsync("/services?q=allowance");
        var section = await client.GetPageAsync("/services?section=administration");
        var district = await client.GetPageAsync("/services?district=1002"); // not a pilot: only services open everywhere

        Assert.Equal(2, thai.QuerySelectorAll(".service-list > li").Length);
        Assert.Equal(2, english.QuerySelectorAll(".service-list > li").Length);
        Assert.Equal(3, section.QuerySelectorAll(".service-list > li").Length);
        Assert.Contains("/services/building-permit-k1", district.QuerySelectorAll(".service-list a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("/services/disability-allowance", district.QuerySelectorAll(".service-list a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task FeeEstimator_PlainFormPost_ShowsTheLinesOrTheFieldErrors(Db db)
    {
        var client = (await SharedApps.Get(db)).NewClient(https: true);
        var page = await client.GetPageAsync("/services/building-permit-k1?version=1");
        Assert.True(page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]") is not null, page.QuerySelector("form[method=post]")?.OuterHtml[..400]);

        var okResponse = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["a.requestType"] = "construct",
            ["a.buildings[0].storeys"] = "2",
            ["a.buildings[0].heightM"] = "7",
            ["a.buildings[0].floorAreaM2"] = "250",
        });
        Assert.True(okResponse.IsSuccessStatusCode, $"{okResponse.StatusCode} {okResponse.RequestMessage!.RequestUri} {page.QuerySelector("form[method=post]")!.GetAttribute("action")}");
        var ok = await (await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["a.requestType"] = "construct",
            ["a.buildings[0].storeys"] = "2",
            ["a.buildings[0].heightM"] = "7",
            ["a.buildings[0].floorAreaM2"] = "250",
        })).ReadPageAsync();
        var bad = await (await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["a.requestType"] = "construct",
            ["a.buildings[0].storeys"] = "2",
            ["a.buildings[0].heightM"] = "7",
            ["a.buildings[0].floorAreaM2"] = "-3",
        })).ReadPageAsync();

        Assert.True(ok.QuerySelector(".fee-total") is not null, ok.Body!.TextContent[..Math.Min(3000, ok.Body!.TextContent.Length)]);
        Assert.Equal("145.00", ok.QuerySelector(".fee-total")!.TextContent.Trim());
        Assert.NotNull(bad.QuerySelector(".error-summary"));
        Assert.Equal("-3", bad.QuerySelector("#a_buildings_0__floorAreaM2")!.GetAttribute("value")); // what was typed stays
        Assert.Null(bad.QuerySelector(".fee-total"));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task AdminDiff_WithoutAnAdminSession_IsNotShown(Db db)
    {
        // The page is under the admin policy (second factor required); the diff itself is tested in VersionTests.
        var app = await SharedApps.Get(db);

        var anonymous = await app.NewClient().GetAsync("/admin/catalog/building-permit-k1/diff?from=1&to=2");

        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.DoesNotContain("houseNumberRequest", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class CatalogStartupTests
{
    [Fact]
    public void LoadingAnInvalidCatalog_ThrowsStartupExceptionNamingFileAndField()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Catalog:Folder"] = ShippedCatalog.Fixture("unknown-field-type") })
            .Build();

        var error = Assert.Throws<Anuyat.Infrastructure.Platform.StartupException>(() => CatalogStore.Load(configuration, TimeProvider.System));

        Assert.Contains("svc-test/v1.yaml: fields[0].type: unknown field type 'squareMetres'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAnInvalidCatalog_DoesNotServe()
    {
        var settings = new Dictionary<string, string?> { ["Catalog:Folder"] = ShippedCatalog.Fixture("negative-fee") };

        await Assert.ThrowsAnyAsync<Exception>(() => AnuyatApp.StartAsync(Db.Sqlite, settings: settings));
    }
}
