using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Stats;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Stats;

/// <summary>The dashboard folds its tables in memory from one read of the slice: the folds must equal SQL sums of the rollups.</summary>
public sealed class StatsSliceTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task SliceTables_ForEveryDimensionAndPilotChoice_EqualSqlSumsOfTheRollups(Db db)
    {
        await using var app = await AnuyatApp.StartAsync(db);
        await StatsSeed.RunAsync(app, seed: 7, StatsSeed.CatalogOffices, applications: 60, steps: 300, new DateTime(2025, 12, 1, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc));
        var today = new DateOnly(2026, 11, 25);
        var filter = new StatsFilter(202512, 202611);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AnuyatDbContext>();
            var reader = sp.GetRequiredService<StatsReader>();
            var slice = await reader.ReadSliceAsync(filter, today);
            var pilots = await db.Districts.Where(d => d.Pilot).Select(d => d.Code).ToListAsync();
            foreach (var pilot in new bool?[] { null, true, false })
            {
                var rollups = db.StatsRollups.Where(r => r.Month >= filter.FromMonth && r.Month <= filter.ToMonth);
                var open = db.StatsOpenFiles.Where(r => r.ReceivedMonth >= filter.FromMonth && r.ReceivedMonth <= filter.ToMonth);
                if (pilot is { } p)
                {
                    rollups = rollups.Where(r => pilots.Contains(r.DistrictCode) == p);
                    open = open.Where(r => pilots.Contains(r.DistrictCode) == p);
                }

                var received = await rollups.GroupBy(r => r.DistrictCode).Select(g => new { g.Key, Sum = g.Sum(r => r.Received) }).ToDictionaryAsync(g => g.Key, g => g.Sum);
                var decided = await rollups.SumAsync(r => r.Decided);
                var inProgress = await open.SumAsync(r => r.Count);
                var overdue = await open.Where(r => !r.WithApplicant && r.LegalDeadline < today).SumAsync(r => r.Count);

                var byDistrict = slice.Table(StatsDimension.District, pilot);
                Assert.Equal(received.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)), byDistrict.Rows.Select(r => (r.Key, r.Figures.Received)));
                foreach (var by in Enum.GetValues<StatsDimension>())
                {
                    var table = slice.Table(by, pilot);
                    Assert.Equal((received.Values.Sum(), decided, inProgress, overdue), (table.Total.Received, table.Total.Decided, table.Total.InProgress, table.Total.Overdue));
                    Assert.Equal(byDistrict.Total, table.Total);

                    // The pilot choice made in memory answers as the same choice made in SQL by the single-table read.
                    var alone = await reader.ReadAsync(filter with { Pilot = pilot }, by, today);
                    Assert.Equal(alone.Rows.Select(r => (r.Key, r.Figures)), table.Rows.Select(r => (r.Key, r.Figures)));
                    Assert.Equal(alone.Total, table.Total);
                }
            }

            Assert.Equal(12, slice.Table(StatsDimension.Month).Rows.Count);
            Assert.True(slice.Table(StatsDimension.District).Total.Received >= 40);
            Assert.True(slice.Table(StatsDimension.District).Total.Decided > 0);
            return 0;
        });
    }
}
