using Anuyat.Domain.Applications;

namespace Anuyat.Domain.Stats;

/// <summary>Where a monthly rollup row belongs: the Bangkok month of the event × district × section × service.</summary>
public readonly record struct RollupKey(int Month, string DistrictCode, string SectionCode, string ServiceCode);

/// <summary>
/// One lead-time bucket of one rollup row, or of a whole district's month when section and service are
/// <see cref="AllOffices"/>: every decision is counted twice, once under its section and service and once under the
/// district alone, so the city-wide dashboard (month × pilot, and district) sums a few thousand district rows instead
/// of the hundreds of thousands of section × service rows that 10,000,000 applications fill.
/// </summary>
public readonly record struct LeadTimeKey(RollupKey Rollup, int Bucket)
{
    /// <summary>The section and service code of a district-wide histogram row; no section or service has this code.</summary>
    public const string AllOffices = "*";

    public bool IsDistrictWide => Rollup.SectionCode == AllOffices;
}

/// <summary>
/// Files still open, by the month they were received, their office, their legal deadline and whether they are with
/// the applicant (a deficiency record stops the clock). "Overdue" depends on today, so open files are counted by
/// deadline and the overdue count is the sum of the rows whose deadline has passed: no event is needed for a file
/// to become overdue. A file with no deadline yet is kept under <see cref="DateOnly.MaxValue"/>.
/// </summary>
public readonly record struct OpenKey(int ReceivedMonth, string DistrictCode, string SectionCode, string ServiceCode, DateOnly LegalDeadline, bool WithApplicant)
{
    public bool IsOverdue(DateOnly today) => !WithApplicant && LegalDeadline < today;
}

/// <summary>The counters and sums of one rollup row. Times are whole elapsed minutes (calendar time, not business days).</summary>
public sealed class RollupCounters
{
    public long Received { get; set; }

    public long Decided { get; set; }

    /// <summary>Decided on or before the legal deadline (Bangkok date of the decision ≤ the deadline).</summary>
    public long OnTime { get; set; }

    public long Refused { get; set; }

    /// <summary>Deficiency records issued (one round per application at most: Licensing Facilitation Act B.E. 2558 s.8).</summary>
    public long DeficiencyRecords { get; set; }

    public long Lapsed { get; set; }

    public long Withdrawn { get; set; }

    /// <summary>Sum over decided files of the time from sending to the decision.</summary>
    public long LeadMinutes { get; set; }

    /// <summary>Sum over decided files of the time the file was with the office (lead time less applicant time).</summary>
    public long OfficeMinutes { get; set; }

    /// <summary>Sum over decided files of the time between the deficiency record and the applicant's answer.</summary>
    public long ApplicantMinutes { get; set; }

    public bool IsZero => Received == 0 && Decided == 0 && OnTime == 0 && Refused == 0 && DeficiencyRecords == 0 && Lapsed == 0 && Withdrawn == 0
        && LeadMinutes == 0 && OfficeMinutes == 0 && ApplicantMinutes == 0;

    public void Add(RollupCounters other, long sign = 1)
    {
        Received += sign * other.Received;
        Decided += sign * other.Decided;
        OnTime += sign * other.OnTime;
        Refused += sign * other.Refused;
        DeficiencyRecords += sign * other.DeficiencyRecords;
        Lapsed += sign * other.Lapsed;
        Withdrawn += sign * other.Withdrawn;
        LeadMinutes += sign * other.LeadMinutes;
        OfficeMinutes += sign * other.OfficeMinutes;
        ApplicantMinutes += sign * other.ApplicantMinutes;
    }
}

/// <summary>
/// The strategy office's numbers as a sum of per-application contributions. The incremental path adds the new facts
/// of a changed application and subtracts its old facts; the rebuild adds every application once. Both use this one
/// function, which is why they give identical numbers.
/// </summary>
public sealed class RollupDelta
{
    public Dictionary<RollupKey, RollupCounters> Rollups { get; } = [];

