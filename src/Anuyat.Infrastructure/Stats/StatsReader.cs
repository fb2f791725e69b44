using System.Collections.Concurrent;
using System.Globalization;
using Anuyat.Domain.Stats;
using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
/// Reads the dashboard's tables from the three rollup tables only, never from applications, so a read costs the same
/// over 10,000,000 applications as over the number of months × offices × services × lead-time buckets the rollups
/// hold. Each rollup table is summed on the database in two shapes, and only the sums travel: by month and pilot flag
/// (for the trend), and by office over the whole range, down to the detail the breakdown needs (district; or
/// district and section; or district and service) — about 5,000 short rows at city level instead of the 35,000 rows
/// of the slice, which is what a cold read costs (materialising rows, not the database's summing, was 86 % of it).
/// District groups and pilot districts are folds of districts in memory. "In progress" and "overdue" are the files
/// received in the range that are open now; overdue as of <c>today</c> (Bangkok), the same rule as the office queue:
/// open, not with the applicant, deadline passed. Reads go to the dashboard replica when one is configured
/// (<see cref="ReadOnlyDb"/>), else the primary. A slice read within the last <see cref="StatsSliceCache.Lifetime"/>
/// for the same tenant, filter, detail and day is answered from memory.
/// </summary>
public sealed class StatsReader(ReadOnlyDb replica, StatsSliceCache cache, ITenantContext tenant, TimeProvider clock, IServiceProvider services)
{
    private readonly AnuyatDbContext _db = replica.Context;

    /// <summary>One table of one slice (the API and the map): <see cref="ReadSliceAsync"/> then <see cref="StatsSlice.Table"/>.</summary>
    public async Task<StatsTable> ReadAsync(StatsFilter filter, StatsDimension by, DateOnly today, CancellationToken cancellationToken = default) =>
        (await ReadSliceAsync(filter, today, by, cancellationToken)).Table(by);

    /// <summary>
    /// The sums of a slice, read once (or taken from the cache); a page takes all its tables from the result.
    /// <paramref name="breakdown"/> is the finest office dimension any table of the result will be broken down by.
    /// </summary>
    public Task<StatsSlice> ReadSliceAsync(StatsFilter filter, DateOnly today, StatsDimension breakdown, CancellationToken cancellationToken = default)
    {
        var detail = StatsSlice.DetailFor(breakdown);
        return cache.GetOrReadAsync(tenant.TenantId, filter, today, detail, services, (scope, ct) => scope.GetRequiredService<StatsReader>().ReadFromDatabaseAsync(filter, today, breakdown, ct), cancellationToken);
    }

