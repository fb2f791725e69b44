using System.Globalization;
using Anuyat.Domain.Stats;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Stats;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Stats;

public sealed class RollupConsistencyTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task IncrementalRollups_AfterASeededRandomMixOfEvents_EqualAFullRecomputationAndTheRebuild(Db db)
    {
        var app = await SharedApps.Get(db);
        // Service codes of this run only, so other tests writing to the shared database cannot touch these rows.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var offices = new List<StatsSeed.Office>
        {
            new("1001", "public-works", $"zz-{tag}-a"),
            new("1001", "public-works", $"zz-{tag}-b"),
            new("1020", "environment-sanitation", $"zz-{tag}-c"),
            new("1045", "cleanliness-parks", $"zz-{tag}-d"),
        };
        var services = offices.Select(o => o.Service).ToHashSet(StringComparer.Ordinal);

        await StatsSeed.RunAsync(app, seed: 20261126, offices, applications: 90, steps: 320, new DateTime(2025, 9, 1, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 1, 0, 0, DateTimeKind.Utc));

        var (stored, recomputed) = await app.WithScopeAsync(async sp =>
        {
            var rebuilder = new RollupRebuilder(sp.GetRequiredService<AnuyatDbContext>());
            return (Lines(await rebuilder.ReadStoredAsync(), services), Lines(await rebuilder.RecomputeAsync(), services));
        });
        Assert.Equal(recomputed, stored);

        // The mix really exercised every counter: decisions, refusals, deficiency records, lapses, withdrawals, open files.
        var text = string.Join('\n', recomputed);
        Assert.Contains(recomputed, l => l.StartsWith("rollup", StringComparison.Ordinal) && !l.Contains("decided=0 ", StringComparison.Ordinal));
        Assert.Contains(recomputed, l => l.StartsWith("rollup", StringComparison.Ordinal) && !l.Contains("refused=0 ", StringComparison.Ordinal));
        Assert.Contains(recomputed, l => l.StartsWith("rollup", StringComparison.Ordinal) && !l.Contains("deficiency=0 ", StringComparison.Ordinal));
        Assert.Contains(recomputed, l => l.StartsWith("rollup", StringComparison.Ordinal) && !l.Contains("lapsed=0 ", StringComparison.Ordinal));
        Assert.Contains(recomputed, l => l.StartsWith("rollup", StringComparison.Ordinal) && !l.Contains("withdrawn=0 ", StringComparison.Ordinal));
        Assert.Contains(recomputed, l => l.StartsWith("open", StringComparison.Ordinal));
        Assert.Contains(recomputed, l => l.StartsWith("lead", StringComparison.Ordinal));
        Assert.True(recomputed.Count > 40, text);

        // The rebuild (what `stats rebuild` runs) writes exactly what the incremental path had kept.
        var rebuilt = await app.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<RollupRebuilder>().RebuildAsync();
            Assert.True(result.Applications >= 40);
            return Lines(await sp.GetRequiredService<RollupRebuilder>().ReadStoredAsync(), services);
        });
        Assert.Equal(stored, rebuilt);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task FailedSave_OnAConcurrentChange_LeavesTheRollupsUntouched(Db db)
    {
        var app = await SharedApps.Get(db);
        var service = "zz-" + Guid.NewGuid().ToString("N")[..8];
        var ids = await StatsSeed.RunAsync(app, seed: 7, [new("1002", "public-works", service)], applications: 1, steps: 0, new DateTime(2026, 1, 5, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 6, 1, 0, 0, DateTimeKind.Utc));
        var id = ids[0];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<AnuyatDbContext>();
            var application = await context.Applications.FirstAsync(a => a.Id == id);
            if (application.Status == Domain.Applications.ApplicationStatus.Draft)
            {
                application.Submit(new DateTime(2026, 1, 5, 3, 0, 0, DateTimeKind.Utc));
                await context.SaveChangesAsync();
            }
        }

        var before = await StoredAsync(app, service);

        await using (var first = app.Services.CreateAsyncScope())
        await using (var second = app.Services.CreateAsyncScope())
        {
            var one = first.ServiceProvider.GetRequiredService<AnuyatDbContext>();
            var two = second.ServiceProvider.GetRequiredService<AnuyatDbContext>();
            var a1 = await one.Applications.FirstAsync(a => a.Id == id);
            var a2 = await two.Applications.FirstAsync(a => a.Id == id);
            Assert.True(a1.Withdraw(new DateTime(2026, 1, 6, 3, 0, 0, DateTimeKind.Utc)).IsSuccess);
            await one.SaveChangesAsync();
            Assert.True(a2.Accept(new DateTime(2026, 1, 6, 4, 0, 0, DateTimeKind.Utc)).IsSuccess);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());
        }

        var after = await StoredAsync(app, service);
        Assert.NotEqual(before, after); // the withdrawal counted
        var recomputed = await app.WithScopeAsync(async sp => Lines(await new RollupRebuilder(sp.GetRequiredService<AnuyatDbContext>()).RecomputeAsync(), new HashSet<string>(StringComparer.Ordinal) { service }));
        Assert.Equal(recomputed, after); // and the refused acceptance did not
        Assert.Contains(after, l => l.Contains("withdrawn=1 ", StringComparison.Ordinal));
    }

    private static Task<List<string>> StoredAsync(AnuyatApp app, string service) =>
        app.WithScopeAsync(async sp => Lines(await new RollupRebuilder(sp.GetRequiredService<AnuyatDbContext>()).ReadStoredAsync(), new HashSet<string>(StringComparer.Ordinal) { service }));

    /// <summary>The rollups of the given services as sorted text lines, so a difference reads plainly in the failure.</summary>
    private static List<string> Lines(RollupDelta delta, HashSet<string> services)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>();
        lines.AddRange(delta.Rollups.Where(r => services.Contains(r.Key.ServiceCode)).Select(r => string.Create(c,
            $"rollup {r.Key.Month} {r.Key.DistrictCode} {r.Key.SectionCode} {r.Key.ServiceCode}: received={r.Value.Received} decided={r.Value.Decided} ontime={r.Value.OnTime} refused={r.Value.Refused} deficiency={r.Value.DeficiencyRecords} lapsed={r.Value.Lapsed} withdrawn={r.Value.Withdrawn} lead={r.Value.LeadMinutes} office={r.Value.OfficeMinutes} applicant={r.Value.ApplicantMinutes} ")));
        lines.AddRange(delta.LeadTimes.Where(r => services.Contains(r.Key.Rollup.ServiceCode)).Select(r => string.Create(c,
            $"lead {r.Key.Rollup.Month} {r.Key.Rollup.DistrictCode} {r.Key.Rollup.ServiceCode} bucket={r.Key.Bucket}: {r.Value}")));
        lines.AddRange(delta.Open.Where(r => services.Contains(r.Key.ServiceCode)).Select(r => string.Create(c,
            $"open {r.Key.ReceivedMonth} {r.Key.DistrictCode} {r.Key.ServiceCode} {r.Key.LegalDeadline:yyyy-MM-dd} {r.Key.WithApplicant}: {r.Value}")));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
