namespace Anuyat.Web.Features.Demo;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by its algorithm (unlike <see cref="Random"/>, whose seeded
/// sequence is not promised across .NET versions), so the same seed gives the same demo data on any machine. Each
/// application gets its own stream from (seed, index), so a row never depends on how many rows came before it.
/// </summary>
public struct DemoRandom(ulong state)
{
    private ulong _state = state;

    public static DemoRandom For(long seed, string stream, long index) =>
        new(Mix(Mix((ulong)seed ^ 0x9E3779B97F4A7C15UL) ^ StableHash(stream)) ^ Mix((ulong)index + 0x632BE59BD9B4E019UL));

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max) => (int)(NextDouble() * max);

    public int Next(int min, int max) => min + Next(max - min);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Log-normal with median 1: waiting times are skewed, most short and a few very long.</summary>
    public double LogNormal(double sigma)
    {
        // Box–Muller; 1 - u keeps the logarithm finite.
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Exp(sigma * normal);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Index chosen in proportion to the weights.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>A GUID laid out like version 7 (time first, so inserts stay in index order) with bits from this stream.</summary>
    public Guid TimeOrderedGuid(DateTime utc)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (40 - (8 * i)));
        }

        var a = NextULong();
        var b = NextULong();
        for (var i = 6; i < 16; i++)
        {
            bytes[i] = (byte)((i < 14 ? a : b) >> (8 * (i % 8)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong StableHash(string text)
    {
        // FNV-1a: string.GetHashCode is randomised per process.
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
