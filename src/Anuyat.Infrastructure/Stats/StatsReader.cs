using System.Globalization;
using System.Linq.Expressions;
using Anuyat.Domain.Stats;
using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Stats;

/// <summary>What a table of the dashboard is broken down by.</summary>
public enum StatsDimension
{
    Month,
    DistrictGroup,
    District,
    Section,
    Service,
    Pilot,
}

/// <summary>
/// A slice of the rollups: a range of Bangkok months (yyyymm, both included) and optional office filters. The pilot
/// flag and the district group select districts (read from <c>districts</c>), so they cost nothing extra.
/// </summary>
public sealed record StatsFilter(int FromMonth, int ToMonth, string? DistrictGroup = null, string? District = null, string? Section = null, string? Service = null, bool? Pilot = null);

/// <summary>The raw sums of a slice: everything else is derived from them.</summary>
public sealed class StatsSums
{
    public RollupCounters Counters { get; } = new();

    public long InProgress { get; set; }

    public long Overdue { get; set; }

    public Dictionary<int, long> LeadTimeBuckets { get; } = [];

    public void Add(StatsSums other)
    {
        Counters.Add(other.Counters);
        InProgress += other.InProgress;
        Overdue += other.Overdue;
        foreach (var (bucket, count) in other.LeadTimeBuckets)
        {
            LeadTimeBuckets[bucket] = LeadTimeBuckets.GetValueOrDefault(bucket) + count;
        }
    }
}

