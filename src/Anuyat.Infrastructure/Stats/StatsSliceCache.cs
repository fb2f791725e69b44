using System.Collections.Concurrent;
using Anuyat.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Anuyat.Infrastructure.Stats;

/// <summary>
/// Keeps each dashboard slice that was read for <see cref="Lifetime"/> (<c>Stats:CacheSeconds</c>, 60 by default;
/// 0 turns it off), so a page asked for again costs no database read at all, however many applications there are:
/// the page's answer time stops depending on the size of the rollups, which is what keeps the dashboard as fast over
/// 10,000,000 applications as over 10,000. When an entry is older than the lifetime, the request that notices gets
/// the old entry at once and one read of the new one starts in the background, in a scope of its own for the same
/// tenant; the others keep the old entry until the new one is in. Only the first look at a filter in a process waits
/// for the database. The figures are therefore at most <see cref="MaximumAge"/> behind the last event, and every page and API
/// answer says when its figures were read (<see cref="StatsSlice.ReadAt"/>). The key holds the tenant, the filter,
/// the breakdown's detail and the Bangkok date that "overdue" is judged on, so a slice never crosses tenants or days.
/// </summary>
public sealed class StatsSliceCache(TimeSpan lifetime, TimeProvider clock, IServiceScopeFactory scopes, ILogger<StatsSliceCache> log)
{
    /// <summary>
    /// Enough for every filter the strategy office looks at in two minutes. A city-wide slice at 10,000,000
    /// applications holds about 4,000 short rows (≈ 0.2 MB with its folded tables), so this bounds the cache near
    /// 50 MB however many distinct filters are asked for (a crawler following every drill-down link, say).
    /// </summary>
    public const int MaximumEntries = 256;

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();
    private readonly ConcurrentDictionary<Key, Task> _refreshes = new();

    public TimeSpan Lifetime => lifetime;

    /// <summary>
    /// The oldest figures ever served: an entry past its lifetime is still served while its replacement is read, but
    /// one not asked for in twice the lifetime (a quiet hour) is read again before answering.
    /// </summary>
    public TimeSpan MaximumAge => lifetime * 2;

    /// <summary>
    /// The slice for the key, from memory when there is one. <paramref name="read"/> reads it from the database with the
    /// services of a scope: the caller's for the first read, a new scope for the tenant for a background refresh.
    /// </summary>
    public async Task<StatsSlice> GetOrReadAsync(string tenantId, StatsFilter filter, DateOnly today, StatsSlice.Detail detail, IServiceProvider services, Func<IServiceProvider, CancellationToken, Task<StatsSlice>> read, CancellationToken cancellationToken = default)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return await read(services, cancellationToken);
        }

        var key = new Key(tenantId, filter, today, detail);
        var now = clock.GetUtcNow().UtcDateTime;
        if (_entries.TryGetValue(key, out var entry) && now >= entry.ReadStartedAt && now - entry.ReadStartedAt < MaximumAge)
        {
            var fresh = now - entry.ReadStartedAt < lifetime;
            if (!fresh && Interlocked.Exchange(ref entry.Refreshing, 1) == 0)
            {
                _refreshes[key] = Task.Run(() => RefreshAsync(key, entry, read), CancellationToken.None);
            }

            return entry.Slice;
        }

        var slice = await read(services, cancellationToken);
        Store(key, slice, now);
        return slice;
    }

    /// <summary>Completes when every background refresh started so far has ended (tests, and a clean stop).</summary>
    public Task WhenRefreshedAsync() => Task.WhenAll(_refreshes.Values);

    /// <summary>After a sandbox reset in this process: the next read goes to the database.</summary>
    public void Clear() => _entries.Clear();

    private async Task RefreshAsync(Key key, Entry stale, Func<IServiceProvider, CancellationToken, Task<StatsSlice>> read)
    {
        try
        {
            var startedAt = clock.GetUtcNow().UtcDateTime;
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(key.TenantId);
            Store(key, await read(scope.ServiceProvider, CancellationToken.None), startedAt);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The old figures stay (their "as of" says how old they are); the next request after this tries again.
            log.LogWarning(e, "Refreshing a dashboard slice failed; the previous figures are kept");
            Volatile.Write(ref stale.Refreshing, 0);
        }
        finally
        {
            _refreshes.TryRemove(key, out _);
        }
    }

    /// <summary>Slices held now (at most <see cref="MaximumEntries"/>).</summary>
    public int Count => _entries.Count;

    private void Store(Key key, StatsSlice slice, DateTime readStartedAt)
    {
        if (_entries.Count >= MaximumEntries)
        {
            // Those too old to be served go first; if every entry is recent, start afresh rather than grow.
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (k, e) in _entries)
            {
                if (now - e.ReadStartedAt >= MaximumAge || now < e.ReadStartedAt)
                {
                    _entries.TryRemove(k, out _);
                }
            }

            if (_entries.Count >= MaximumEntries)
            {
                _entries.Clear();
            }
        }

        _entries[key] = new Entry(slice, readStartedAt);
    }

    private readonly record struct Key(string TenantId, StatsFilter Filter, DateOnly Today, StatsSlice.Detail Detail);

    private sealed class Entry(StatsSlice slice, DateTime readStartedAt)
    {
        public StatsSlice Slice { get; } = slice;

        /// <summary>Counted from before the read, so an entry is never taken for fresher than its figures.</summary>
        public DateTime ReadStartedAt { get; } = readStartedAt;

        /// <summary>1 while a background read of this entry's replacement runs.</summary>
        public int Refreshing;
    }
}
