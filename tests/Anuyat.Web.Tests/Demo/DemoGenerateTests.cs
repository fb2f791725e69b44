using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Identifiers;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Cli;
using Anuyat.Web.Features.Demo;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Demo;

/// <summary><c>demo generate</c>: reproducible, realistic, marked synthetic, numbered by the real counters, on both databases.</summary>
public sealed class DemoGenerateTests
{
    private static readonly DateOnly Until = new(2026, 11, 1);

    private sealed record Row(Guid Id, string Reference, string Service, int Version, string District, ApplicationStatus Status, string Answers, DateTime Created, DateTime? Submitted, DateTime? Decided, DateOnly? Deadline, Guid Applicant, int Extensions);

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Generate_SameSeedInTwoFreshDatabases_WritesTheSameRows(Db db)
    {
        using var first = await AnuyatApp.StartAsync(db);
        using var second = await AnuyatApp.StartAsync(db);

        var a = await GenerateAndReadAsync(first, 400, 5);
        var b = await GenerateAndReadAsync(second, 400, 5);

        Assert.Equal(400, a.Count);
        Assert.Equal(a, b);
        Assert.Equal(400, a.Select(r => r.Reference).Distinct().Count());
        Assert.Equal(400, a.Select(r => r.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Generate_SixHundred_RealisticMarkedSyntheticAndCountersContinue(Db db)
    {
        using var app = await AnuyatApp.StartAsync(db);

        var rows = await GenerateAndReadAsync(app, 600, 9);

        Assert.Equal(600, rows.Count);
        var statuses = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(statuses[ApplicationStatus.Issued] > 400, $"issued {statuses[ApplicationStatus.Issued]}");
        foreach (var status in new[] { ApplicationStatus.Refused, ApplicationStatus.Withdrawn, ApplicationStatus.Lapsed, ApplicationStatus.Draft })
        {
            Assert.True(statuses.GetValueOrDefault(status) > 0, $"no {status} file among {string.Join(", ", statuses)}");
        }

        Assert.True(rows.Select(r => r.District).Distinct().Count() >= 45);
        Assert.Equal(14, rows.Select(r => r.Service).Distinct().Count());
        Assert.Contains(rows, r => r.Extensions > 0);
        Assert.InRange(rows.Min(r => r.Created), new DateTime(2023, 9, 30, 0, 0, 0, DateTimeKind.Utc), new DateTime(2023, 10, 10, 0, 0, 0, DateTimeKind.Utc));
        Assert.True(rows.Max(r => r.Created) < Until.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc));
        Assert.All(rows.Where(r => r.Status != ApplicationStatus.Draft), r => Assert.NotNull(r.Deadline));
        Assert.All(rows, r =>
        {
            using var answers = JsonDocument.Parse(r.Answers);
            Assert.True(ThaiNationalId.Parse(answers.RootElement.GetProperty("applicant").GetProperty("nationalId").GetString()).IsValid);
        });

        await app.WithScopeAsync(async services =>
        {
            var context = services.GetRequiredService<AnuyatDbContext>();
            Assert.Equal(600, await context.Applications.CountAsync(a => a.IsSynthetic));

            // References run 1…n per district and Buddhist year, in time order, and each counter stands at its last number.
            var counters = await context.Counters.AsNoTracking().ToDictionaryAsync(c => c.Key, c => c.Value);
            foreach (var group in rows.GroupBy(r => r.Reference[..9]))
            {
                var numbers = group.OrderBy(r => r.Created).Select(r => long.Parse(r.Reference[10..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => (long)n), numbers);
                Assert.Equal(numbers.Count, counters[ApplicationReference.CounterKey(group.Key[..4], int.Parse(group.Key[5..], System.Globalization.CultureInfo.InvariantCulture))]);
            }

            // No generated event enters the real audit chain.
            var ids = rows.Select(r => r.Id.ToString("D")).ToList();
            Assert.Equal(0, await context.AuditEvents.CountAsync(e => ids.Contains(e.SubjectId)));
            Assert.All(await context.Users.Where(u => rows.Select(r => r.Applicant).Contains(u.Id)).Select(u => u.Email).ToListAsync(), e => Assert.EndsWith("@" + DemoGenerator.EmailDomain, e, StringComparison.Ordinal));
            return 0;
        });

        // The generated citizen reads a generated file through the API; its timeline comes from its own dates.
        var decided = rows.First(r => r.Status == ApplicationStatus.Refused);
        var token = await app.WithScopeAsync(async s => (await s.GetRequiredService<ApiTokenService>().CreateAsync(decided.Applicant, "test")).PlainText);
        using var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{decided.Id}");
        Assert.Equal("refused", body.GetProperty("status").GetString());
        var timeline = body.GetProperty("timeline").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("summaryEn").GetString())).ToList();
        Assert.Equal("application.opened", timeline[0].Item1);
        Assert.Contains(("application.decided", "Refused (demo data)"), timeline);

        // The same seed twice in one database is refused rather than duplicated.
        var again = await app.WithScopeAsync(async s => await Assert.ThrowsAsync<InvalidOperationException>(() => DemoCommands.Create(s).GenerateAsync(10, 9, Until)));
        Assert.Contains("seed 9", again.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    public async Task Generate_ThenARealApplication_TakesTheNextNumber(Db db)
    {
        using var app = await AnuyatApp.StartAsync(db);
        var rows = await GenerateAndReadAsync(app, 300, 3);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);

        var today = await app.WithScopeAsync(s => Task.FromResult(Anuyat.Web.Features.Applications.ApplicationsApi.BangkokToday(s.GetRequiredService<TimeProvider>())));
        var prefix = $"1001-{ApplicationReference.BuddhistYearOf(today)}-";
        var generatedThisYear = rows.Count(r => r.Reference.StartsWith(prefix, StringComparison.Ordinal));
        var response = await citizen.PostAsJsonAsync("/api/v1/applications", new { serviceCode = "building-permit-k1", districtCode = "1001", answers = new { } });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal($"{prefix}{generatedThisYear + 1:D6}", created.GetProperty("reference").GetString());
    }

    private static async Task<List<Row>> GenerateAndReadAsync(AnuyatApp app, int count, long seed) =>
        await app.WithScopeAsync(async services =>
        {
            var result = await DemoCommands.Create(services).GenerateAsync(count, seed, Until);
            Assert.Equal(count, result.Applications);
            var context = services.GetRequiredService<AnuyatDbContext>();
            var applications = await context.Applications.AsNoTracking().Where(a => a.IsSynthetic).OrderBy(a => a.Reference).ToListAsync();
            return applications.Select(a => new Row(a.Id, a.Reference, a.ServiceCode, a.ServiceVersion, a.DistrictCode, a.Status, a.AnswersJson, a.CreatedAt, a.SubmittedAt, a.DecidedAt, a.LegalDeadline, a.ApplicantAccountId, a.Extensions.Count)).ToList();
        });
}