/// <summary>The figures the dashboard and <c>GET /api/v1/stats</c> show for one row; rates are 0–1, times in days.</summary>
public sealed record StatsFigures(
    long Received,
    long Decided,
    long InProgress,
    long Overdue,
    long OnTime,
    long Refused,
    long DeficiencyRecords,
    long Lapsed,
    long Withdrawn,
    double? OnTimeRate,
    int? MedianLeadTimeDays,
    int? P90LeadTimeDays,
    double? OfficeDaysPerDecision,
    double? ApplicantDaysPerDecision,
    double? DeficiencyRate,
    double? RefusalRate)
{
    public static StatsFigures From(StatsSums s)
    {
        var c = s.Counters;
        return new StatsFigures(
            c.Received,
            c.Decided,
            s.InProgress,
            s.Overdue,
            c.OnTime,
            c.Refused,
            c.DeficiencyRecords,
            c.Lapsed,
            c.Withdrawn,
            Ratio(c.OnTime, c.Decided),
            LeadTimeHistogram.Percentile(s.LeadTimeBuckets, 0.5),
            LeadTimeHistogram.Percentile(s.LeadTimeBuckets, 0.9),
            c.Decided == 0 ? null : Math.Round(c.OfficeMinutes / 1440.0 / c.Decided, 1),
            c.Decided == 0 ? null : Math.Round(c.ApplicantMinutes / 1440.0 / c.Decided, 1),
            Ratio(c.DeficiencyRecords, c.Received),
            Ratio(c.Refused, c.Decided));
    }

    private static double? Ratio(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

/// <summary>One row of a table: its key (a month yyyymm, a district code, a group's English name, "pilot"…) and figures.</summary>
public sealed record StatsRow(string Key, StatsFigures Figures, StatsSums Sums);

public sealed record StatsTable(StatsDimension By, IReadOnlyList<StatsRow> Rows, StatsFigures Total);

/// <summary>
/// Reads the dashboard's tables from the three rollup tables only: three GROUP BY queries over rows whose number
/// depends on months × districts × services (and lead-time buckets), never on the number of applications.
/// "In progress" and "overdue" are the files received in the range that are open now; overdue as of
/// <c>today</c> (Bangkok), the same rule as the office queue: open, not with the applicant, deadline passed.
/// Reads go to the dashboard replica when one is configured (<see cref="ReadOnlyDb"/>), else the primary.
/// </summary>
public sealed class StatsReader(ReadOnlyDb replica)
{
    private readonly AnuyatDbContext _db = replica.Context;

    public async Task<StatsTable> ReadAsync(StatsFilter filter, StatsDimension by, DateOnly today, CancellationToken cancellationToken = default)
    {
        var districts = await _db.Districts.AsNoTracking().ToListAsync(cancellationToken);
        var chosen = districts
            .Where(d => filter.District is null || d.Code == filter.District)
            .Where(d => filter.DistrictGroup is null || d.GroupEn == filter.DistrictGroup)
            .Where(d => filter.Pilot is null || d.Pilot == filter.Pilot)
            .Select(d => d.Code)
            .ToList();
        var allDistricts = chosen.Count == districts.Count;

        var rollups = _db.StatsRollups.AsNoTracking().Where(r => r.Month >= filter.FromMonth && r.Month <= filter.ToMonth);
        var leadTimes = _db.StatsLeadTimes.AsNoTracking().Where(r => r.Month >= filter.FromMonth && r.Month <= filter.ToMonth);
        var open = _db.StatsOpenFiles.AsNoTracking().Where(r => r.ReceivedMonth >= filter.FromMonth && r.ReceivedMonth <= filter.ToMonth);
        if (!allDistricts)
        {
            rollups = rollups.Where(r => chosen.Contains(r.DistrictCode));
            leadTimes = leadTimes.Where(r => chosen.Contains(r.DistrictCode));
            open = open.Where(r => chosen.Contains(r.DistrictCode));
        }

        if (filter.Section is { } section)
        {
            rollups = rollups.Where(r => r.SectionCode == section);
            leadTimes = leadTimes.Where(r => r.SectionCode == section);
            open = open.Where(r => r.SectionCode == section);
        }

        if (filter.Service is { } service)
        {
            rollups = rollups.Where(r => r.ServiceCode == service);
            leadTimes = leadTimes.Where(r => r.ServiceCode == service);
            open = open.Where(r => r.ServiceCode == service);
        }

        // The SQL groups by one key column; district groups and pilot are folded from districts in memory (≤ 50 rows).
        var column = by switch
        {
            StatsDimension.Month => "month",
            StatsDimension.Section => "section",
            StatsDimension.Service => "service",
            _ => "district",
        };
        var byKey = new Dictionary<string, StatsSums>(StringComparer.Ordinal);
        StatsSums At(string key)
        {
            if (!byKey.TryGetValue(key, out var sums))
            {
                sums = new StatsSums();
                byKey[key] = sums;
            }

            return sums;
        }

        foreach (var r in await SumRollupsAsync(rollups, column, cancellationToken))
        {
            At(r.Key).Counters.Add(r.Counters);
        }

        foreach (var (key, bucket, count) in await SumLeadTimesAsync(leadTimes, column, cancellationToken))
        {
            var buckets = At(key).LeadTimeBuckets;
            buckets[bucket] = buckets.GetValueOrDefault(bucket) + count;
        }

        foreach (var (key, inProgress, overdue) in await SumOpenAsync(open, column, today, cancellationToken))
        {
            var sums = At(key);
            sums.InProgress += inProgress;
            sums.Overdue += overdue;
        }

        if (by is StatsDimension.DistrictGroup or StatsDimension.Pilot)
        {
            var folded = new Dictionary<string, StatsSums>(StringComparer.Ordinal);
            foreach (var (code, sums) in byKey)
            {
                var district = districts.First(d => d.Code == code);
                var key = by == StatsDimension.Pilot ? (district.Pilot ? "pilot" : "non-pilot") : district.GroupEn;
                if (!folded.TryGetValue(key, out var into))
                {
                    into = new StatsSums();
                    folded[key] = into;
                }

                into.Add(sums);
            }

            byKey = folded;
        }

        if (by == StatsDimension.Month)
        {
            foreach (var month in StatsCalendar.Months(filter.FromMonth, filter.ToMonth))
            {
                At(month.ToString(CultureInfo.InvariantCulture));
            }
        }

        var total = new StatsSums();
        foreach (var sums in byKey.Values)
        {
            total.Add(sums);
        }

        var rows = byKey.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new StatsRow(r.Key, StatsFigures.From(r.Value), r.Value)).ToList();
        return new StatsTable(by, rows, StatsFigures.From(total));
    }

    private static async Task<List<(string Key, RollupCounters Counters)>> SumRollupsAsync(IQueryable<StatsRollup> q, string column, CancellationToken ct) => column switch
    {
        "month" => await SumRollupsByAsync(q, r => r.Month, ct),
        "section" => await SumRollupsByAsync(q, r => r.SectionCode, ct),
        "service" => await SumRollupsByAsync(q, r => r.ServiceCode, ct),
        _ => await SumRollupsByAsync(q, r => r.DistrictCode, ct),
    };

    private static async Task<List<(string Key, RollupCounters Counters)>> SumRollupsByAsync<TKey>(IQueryable<StatsRollup> q, Expression<Func<StatsRollup, TKey>> key, CancellationToken ct)
    {
        var rows = await q.GroupBy(key).Select(g => new
        {
            g.Key,
            Received = g.Sum(r => r.Received),
            Decided = g.Sum(r => r.Decided),
            OnTime = g.Sum(r => r.OnTime),
            Refused = g.Sum(r => r.Refused),
            DeficiencyRecords = g.Sum(r => r.DeficiencyRecords),
            Lapsed = g.Sum(r => r.Lapsed),
            Withdrawn = g.Sum(r => r.Withdrawn),
            LeadMinutes = g.Sum(r => r.LeadMinutes),
            OfficeMinutes = g.Sum(r => r.OfficeMinutes),
            ApplicantMinutes = g.Sum(r => r.ApplicantMinutes),
        }).ToListAsync(ct);
        return [.. rows.Select(r => (KeyText(r.Key), new RollupCounters
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
        }))];
    }

    private static async Task<List<(string Key, int Bucket, long Count)>> SumLeadTimesAsync(IQueryable<StatsLeadTime> q, string column, CancellationToken ct)
    {
        if (column == "month")
        {
            var months = await q.GroupBy(r => new { r.Month, r.Bucket }).Select(g => new { g.Key.Month, g.Key.Bucket, Count = g.Sum(r => r.Count) }).ToListAsync(ct);
            return [.. months.Select(r => (KeyText(r.Month), r.Bucket, r.Count))];
        }

        var keyed = column switch
        {
            "section" => q.Select(r => new { Key = r.SectionCode, r.Bucket, r.Count }),
            "service" => q.Select(r => new { Key = r.ServiceCode, r.Bucket, r.Count }),
            _ => q.Select(r => new { Key = r.DistrictCode, r.Bucket, r.Count }),
        };
        var rows = await keyed.GroupBy(r => new { r.Key, r.Bucket }).Select(g => new { g.Key.Key, g.Key.Bucket, Count = g.Sum(r => r.Count) }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Key, r.Bucket, r.Count))];
    }

    private static async Task<List<(string Key, long InProgress, long Overdue)>> SumOpenAsync(IQueryable<StatsOpenFile> q, string column, DateOnly today, CancellationToken ct)
    {
        if (column == "month")
        {
            var months = await q.GroupBy(r => r.ReceivedMonth)
                .Select(g => new { g.Key, InProgress = g.Sum(r => r.Count), Overdue = g.Sum(r => !r.WithApplicant && r.LegalDeadline < today ? r.Count : 0) })
                .ToListAsync(ct);
            return [.. months.Select(r => (KeyText(r.Key), r.InProgress, r.Overdue))];
        }

        var keyed = column switch
        {
            "section" => q.Select(r => new { Key = r.SectionCode, r.Count, r.WithApplicant, r.LegalDeadline }),
            "service" => q.Select(r => new { Key = r.ServiceCode, r.Count, r.WithApplicant, r.LegalDeadline }),
            _ => q.Select(r => new { Key = r.DistrictCode, r.Count, r.WithApplicant, r.LegalDeadline }),
        };
        var rows = await keyed.GroupBy(r => r.Key)
            .Select(g => new { g.Key, InProgress = g.Sum(r => r.Count), Overdue = g.Sum(r => !r.WithApplicant && r.LegalDeadline < today ? r.Count : 0) })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Key, r.InProgress, r.Overdue))];
    }

    private static string KeyText<TKey>(TKey key) => Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty;
}