    /// <summary>The sums of a slice, always from the database (the tests compare it with SQL sums).</summary>
    public async Task<StatsSlice> ReadFromDatabaseAsync(StatsFilter filter, DateOnly today, StatsDimension breakdown, CancellationToken cancellationToken = default)
    {
        var readAt = clock.GetUtcNow().UtcDateTime;
        var detail = StatsSlice.DetailFor(breakdown);
        var districts = await _db.Districts.AsNoTracking().Select(d => new StatsSlice.DistrictInfo(d.Code, d.GroupEn, d.Pilot)).ToListAsync(cancellationToken);
        var chosen = districts
            .Where(d => filter.District is null || d.Code == filter.District)
            .Where(d => filter.DistrictGroup is null || d.GroupEn == filter.DistrictGroup)
            .Where(d => filter.Pilot is null || d.Pilot == filter.Pilot)
            .Select(d => d.Code)
            .ToList();
        var allDistricts = chosen.Count == districts.Count;
        var pilots = districts.Where(d => d.Pilot).Select(d => d.Code).ToList();

        // Month first: it leads each table's primary key after the tenant (which the tenant filter fixes), so the range
        // is an index range; a district filter adds district_code IN (…), which the (district_code, month) index serves.
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

        // The detail the breakdown needs; a column not needed is summed over (grouped as one empty key).
        var bySection = detail == StatsSlice.Detail.Section;
        var byService = detail == StatsSlice.Detail.Service;

        // Lead times: with no section or service asked for, the district-wide histogram rows answer (a few thousand
        // at any size); otherwise the section × service rows, without the district-wide ones.
        var districtWide = filter.Section is null && filter.Service is null;
        var monthLeadTimeRows = districtWide ? leadTimes.Where(r => r.SectionCode == LeadTimeKey.AllOffices) : leadTimes.Where(r => r.SectionCode != LeadTimeKey.AllOffices);
        var officeLeadTimeRows = districtWide && detail == StatsSlice.Detail.District ? monthLeadTimeRows : leadTimes.Where(r => r.SectionCode != LeadTimeKey.AllOffices);

        var monthCounters = await rollups
            .GroupBy(r => new { r.Month, Pilot = pilots.Contains(r.DistrictCode) })
            .Select(g => new StatsSlice.Sums<StatsSlice.MonthKey>(new(g.Key.Month, g.Key.Pilot), g.Sum(r => r.Received), g.Sum(r => r.Decided), g.Sum(r => r.OnTime), g.Sum(r => r.Refused), g.Sum(r => r.DeficiencyRecords), g.Sum(r => r.Lapsed), g.Sum(r => r.Withdrawn), g.Sum(r => r.LeadMinutes), g.Sum(r => r.OfficeMinutes), g.Sum(r => r.ApplicantMinutes)))
            .ToListAsync(cancellationToken);
        var officeCounters = await rollups
            .GroupBy(r => new { r.DistrictCode, Section = bySection ? r.SectionCode : "", Service = byService ? r.ServiceCode : "" })
            .Select(g => new StatsSlice.Sums<StatsSlice.OfficeKey>(new(g.Key.DistrictCode, g.Key.Section, g.Key.Service), g.Sum(r => r.Received), g.Sum(r => r.Decided), g.Sum(r => r.OnTime), g.Sum(r => r.Refused), g.Sum(r => r.DeficiencyRecords), g.Sum(r => r.Lapsed), g.Sum(r => r.Withdrawn), g.Sum(r => r.LeadMinutes), g.Sum(r => r.OfficeMinutes), g.Sum(r => r.ApplicantMinutes)))
            .ToListAsync(cancellationToken);
        var monthLeadTimes = await monthLeadTimeRows
            .GroupBy(r => new { r.Month, Pilot = pilots.Contains(r.DistrictCode), r.Bucket })
            .Select(g => new StatsSlice.Bucket<StatsSlice.MonthKey>(new(g.Key.Month, g.Key.Pilot), g.Key.Bucket, g.Sum(r => r.Count)))
            .ToListAsync(cancellationToken);
        var officeLeadTimes = await officeLeadTimeRows
            .GroupBy(r => new { r.DistrictCode, Section = bySection ? r.SectionCode : "", Service = byService ? r.ServiceCode : "", r.Bucket })
            .Select(g => new StatsSlice.Bucket<StatsSlice.OfficeKey>(new(g.Key.DistrictCode, g.Key.Section, g.Key.Service), g.Key.Bucket, g.Sum(r => r.Count)))
            .ToListAsync(cancellationToken);

        // Deadlines and holders are folded in SQL: the page needs only the two sums, and "overdue" is compared on the
        // database as before.
        var monthOpen = await open
            .GroupBy(r => new { Month = r.ReceivedMonth, Pilot = pilots.Contains(r.DistrictCode) })
            .Select(g => new StatsSlice.Open<StatsSlice.MonthKey>(new(g.Key.Month, g.Key.Pilot), g.Sum(r => r.Count), g.Sum(r => !r.WithApplicant && r.LegalDeadline < today ? r.Count : 0)))
            .ToListAsync(cancellationToken);
        var officeOpen = await open
            .GroupBy(r => new { r.DistrictCode, Section = bySection ? r.SectionCode : "", Service = byService ? r.ServiceCode : "" })
            .Select(g => new StatsSlice.Open<StatsSlice.OfficeKey>(new(g.Key.DistrictCode, g.Key.Section, g.Key.Service), g.Sum(r => r.Count), g.Sum(r => !r.WithApplicant && r.LegalDeadline < today ? r.Count : 0)))
            .ToListAsync(cancellationToken);
        return new StatsSlice(filter, detail, readAt, districts, new(monthCounters, monthLeadTimes, monthOpen), new(officeCounters, officeLeadTimes, officeOpen));
    }
}

/// <summary>The sums of one slice in memory, in the two shapes read; each table of a page is a fold over one of them.</summary>
public sealed class StatsSlice
{
    private readonly ConcurrentDictionary<(StatsDimension By, bool? Pilot), StatsTable> _tables = new();
    private readonly StatsFilter _filter;
    private readonly Dictionary<string, DistrictInfo> _districts;
    private readonly Shape<MonthKey> _byMonth;
    private readonly Shape<OfficeKey> _byOffice;

    internal StatsSlice(StatsFilter filter, Detail detail, DateTime readAt, List<DistrictInfo> districts, Shape<MonthKey> byMonth, Shape<OfficeKey> byOffice)
    {
        _filter = filter;
        ReadAt = readAt;
        Depth = detail;
        _districts = districts.ToDictionary(d => d.Code, StringComparer.Ordinal);
        _byMonth = byMonth;
        _byOffice = byOffice;
    }

    /// <summary>How far below the district the office sums of a slice go.</summary>
    public enum Detail
    {
        District,
        Section,
        Service,
    }

    /// <summary>When the sums were read from the database (UTC): the figures are as of this instant.</summary>
    public DateTime ReadAt { get; }

