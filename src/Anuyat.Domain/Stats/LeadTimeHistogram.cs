namespace Anuyat.Domain.Stats;

/// <summary>
/// A fixed histogram of lead times in whole calendar days (elapsed time rounded up), so the median and the 90th
/// percentile of any slice come from summing bucket counts, never from reading applications. One-day buckets up to
/// 60 days (the common legal deadlines are 5 to 45 business days), then 5, 15 and 30 days wide, then an overflow.
/// A percentile is reported as the upper edge of the bucket that holds it: exact to the day up to 60 days.
/// </summary>
public static class LeadTimeHistogram
{
    /// <summary>Upper edge in days of each bucket, inclusive; the last bucket is the overflow above 730 days.</summary>
    public static readonly IReadOnlyList<int> UpperEdges = BuildEdges();

    public static int OverflowBucket => UpperEdges.Count - 1;

    /// <summary>What the overflow bucket reports: "more than 730 days".</summary>
    public const int OverflowDays = 731;

    public static int WholeDays(long minutes) => minutes <= 0 ? 0 : (int)Math.Min(int.MaxValue, (minutes + 1439) / 1440);

    public static int BucketOf(long minutes)
    {
        var days = WholeDays(minutes);
        for (var i = 0; i < UpperEdges.Count - 1; i++)
        {
            if (days <= UpperEdges[i])
            {
                return i;
            }
        }

        return OverflowBucket;
    }

    /// <summary>Nearest-rank percentile (0 &lt; p ≤ 1) in days; null when there is nothing to rank.</summary>
    public static int? Percentile(IReadOnlyDictionary<int, long> countsByBucket, double p)
    {
        var total = countsByBucket.Values.Sum();
        if (total <= 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(p * total);
        rank = Math.Clamp(rank, 1, total);
        long running = 0;
        foreach (var bucket in countsByBucket.Keys.Order())
        {
            running += countsByBucket[bucket];
            if (running >= rank)
            {
                return bucket >= OverflowBucket ? OverflowDays : UpperEdges[Math.Max(0, bucket)];
            }
        }

        return OverflowDays;
    }

    private static int[] BuildEdges()
    {
        var edges = new List<int>();
        for (var d = 0; d <= 60; d++)
        {
            edges.Add(d);
        }

        for (var d = 65; d <= 120; d += 5)
        {
            edges.Add(d);
        }

        for (var d = 135; d <= 180; d += 15)
        {
            edges.Add(d);
        }

        for (var d = 210; d <= 360; d += 30)
        {
            edges.Add(d);
        }

        edges.AddRange([450, 540, 730, int.MaxValue]);
        return [.. edges];
    }
}
