using Anuyat.Domain.Stats;
using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Stats;

/// <summary>What a rebuild read and wrote.</summary>
public sealed record RollupRebuildResult(long Applications, int RollupRows, int LeadTimeRows, int OpenFileRows, TimeSpan Elapsed);

/// <summary>
/// Recomputes the three rollup tables from the applications, with the same per-application function the incremental
/// path uses (<see cref="RollupDelta.Add"/>), so the numbers are identical. For <c>stats rebuild</c>, for bulk loaders
/// (the demo generator calls it after inserting with <see cref="RollupTracker.Suspend"/> or raw SQL), and for repair.
/// Streams the applications once (only the columns the facts need) and holds the rollups, whose size does not grow
/// with the number of applications, in memory. Runs in one transaction: readers see the old rollups or the new ones.
/// On PostgreSQL the rollup tables are locked first, so a change committed during the rebuild waits and then adds its
/// delta to the rebuilt rows (it was not in the snapshot the rebuild read); SQLite has a single writer anyway.
/// </summary>
public sealed class RollupRebuilder(AnuyatDbContext db)
{
    public async Task<RollupRebuildResult> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var strategy = db.Database.CreateExecutionStrategy();
        var (applications, rollups, leadTimes, open) = await strategy.ExecuteAsync(
            db,
            async (_, context, ct) =>
            {
                context.ChangeTracker.Clear();
                await using var transaction = await context.Database.BeginTransactionAsync(ct);
                if (context.Database.IsNpgsql())
                {
                    await context.Database.ExecuteSqlRawAsync("LOCK TABLE stats_rollups, stats_lead_times, stats_open_files IN EXCLUSIVE MODE", ct);
                }

                await context.Set<StatsRollup>().ExecuteDeleteAsync(ct);
                await context.Set<StatsLeadTime>().ExecuteDeleteAsync(ct);
                await context.Set<StatsOpenFile>().ExecuteDeleteAsync(ct);

                var delta = new RollupDelta();
                long count = 0;
                await foreach (var facts in ReadFacts(context).AsAsyncEnumerable().WithCancellation(ct))
                {
                    delta.Add(facts, 1);
                    count++;
                }

                delta.RemoveZeros();
                await InsertAsync(context, delta.Rollups.Select(r => ToRow(r.Key, r.Value)), ct);
                await InsertAsync(context, delta.LeadTimes.Select(r => new StatsLeadTime
                {
                    Month = r.Key.Rollup.Month,
                    DistrictCode = r.Key.Rollup.DistrictCode,
                    SectionCode = r.Key.Rollup.SectionCode,
                    ServiceCode = r.Key.Rollup.ServiceCode,
                    Bucket = r.Key.Bucket,
                    Count = r.Value,
                }), ct);
                await InsertAsync(context, delta.Open.Select(r => new StatsOpenFile
                {
                    ReceivedMonth = r.Key.ReceivedMonth,
                    DistrictCode = r.Key.DistrictCode,
                    SectionCode = r.Key.SectionCode,
                    ServiceCode = r.Key.ServiceCode,
                    LegalDeadline = r.Key.LegalDeadline,
                    WithApplicant = r.Key.WithApplicant,
                    Count = r.Value,
                }), ct);
                await transaction.CommitAsync(ct);
                return (count, delta.Rollups.Count, delta.LeadTimes.Count, delta.Open.Count);
            },
            null,
            cancellationToken);
        return new RollupRebuildResult(applications, rollups, leadTimes, open, started.Elapsed);
    }

    /// <summary>The full recomputation, in memory and without writing: what the rollups must equal.</summary>
    public async Task<RollupDelta> RecomputeAsync(CancellationToken cancellationToken = default)
    {
        var delta = new RollupDelta();
        await foreach (var facts in ReadFacts(db).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            delta.Add(facts, 1);
        }

        delta.RemoveZeros();
        return delta;
    }

    /// <summary>The rollup tables as they stand, in the same shape as <see cref="RecomputeAsync"/>.</summary>
    public async Task<RollupDelta> ReadStoredAsync(CancellationToken cancellationToken = default)
    {
        var delta = new RollupDelta();
        foreach (var r in await db.Set<StatsRollup>().AsNoTracking().ToListAsync(cancellationToken))
        {
            delta.Rollups[new RollupKey(r.Month, r.DistrictCode, r.SectionCode, r.ServiceCode)] = new RollupCounters
            {
                Received = r.Received,
                Decided = r.Decided,
                OnTime = r.OnTime,
                Refused = r.Refused,
                DeficiencyRecords = r.DeficiencyRecords,
                Lapsed = r.Lapsed,
                Withdrawn = r.Withdrawn,
                LeadMinutes = r.LeadMinutes,
                OfficeMinutes = r.OfficeMinutes,
                ApplicantMinutes = r.ApplicantMinutes,
            };
        }

        foreach (var r in await db.Set<StatsLeadTime>().AsNoTracking().ToListAsync(cancellationToken))
        {
            delta.LeadTimes[new LeadTimeKey(new RollupKey(r.Month, r.DistrictCode, r.SectionCode, r.ServiceCode), r.Bucket)] = r.Count;
        }

        foreach (var r in await db.Set<StatsOpenFile>().AsNoTracking().ToListAsync(cancellationToken))
        {
            delta.Open[new OpenKey(r.ReceivedMonth, r.DistrictCode, r.SectionCode, r.ServiceCode, r.LegalDeadline, r.WithApplicant)] = r.Count;
        }

        delta.RemoveZeros();
        return delta;
    }

    private static IQueryable<ApplicationFacts> ReadFacts(AnuyatDbContext context) =>
        context.Applications.AsNoTracking()
            .Where(a => a.SubmittedAt != null)
            .Select(a => new ApplicationFacts(
                a.DistrictCode,
                a.SectionCode,
                a.ServiceCode,
                a.Status,
                a.SubmittedAt,
                a.ClosedAt,
                a.DecidedAt,
                a.Decision,
                a.LegalDeadline,
                a.Deficiency == null ? null : a.Deficiency.IssuedAt,
                a.Deficiency == null ? null : a.Deficiency.AnsweredAt));

    private static StatsRollup ToRow(RollupKey k, RollupCounters c) => new()
    {
        Month = k.Month,
        DistrictCode = k.DistrictCode,
        SectionCode = k.SectionCode,
        ServiceCode = k.ServiceCode,
        Received = c.Received,
        Decided = c.Decided,
        OnTime = c.OnTime,
        Refused = c.Refused,
        DeficiencyRecords = c.DeficiencyRecords,
        Lapsed = c.Lapsed,
        Withdrawn = c.Withdrawn,
        LeadMinutes = c.LeadMinutes,
        OfficeMinutes = c.OfficeMinutes,
        ApplicantMinutes = c.ApplicantMinutes,
    };

    private static async Task InsertAsync<T>(AnuyatDbContext context, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        foreach (var chunk in rows.Chunk(5000))
        {
            context.Set<T>().AddRange(chunk);
            await context.SaveChangesAsync(ct);
            context.ChangeTracker.Clear();
        }
    }
}
