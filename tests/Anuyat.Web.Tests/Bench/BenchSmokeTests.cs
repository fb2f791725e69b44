using Anuyat.Bench;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Cli;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Bench;

/// <summary>
/// The benchmark's quick mode against the app on a real Kestrel port, so the scenarios cannot rot. It asserts what
/// was done (requests answered, nothing failed), never how fast.
/// </summary>
public sealed class BenchSmokeTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    public async Task QuickBench_AgainstRealKestrel_RunsEveryScenarioWithoutErrors(Db db)
    {
        // One bench account files at the rate of a whole city; the per-account limits guard against one client, not this.
        var limits = new Dictionary<string, string?> { ["RateLimits:SubmissionsPerMinute"] = "1000000", ["RateLimits:UploadsPerMinute"] = "1000000" };
        using var app = await AnuyatApp.StartAsync(db, settings: limits, kestrel: true);
        await app.WithScopeAsync(s => DemoCommands.Create(s).GenerateAsync(300, 17, new DateOnly(2026, 11, 1)));
        var demoCitizen = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Applications.Where(a => a.IsSynthetic).OrderBy(a => a.CreatedAt).Select(a => a.ApplicantAccountId).FirstAsync());
        var citizen = await TestAccounts.CreateAsync(app);
        var officer = await TestAccounts.CreateAsync(app, Role.Officer, "1001", "administration");
        var admin = await TestAccounts.CreateAsync(app, Role.Admin);
        async Task<string> Token(Guid id) => await app.WithScopeAsync(async s => (await s.GetRequiredService<ApiTokenService>().CreateAsync(id, "bench")).PlainText);
        var permits = await BenchData.PermitsForIssuedAsync("sqlite", app.DataDirectory, null, TextWriter.Null);
        var target = new BenchTarget("sqlite", app.ServerAddress!, await Token(citizen.Id), await Token(officer.Id), await Token(demoCitizen), await Token(admin.Id), app.DataDirectory, null, permits);
        var settings = new BenchSettings(Quick: true);
        var scenarios = new Scenarios(target, settings, TextWriter.Null);

        await scenarios.SubmitAsync(CancellationToken.None);
        var (queueBytes, statusBytes) = await scenarios.PagesAsync(CancellationToken.None);
        await scenarios.VerificationAsync(CancellationToken.None);
        await scenarios.RouteOrSkipAsync("4 dashboard", "/api/v1/stats", target.AdminToken, "/api/v1/stats?groupBy=district", CancellationToken.None);
        var baseline = await Scenarios.StaticBaselineAsync(queueBytes, settings, CancellationToken.None);
        var pdf = Scenarios.Pdf(settings);

        var submits = scenarios.Loads.Where(l => l.Scenario == "1 submit").ToList();
        Assert.Equal(3, submits.Count); // closed, open, raw baseline
        Assert.All(submits, s => Assert.True(s.Result.Completed > 0 && s.Result.Errors == 0, $"{s.What}: {s.Result.Line} {s.Result.FirstError}"));
        var pages = scenarios.Loads.Where(l => l.Scenario.StartsWith("2 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, pages.Count); // the queue, its closed tab and the status page, closed and open, for the one quick user count
        Assert.Contains(pages, p => p.Scenario == "2 queue closed");
        Assert.All(pages, s => Assert.True(s.Result.Completed > 0 && s.Result.Errors == 0, $"{s.What}: {s.Result.Line} {s.Result.FirstError}"));
        Assert.True(queueBytes > 1000 && statusBytes > 1000);
        Assert.NotEmpty(permits);
        var verification = scenarios.Loads.Where(l => l.Scenario.StartsWith("3 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, verification.Count); // the page and the API, closed and open
        Assert.All(verification, s => Assert.True(s.Result.Completed > 0 && s.Result.Errors == 0, $"{s.What}: {s.Result.Line} {s.Result.FirstError}"));
        foreach (var scenario in new[] { "4 dashboard" })
        {
            // Measured once the route exists, otherwise skipped with a reason; either way reported.
            Assert.True(scenarios.Figures.Any(f => f.Scenario == scenario) || scenarios.Loads.Any(l => l.Scenario == scenario), scenario);
        }
        Assert.True(baseline.Single().Result.Completed > 0);
        Assert.True(pdf.Documents > 0 && pdf.Blank > 0 && pdf.Bytes > 1000 && pdf.Permits > 0 && pdf.PermitBytes > 1000);
        await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            Assert.True(await context.Applications.CountAsync(a => a.ApplicantAccountId == citizen.Id && a.Status == Domain.Applications.ApplicationStatus.Submitted) >= submits[0].Result.Completed);
            return 0;
        });
    }
}
