using System.Collections.Concurrent;

namespace Anuyat.Infrastructure.Stats;

/// <summary>
/// Keeps each dashboard slice that was read for at most <see cref="Lifetime"/> (<c>Stats:CacheSeconds</c>, 60 by
/// default; 0 turns it off), so a page asked for again within that time costs no database read at all, however many
/// applications there are: the page's answer time stops depending on the size of the rollups, which is what keeps
/// the dashboard as fast over 10,000,000 applications as over 10,000. The figures are then up to a minute behind the
/// last event, and every page and API answer says when its figures were read (<see cref="StatsSlice.ReadAt"/>).
/// The key holds the tenant, the filter, the breakdown's detail and the Bangkok date that "overdue" is judged on, so a slice never crosses
/// tenants or days. When an entry is older than the lifetime, one request reads it again while the others keep
/// serving the old entry until the new one is in (no herd of identical reads at each expiry).
/// </summary>
public sealed class StatsSliceCache(TimeSpan lifetime, TimeProvider clock)
{
    /// <summary>Enough for every filter the strategy office uses in a minute; beyond it the cache starts afresh rather than grow.</summary>
    private const int MaximumEntries = 2_000;

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    public TimeSpan Lifetime => lifetime;

    public async Task<StatsSlice> GetOrReadAsync(string tenantId, StatsFilter filter, DateOnly today, StatsSlice.Detail detail, Func<Task<StatsSlice>> read)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return await read();
        }

        var key = new Key(tenantId, filter, today, detail);
        var now = clock.GetUtcNow().UtcDateTime;
        if (_entries.TryGetValue(key, out var entry))
        {
            var fresh = now >= entry.ReadStartedAt && now - entry.ReadStartedAt < lifetime;
            if (fresh || Interlocked.Exchange(ref entry.Refreshing, 1) == 1)
            {
                return entry.Slice;
            }

            try
            {
                var renewed = await read();
                _entries[key] = new Entry(renewed, now);
                return renewed;
            }
            catch
            {
                Volatile.Write(ref entry.Refreshing, 0); // let the next request try again
                throw;
            }
        }

        var slice = await read();
        if (_entries.Count >= MaximumEntries)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(slice, now);
        return slice;
    }

    /// <summary>After <c>stats rebuild</c> in this process, or a sandbox reset: the next read goes to the database.</summary>
    public void Clear() => _entries.Clear();

    private readonly record struct Key(string TenantId, StatsFilter Filter, DateOnly Today, StatsSlice.Detail Detail);

    private sealed class Entry(StatsSlice slice, DateTime readStartedAt)
    {
        public StatsSlice Slice { get; } = slice;

        /// <summary>Counted from before the read, so an entry is never kept longer than the lifetime after its figures.</summary>
        public DateTime ReadStartedAt { get; } = readStartedAt;

        /// <summary>1 while one request is reading this entry's replacement.</summary>
        public int Refreshing;
    }
}