    public Dictionary<LeadTimeKey, long> LeadTimes { get; } = [];

    public Dictionary<OpenKey, long> Open { get; } = [];

    public bool IsEmpty => Rollups.Count == 0 && LeadTimes.Count == 0 && Open.Count == 0;

    /// <summary>Adds (sign 1) or removes (sign −1) one application's contribution; null facts contribute nothing.</summary>
    public void Add(ApplicationFacts? facts, int sign)
    {
        if (facts?.SubmittedAt is not { } submitted)
        {
            return; // drafts are not the office's work yet
        }

        Counters(facts, submitted).Received += sign;
        if (facts.DeficiencyIssuedAt is { } issued)
        {
            Counters(facts, issued).DeficiencyRecords += sign;
        }

        if (facts.DecidedAt is { } decided)
        {
            var row = Counters(facts, decided);
            row.Decided += sign;
            if (facts.Decision == DecisionOutcome.Refused)
            {
                row.Refused += sign;
            }

            if (facts.LegalDeadline is { } deadline && StatsCalendar.BangkokDate(decided) <= deadline)
            {
                row.OnTime += sign;
            }

            var lead = Minutes(submitted, decided);
            var withApplicant = facts.DeficiencyIssuedAt is { } from && facts.DeficiencyAnsweredAt is { } to && to <= decided
                ? Math.Min(lead, Minutes(from, to))
                : 0;
            row.LeadMinutes += sign * lead;
            row.ApplicantMinutes += sign * withApplicant;
            row.OfficeMinutes += sign * (lead - withApplicant);
            var bucket = new LeadTimeKey(Key(facts, decided), LeadTimeHistogram.BucketOf(lead));
            LeadTimes[bucket] = LeadTimes.GetValueOrDefault(bucket) + sign;
            var districtWide = bucket with { Rollup = bucket.Rollup with { SectionCode = LeadTimeKey.AllOffices, ServiceCode = LeadTimeKey.AllOffices } };
            LeadTimes[districtWide] = LeadTimes.GetValueOrDefault(districtWide) + sign;
        }
        else if (!facts.Status.IsClosed())
        {
            var open = new OpenKey(StatsCalendar.MonthKey(submitted), facts.DistrictCode, facts.SectionCode, facts.ServiceCode,
                facts.LegalDeadline ?? DateOnly.MaxValue, facts.Status == ApplicationStatus.Deficient);
            Open[open] = Open.GetValueOrDefault(open) + sign;
        }

        if (facts.ClosedAt is { } closed)
        {
            if (facts.Status == ApplicationStatus.Lapsed)
            {
                Counters(facts, closed).Lapsed += sign;
            }
            else if (facts.Status == ApplicationStatus.Withdrawn)
            {
                Counters(facts, closed).Withdrawn += sign;
            }
        }
    }

    /// <summary>Drops the entries that cancelled out (an unchanged fact subtracted and added again).</summary>
    public void RemoveZeros()
    {
        foreach (var key in Rollups.Where(r => r.Value.IsZero).Select(r => r.Key).ToList())
        {
            Rollups.Remove(key);
        }

        foreach (var key in LeadTimes.Where(r => r.Value == 0).Select(r => r.Key).ToList())
        {
            LeadTimes.Remove(key);
        }

        foreach (var key in Open.Where(r => r.Value == 0).Select(r => r.Key).ToList())
        {
            Open.Remove(key);
        }
    }

    private static long Minutes(DateTime from, DateTime to) => Math.Max(0, (long)Math.Floor((to - from).TotalMinutes));

    private static RollupKey Key(ApplicationFacts facts, DateTime at) =>
        new(StatsCalendar.MonthKey(at), facts.DistrictCode, facts.SectionCode, facts.ServiceCode);

    private RollupCounters Counters(ApplicationFacts facts, DateTime at)
    {
        var key = Key(facts, at);
        if (!Rollups.TryGetValue(key, out var counters))
        {
            counters = new RollupCounters();
            Rollups[key] = counters;
        }

        return counters;
    }
}
