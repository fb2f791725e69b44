namespace Anuyat.Bench;

/// <summary>
/// Latency recorder in the manner of HdrHistogram: log-linear buckets (64 per power of two, so any value is kept
/// within 1.6 %), fixed memory, lock-free recording from many threads, exact counts for percentiles.
/// </summary>
public sealed class Histogram
{
    private const int SubBits = 6;
    private const int SubCount = 1 << SubBits;
    private readonly long[] _counts = new long[SubCount * 48];
    private long _total;
    private long _max;

    public long Count => Interlocked.Read(ref _total);

    /// <summary>Records one latency in microseconds.</summary>
    public void Record(long microseconds)
    {
        var v = Math.Max(0, microseconds);
        Interlocked.Increment(ref _counts[Index(v)]);
        Interlocked.Increment(ref _total);
        long seen;
        while (v > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, v, seen) != seen)
        {
        }
    }

    /// <summary>The latency (ms) at or below which the fraction <paramref name="q"/> of recorded values fall.</summary>
    public double PercentileMs(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(UpperBound(i), Interlocked.Read(ref _max)) / 1000.0;
            }
        }

        return Interlocked.Read(ref _max) / 1000.0;
    }

    public double MaxMs => Interlocked.Read(ref _max) / 1000.0;

    private static int Index(long v)
    {
        if (v < SubCount)
        {
            return (int)v;
        }

        var magnitude = 63 - (int)long.LeadingZeroCount(v); // ≥ SubBits
        var sub = (int)((v >> (magnitude - SubBits)) & (SubCount - 1));
        return ((magnitude - SubBits + 1) * SubCount) + sub;
    }

    private static long UpperBound(int index)
    {
        if (index < SubCount)
        {
            return index;
        }

        var magnitude = (index / SubCount) + SubBits - 1;
        var sub = index % SubCount;
        var low = (1L << magnitude) + ((long)sub << (magnitude - SubBits));
        return low + (1L << (magnitude - SubBits)) - 1;
    }
}
