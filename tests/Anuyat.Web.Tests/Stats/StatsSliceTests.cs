using Anuyat.Domain.Stats;
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
            var slices = new Dictionary<StatsDimension, StatsSlice>();
            foreach (var by in Enum.GetValues<StatsDimension>())
            {
                slices[by] = await reader.ReadFromDatabaseAsync(filter, today, by);
            }

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

                var byDistrict = slices[StatsDimension.District].Table(StatsDimension.District, pilot);
                Assert.Equal(received.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)), byDistrict.Rows.Select(r => (r.Key, r.Figures.Received)));

                // Each row's figures come from its own sums: received by section, and each month's lead-time histogram.
                var bySection = await rollups.GroupBy(r => r.SectionCode).Select(g => new { g.Key, Sum = g.Sum(r => r.Received) }).ToDictionaryAsync(g => g.Key, g => g.Sum);
                Assert.Equal(bySection.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)), slices[StatsDimension.Section].Table(StatsDimension.Section, pilot).Rows.Select(r => (r.Key, r.Figures.Received)));
                var leadTimes = db.StatsLeadTimes.Where(r => r.Month >= filter.FromMonth && r.Month <= filter.ToMonth && r.SectionCode != LeadTimeKey.AllOffices);
                if (pilot is { } q)
                {
                    leadTimes = leadTimes.Where(r => pilots.Contains(r.DistrictCode) == q);
                }

                var histograms = (await leadTimes.GroupBy(r => new { r.Month, r.Bucket }).Select(g => new { g.Key.Month, g.Key.Bucket, Count = g.Sum(r => r.Count) }).ToListAsync())
                    .GroupBy(r => r.Month.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Bucket).Select(r => (r.Bucket, r.Count)).ToList());
                foreach (var row in slices[StatsDimension.Month].Table(StatsDimension.Month, pilot).Rows)
                {
                    Assert.Equal(histograms.GetValueOrDefault(row.Key) ?? [], row.Sums.LeadTimeBuckets.Where(b => b.Value != 0).OrderBy(b => b.Key).Select(b => (b.Key, b.Value)).ToList());
                }

                Assert.NotEmpty(histograms);
                foreach (var by in Enum.GetValues<StatsDimension>())
                {
                    var table = slices[by].Table(by, pilot);
                    Assert.Equal((received.Values.Sum(), decided, inProgress, overdue), (table.Total.Received, table.Total.Decided, table.Total.InProgress, table.Total.Overdue));
                    Assert.Equal(byDistrict.Total, table.Total);

                    // The pilot choice made in memory answers as the same choice made in SQL by the single-table read.
                    var alone = await reader.ReadAsync(filter with { Pilot = pilot }, by, today);
                    Assert.Equal(alone.Rows.Select(r => (r.Key, r.Figures)), table.Rows.Select(r => (r.Key, r.Figures)));
                    Assert.Equal(alone.Total, table.Total);
                }
            }

            Assert.Equal(12, slices[StatsDimension.District].Table(StatsDimension.Month).Rows.Count);
            Assert.True(slices[StatsDimension.District].Table(StatsDimension.District).Total.Received >= 40);
            Assert.True(slices[StatsDimension.District].Table(StatsDimension.District).Total.Decided > 0);

            // The district-wide histogram rows (what the city-wide page reads) are the sums of the section × service rows,
            // and the stored rows equal a full recomputation, district-wide ones included.
            var detailed = await db.StatsLeadTimes.Where(r => r.SectionCode != LeadTimeKey.AllOffices)
                .GroupBy(r => new { r.Month, r.DistrictCode, r.Bucket }).Select(g => new { g.Key.Month, g.Key.DistrictCode, g.Key.Bucket, Count = g.Sum(r => r.Count) })
                .OrderBy(r => r.Month).ThenBy(r => r.DistrictCode).ThenBy(r => r.Bucket).ToListAsync();
            var wide = await db.StatsLeadTimes.Where(r => r.SectionCode == LeadTimeKey.AllOffices && r.ServiceCode == LeadTimeKey.AllOffices)
                .Select(r => new { r.Month, r.DistrictCode, r.Bucket, r.Count })
                .OrderBy(r => r.Month).ThenBy(r => r.DistrictCode).ThenBy(r => r.Bucket).ToListAsync();
            Assert.NotEmpty(wide);
            Assert.Equal(detailed, wide);
            var rebuilder = new RollupRebuilder(db);
            var stored = await rebuilder.ReadStoredAsync();
            var recomputed = await rebuilder.RecomputeAsync();
            Assert.Equal(recomputed.LeadTimes.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal), stored.LeadTimes.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal));

            // A slice read for a district breakdown has no section breakdown to give.
            Assert.Throws<InvalidOperationException>(() => slices[StatsDimension.District].Table(StatsDimension.Section));
            return 0;
        });
    }
}