    public Detail Depth { get; }

    /// <summary>The detail a breakdown by <paramref name="by"/> needs: month, pilot and district group need only districts.</summary>
    public static Detail DetailFor(StatsDimension by) => by switch
    {
        StatsDimension.Section => Detail.Section,
        StatsDimension.Service => Detail.Service,
        _ => Detail.District,
    };

    /// <summary>
    /// One table of the slice. <paramref name="pilot"/> narrows it further to pilot or other districts (the dashboard
    /// reads its slice for both and shows the pilot comparison over both). Each table is folded once per slice and
    /// kept with it, so a cached slice serves its tables without folding again; callers must not change them.
    /// </summary>
    public StatsTable Table(StatsDimension by, bool? pilot = null)
    {
        if (by is StatsDimension.Section or StatsDimension.Service && DetailFor(by) != Depth)
        {
            throw new InvalidOperationException($"A slice read to the {Depth} detail has no {by} breakdown: read it with that breakdown.");
        }

        return _tables.GetOrAdd((by, pilot), key => key.By == StatsDimension.Month ? FoldMonths(key.Pilot) : FoldOffices(key.By, key.Pilot));
    }

    private StatsTable FoldMonths(bool? pilot)
    {
        var byMonth = StatsCalendar.Months(_filter.FromMonth, _filter.ToMonth).ToDictionary(m => m, _ => new StatsSums());
        return Fold(StatsDimension.Month, _byMonth, k => pilot is null || k.Pilot == pilot, k => byMonth.TryGetValue(k.Month, out var sums) ? sums : byMonth[k.Month] = new StatsSums(), () => byMonth.Select(m => (m.Key.ToString(CultureInfo.InvariantCulture), m.Value)));
    }

    private StatsTable FoldOffices(StatsDimension by, bool? pilot)
    {
        var byKey = new Dictionary<string, StatsSums>(StringComparer.Ordinal);
        bool Included(OfficeKey k) => pilot is null || (_districts.TryGetValue(k.District, out var d) && d.Pilot == pilot);
        StatsSums At(OfficeKey k)
        {
            var key = by switch
            {
                StatsDimension.Section => k.Section,
                StatsDimension.Service => k.Service,
                StatsDimension.DistrictGroup => _districts[k.District].GroupEn,
                StatsDimension.Pilot => _districts[k.District].Pilot ? "pilot" : "non-pilot",
                _ => k.District,
            };
            if (!byKey.TryGetValue(key, out var sums))
            {
                sums = new StatsSums();
                byKey[key] = sums;
            }

            return sums;
        }

        return Fold(by, _byOffice, Included, At, () => byKey.Select(r => (r.Key, r.Value)));
    }

    private static StatsTable Fold<TKey>(StatsDimension by, Shape<TKey> shape, Func<TKey, bool> included, Func<TKey, StatsSums> at, Func<IEnumerable<(string Key, StatsSums Sums)>> rows)
    {
        foreach (var r in shape.Counters)
        {
            if (!included(r.Key))
            {
                continue;
            }

            var c = at(r.Key).Counters;
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

        foreach (var r in shape.LeadTimes)
        {
            if (included(r.Key))
            {
                var buckets = at(r.Key).LeadTimeBuckets;
                buckets[r.Index] = buckets.GetValueOrDefault(r.Index) + r.Count;
            }
        }

        foreach (var r in shape.Open)
        {
            if (included(r.Key))
            {
                var sums = at(r.Key);
                sums.InProgress += r.InProgress;
                sums.Overdue += r.Overdue;
            }
        }

        var total = new StatsSums();
        var list = rows().OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        foreach (var (_, sums) in list)
        {
            total.Add(sums);
        }

        return new StatsTable(by, [.. list.Select(r => new StatsRow(r.Key, StatsFigures.From(r.Sums), r.Sums))], StatsFigures.From(total));
    }

    internal sealed record DistrictInfo(string Code, string GroupEn, bool Pilot);

    internal readonly record struct MonthKey(int Month, bool Pilot);

    /// <summary>Section or service is empty when the slice's detail does not reach it.</summary>
    internal readonly record struct OfficeKey(string District, string Section, string Service);

    internal readonly record struct Sums<TKey>(TKey Key, long Received, long Decided, long OnTime, long Refused, long DeficiencyRecords, long Lapsed, long Withdrawn, long LeadMinutes, long OfficeMinutes, long ApplicantMinutes);

    internal readonly record struct Bucket<TKey>(TKey Key, int Index, long Count);

    internal readonly record struct Open<TKey>(TKey Key, long InProgress, long Overdue);

    internal sealed record Shape<TKey>(List<Sums<TKey>> Counters, List<Bucket<TKey>> LeadTimes, List<Open<TKey>> Open);
}
