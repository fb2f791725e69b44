using System.Collections.Concurrent;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>
/// A process-wide, thread-safe cache with a hard bound on entries and on their summed weight (e.g. characters),
/// for results that are a pure function of their key and the loaded fonts: shaped runs, wrapped lines. It keeps two
/// generations: new entries go into the current one; when that is full it becomes the previous one and the old
/// previous one is dropped whole. A hit in the previous generation is copied forward, so what every document uses
/// (the fixed labels) survives and one-off texts (a holder's name, the prefixes line breaking measures) age out.
/// At most two generations are alive, so at most 2 × <c>maxEntries</c> entries and 2 × <c>maxWeight</c> weight.
/// Values must be immutable: they are handed to many threads at once.
/// </summary>
internal sealed class PdfBoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly int _maxEntries;
    private readonly long _maxWeight;
    private readonly Func<TKey, TValue, long> _weigh;
    private readonly Lock _rotating = new();
    private Generation _current = new();
    private Generation _previous = new();

    public PdfBoundedCache(int maxEntries, long maxWeight, Func<TKey, TValue, long> weigh)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWeight, 1);
        _maxEntries = maxEntries;
        _maxWeight = maxWeight;
        _weigh = weigh;
    }

    /// <summary>Entries alive in both generations (for tests and diagnostics).</summary>
    public int Count => _current.Map.Count + _previous.Map.Count;

    /// <summary>Summed weight alive in both generations.</summary>
    public long Weight => Volatile.Read(ref _current.Weight) + Volatile.Read(ref _previous.Weight);

    /// <summary>How many times the current generation was retired (for tests).</summary>
    public int Rotations { get; private set; }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        var current = Volatile.Read(ref _current);
        if (current.Map.TryGetValue(key, out var value))
        {
            return value;
        }

        var previous = Volatile.Read(ref _previous);
        var found = previous.Map.TryGetValue(key, out value);
        if (!found)
        {
            value = create(key);
        }

        Add(current, key, value!);
        return value!;
    }

    private void Add(Generation generation, TKey key, TValue value)
    {
        var weight = _weigh(key, value);
        if (weight > _maxWeight)
        {
            return; // Larger than a whole generation: used once, never kept.
        }

        if (!generation.Map.TryAdd(key, value))
        {
            return; // Another thread added the same key (with an equal value) first.
        }

        var count = Interlocked.Increment(ref generation.Entries);
        var total = Interlocked.Add(ref generation.Weight, weight);
        if (count < _maxEntries && total < _maxWeight)
        {
            return;
        }

        lock (_rotating)
        {
            // Only the thread that filled the generation still current retires it; the others see it gone.
            if (ReferenceEquals(_current, generation))
            {
                Volatile.Write(ref _previous, generation);
                Volatile.Write(ref _current, new Generation());
                Rotations++;
            }
        }
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<TKey, TValue> Map = new();
        public int Entries;
        public long Weight;
    }
}
