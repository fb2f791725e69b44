using System.Globalization;
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
/// Reads the dashboard's tables from the three rollup tables only. A page reads the rows of its slice once — one query
/// per rollup table, only the columns it needs, filtered by the month range that leads each table's key (or by
/// district and month, the second index) — and folds every table and chart of the page from them in memory, so its
/// cost depends on months × districts × sections × services (and lead-time buckets), never on the number of
/// applications, and no longer on how many tables the page shows. "In progress" and "overdue" are the files received
/// in the range that are open now; overdue as of <c>today</c> (Bangkok), the same rule as the office queue: open, not
/// with the applicant, deadline passed. Reads go to the dashboard replica when one is configured
/// (<see cref="ReadOnlyDb"/>), else the primary.
/// </summary>
public sealed class StatsReader(ReadOnlyDb replica)
{
    private readonly AnuyatDbContext _db = replica.Context;

    /// <summary>One table of one slice (the API and the map): <see cref="ReadSliceAsync"/> then <see cref="StatsSlice.Table"/>.</summary>
    public async Task<StatsTable> ReadAsync(StatsFilter filter, StatsDimension by, DateOnly today, CancellationToken cancellationToken = default) =>
        (await ReadSliceAsync(filter, today, cancellationToken)).Table(by);

    /// <summary>The rollup rows of a slice, read once; a page takes all its tables from the result.</summary>
    public async Task<StatsSlice> ReadSliceAsync(StatsFilter filter, DateOnly today, CancellationToken cancellationToken = default)
    {
        var districts = await _db.Districts.AsNoTracking().Select(d => new StatsSlice.DistrictInfo(d.Code, d.GroupEn, d.Pilot)).ToListAsync(cancellationToken);
        var chosen = districts
            .Where(d => filter.District is null || d.Code == filter.District)
            .Where(d => filter.DistrictGroup is null || d.GroupEn == filter.DistrictGroup)
            .Where(d => filter.Pilot is null || d.Pilot == filter.Pilot)
            .Select(d => d.Code)
            .ToList();
        var allDistricts = chosen.Count == districts.Count;

        // Month first: it leads each table's primary key after the tenant (which the tenant filter fixes), so the range is an index range; a district filter adds
        // district_code IN (…), which the (district_code, month) index serves.
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

        var rollupRows = await rollups
            .Select(r => new StatsSlice.RollupRow(r.Month, r.DistrictCode, r.SectionCode, r.ServiceCode, r.Received, r.Decided, r.OnTime, r.Refused, r.DeficiencyRecords, r.Lapsed, r.Withdrawn, r.LeadMinutes, r.OfficeMinutes, r.ApplicantMinutes))
            .ToListAsync(cancellationToken);
        var leadTimeRows = await leadTimes
            .Select(r => new StatsSlice.LeadTimeRow(r.Month, r.DistrictCode, r.SectionCode, r.ServiceCode, r.Bucket, r.Count))
            .ToListAsync(cancellationToken);

        // Deadlines and holders are folded in SQL (the key's prefix, so no sort): the page needs only the two sums, and
        // "overdue" is compared on the database as before.
        var openRows = await open
            .GroupBy(r => new { r.ReceivedMonth, r.DistrictCode, r.SectionCode, r.ServiceCode })
            .Select(g => new StatsSlice.OpenRow(g.Key.ReceivedMonth, g.Key.DistrictCode, g.Key.SectionCode, g.Key.ServiceCode, g.Sum(r => r.Count), g.Sum(r => !r.WithApplicant && r.LegalDeadline < today ? r.Count : 0)))
            .ToListAsync(cancellationToken);
        return new StatsSlice(filter, districts, rollupRows, leadTimeRows, openRows);
    }
}

/// <summary>The rollup rows of one slice in memory; each table of a page is a fold over them.</summary>
public sealed class StatsSlice
{
    private readonly StatsFilter _filter;
    private readonly Dictionary<string, DistrictInfo> _districts;
    private readonly List<RollupRow> _rollups;
    private readonly List<LeadTimeRow> _leadTimes;
    private readonly List<OpenRow> _open;

