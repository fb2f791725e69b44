using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Stats;
using Anuyat.Web.Features.Stats;
using Anuyat.Web.Tests.Infrastructure;

namespace Anuyat.Web.Tests.Stats;

public sealed class StatsApiTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task StatsApi_AndTheDashboardPage_ShowTheSameNumbers(Db db)
    {
        await using var app = await AnuyatApp.StartAsync(db);
        await StatsSeed.RunAsync(app, seed: 42, StatsSeed.CatalogOffices, applications: 80, steps: 450, new DateTime(2025, 12, 1, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc));
        var (api, _) = await TestAccounts.ApiClientAsync(app, Role.Strategy);
        var page = await StaffClientAsync(app, Role.Strategy);

        var city = await api.GetFromJsonAsync<StatsResponse>("/api/v1/stats?groupBy=district&from=2025-12-01&to=2026-11-30", Json);
        var dashboard = await page.GetPageAsync("/dashboard?from=2025-12&to=2026-11");

        Assert.NotNull(city);
        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30)), (city.From, city.To));
        Assert.True(city.Total.Received >= 50, $"received {city.Total.Received}");
        Assert.True(city.Total.Decided > 0 && city.Total.MedianLeadTimeDays > 0 && city.Total.P90LeadTimeDays >= city.Total.MedianLeadTimeDays);
        Assert.Equal(city.Rows.Sum(r => r.Figures.Received), city.Total.Received);
        foreach (var table in new[] { "months", "breakdown", "pilot" })
        {
            AssertRow(dashboard, table, "total", city.Total);
        }

        // Drilled down to one district, by section, against the API's groupBy=section for the same district.
        var bySection = await api.GetFromJsonAsync<StatsResponse>("/api/v1/stats?groupBy=section&district=1001&from=2025-12-01&to=2026-11-30", Json);
        var district = await page.GetPageAsync("/dashboard?from=2025-12&to=2026-11&district=1001");
        Assert.NotEmpty(bySection!.Rows);
        foreach (var row in bySection.Rows)
        {
            AssertRow(district, "breakdown", row.Key, row.Figures);
        }

        AssertRow(district, "breakdown", "total", bySection.Total);
        Assert.Equal(city.Rows.Single(r => r.Key == "1001").Figures, bySection.Total);

        // The overdue drill-down lists exactly the files the headline counts.
        var overdue = await page.GetPageAsync("/dashboard/overdue?from=2025-12&to=2026-11");
        Assert.Equal(Math.Min(city.Total.Overdue, 50), overdue.QuerySelectorAll("tbody tr").Length);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Exports_OfTheShownTables_AreCsvAndXlsxWithTheTotalRow(Db db)
    {
        var app = await SharedApps.Get(db);
        var page = await StaffClientAsync(app, Role.Admin);

        var csv = await page.GetAsync("/dashboard?handler=export&table=pilot&format=csv&from=2026-01&to=2026-03");
        var xlsx = await page.GetAsync("/dashboard?handler=export&table=months&format=xlsx&from=2026-01&to=2026-03");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("รายการ,รับคำขอ,พิจารณาแล้ว", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("รวม,", lines[^1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync());
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.Contains("ม.ค. 2569", xml, StringComparison.Ordinal); // January 2026, Buddhist era
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(xml, "<row ")); // header, three months, total
    }

    [Theory]
    [InlineData(Db.Sqlite, "groupBy=month", "groupBy")]
    [InlineData(Db.Sqlite, "groupBy=district&from=2026-05-01&to=2026-01-31", "to")]
    [InlineData(Db.Sqlite, "pageSize=100000", "pageSize")]
    [InlineData(Db.Sqlite, "status=open", "status")]
    [InlineData(Db.Sqlite, "from=26-01-2026", "from")]
    [InlineData(Db.Postgres, "groupBy=month", "groupBy")]
    [InlineData(Db.Postgres, "groupBy=district&from=2026-05-01&to=2026-01-31", "to")]
    [InlineData(Db.Postgres, "pageSize=100000", "pageSize")]
    [InlineData(Db.Postgres, "district=9999", "district")]
    public async Task StatsApi_WithBadInput_NamesTheField(Db db, string query, string field)
    {
        var app = await SharedApps.Get(db);
        var (api, _) = await TestAccounts.ApiClientAsync(app, Role.Strategy);

        var response = await api.GetAsync("/api/v1/stats?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData(Db.Sqlite, Role.Citizen)]
    [InlineData(Db.Sqlite, Role.Officer)]
    [InlineData(Db.Postgres, Role.Approver)]
    public async Task StatsApi_ForAnotherRole_Is404(Db db, Role role)
    {
        var app = await SharedApps.Get(db);
        var (api, _) = await TestAccounts.ApiClientAsync(app, role, role == Role.Citizen ? null : "1001", role == Role.Citizen ? null : "public-works");

        var response = await api.GetAsync("/api/v1/stats?groupBy=district");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task OverdueList_ForAnOfficer_KeepsToTheOfficersOwnOffice(Db db)
    {
        await using var app = await AnuyatApp.StartAsync(db);
        await StatsSeed.RunAsync(app, seed: 3, StatsSeed.CatalogOffices, applications: 60, steps: 120, new DateTime(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc));
        var officer = await StaffClientAsync(app, Role.Officer, "1001", "public-works");
        var strategy = await StaffClientAsync(app, Role.Strategy);

        var all = await strategy.GetPageAsync("/dashboard/overdue");
        var own = await officer.GetPageAsync("/dashboard/overdue?district=1003");
        var dashboard = await officer.GetAsync("/dashboard");

        var allReferences = all.QuerySelectorAll("tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToList();
        var ownReferences = own.QuerySelectorAll("tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(allReferences, r => !r.StartsWith("1001-", StringComparison.Ordinal));
        Assert.NotEmpty(ownReferences);
        Assert.All(ownReferences, r => Assert.StartsWith("1001-", r, StringComparison.Ordinal));
        Assert.True(ownReferences.Count < allReferences.Count);
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode); // officers do not see the city's dashboard
    }

    /// <summary>A cookie client of a new staff account that has enrolled an authenticator (staff need a second factor).</summary>
    public static async Task<HttpClient> StaffClientAsync(AnuyatApp app, Role role, string? district = null, string? section = null)
    {
        var account = await TestAccounts.CreateAsync(app, role, district, section);
        var client = app.NewClient();
        await Accounts.SignInTests.SignInAsync(client, account.Email!, TestAccounts.Password);
        var setup = await client.GetPageAsync("/account/authenticator");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        var enrolled = await client.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        return client;
    }

    private static void AssertRow(AngleSharp.Html.Dom.IHtmlDocument page, string table, string key, StatsFigures expected)
    {
        var row = page.QuerySelector($"#table-{table} tr[data-key='{key}']");
        Assert.True(row is not null, $"no row {key} in table {table}");
        foreach (var column in DashboardColumns.All)
        {
            var cell = row.QuerySelector($"td[data-column='{column.Code}']")!.TextContent.Trim();
            Assert.True(column.Show(expected) == cell, $"{table}/{key}/{column.Code}: page {cell}, API {column.Show(expected)}");
        }
    }
}