    internal StatsSlice(StatsFilter filter, List<DistrictInfo> districts, List<RollupRow> rollups, List<LeadTimeRow> leadTimes, List<OpenRow> open)
    {
        _filter = filter;
        _districts = districts.ToDictionary(d => d.Code, StringComparer.Ordinal);
        _rollups = rollups;
        _leadTimes = leadTimes;
        _open = open;
    }

    /// <summary>
    /// One table of the slice. <paramref name="pilot"/> narrows it further to pilot or other districts (the dashboard
    /// reads its slice for both and shows the pilot comparison over both).
    /// </summary>
    public StatsTable Table(StatsDimension by, bool? pilot = null)
    {
        var byKey = new Dictionary<string, StatsSums>(StringComparer.Ordinal);
        var monthKeys = new Dictionary<int, string>();
        StatsSums At(int month, string district, string section, string service)
        {
            var key = by switch
            {
                StatsDimension.Month => MonthKey(month),
                StatsDimension.Section => section,
                StatsDimension.Service => service,
                StatsDimension.DistrictGroup => _districts[district].GroupEn,
                StatsDimension.Pilot => _districts[district].Pilot ? "pilot" : "non-pilot",
                _ => district,
            };
            return Sums(key);
        }

        string MonthKey(int month)
        {
            if (!monthKeys.TryGetValue(month, out var text))
            {
                text = month.ToString(CultureInfo.InvariantCulture);
                monthKeys[month] = text;
            }

            return text;
        }

        StatsSums Sums(string key)
        {
            if (!byKey.TryGetValue(key, out var sums))
            {
                sums = new StatsSums();
                byKey[key] = sums;
            }

            return sums;
        }

        bool Included(string district) => pilot is null || (_districts.TryGetValue(district, out var d) && d.Pilot == pilot);

        foreach (var r in _rollups)
        {
            if (!Included(r.DistrictCode))
            {
                continue;
            }

            var c = At(r.Month, r.DistrictCode, r.SectionCode, r.ServiceCode).Counters;
            c.Received += r.Received;
            c.Decided += r.Decided;
            c.OnTime += r.OnTime;
            c.Refused += r.Refused;
            c.DeficiencyRecords += r.DeficiencyRecords;
            c.Lapsed += r.Lapsed;
            c.Withdrawn += r.Withdrawn;
            c.LeadMinutes += r.LeadMinutes;
            c.OfficeMinutes += r.OfficeMinutes;
            c.ApplicantMinutes += r.ApplicantMinutes;
        }

        foreach (var r in _leadTimes)
        {
            if (!Included(r.DistrictCode))
            {
                continue;
            }

            var buckets = At(r.Month, r.DistrictCode, r.SectionCode, r.ServiceCode).LeadTimeBuckets;
            buckets[r.Bucket] = buckets.GetValueOrDefault(r.Bucket) + r.Count;
        }

        foreach (var r in _open)
        {
            if (!Included(r.DistrictCode))
            {
                continue;
            }

            var sums = At(r.ReceivedMonth, r.DistrictCode, r.SectionCode, r.ServiceCode);
            sums.InProgress += r.InProgress;
            sums.Overdue += r.Overdue;
        }

        if (by == StatsDimension.Month)
        {
            foreach (var month in StatsCalendar.Months(_filter.FromMonth, _filter.ToMonth))
            {
                Sums(MonthKey(month));
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

    internal sealed record DistrictInfo(string Code, string GroupEn, bool Pilot);

    internal readonly record struct RollupRow(int Month, string DistrictCode, string SectionCode, string ServiceCode, long Received, long Decided, long OnTime, long Refused, long DeficiencyRecords, long Lapsed, long Withdrawn, long LeadMinutes, long OfficeMinutes, long ApplicantMinutes);

    internal readonly record struct LeadTimeRow(int Month, string DistrictCode, string SectionCode, string ServiceCode, int Bucket, long Count);

    internal readonly record struct OpenRow(int ReceivedMonth, string DistrictCode, string SectionCode, string ServiceCode, long InProgress, long Overdue);
}
