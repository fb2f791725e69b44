using System.Collections.Concurrent;

namespace Anuyat.Infrastructure.Accounts;

/// <summary>
/// Remembers, for a short time, which active account a bearer token belongs to, so an API caller's every request does
/// not cost a token-and-account query (a quarter of the processor time of a page request before; issue 11).
/// An entry is used only while it is younger than <see cref="Lifetime"/> (Accounts:SessionCheckInterval, the same
/// bound the cookie sessions have), the token has not expired, and no account or token was changed by this process
/// since it was filled (<see cref="AccountChanges"/>): a revocation or deactivation made here applies at the next
/// request, one made by another app instance within the lifetime. Unknown tokens are never remembered.
/// </summary>
public sealed class ApiTokenCache(TimeSpan lifetime)
{
    /// <summary>Enough for every token in use at once; beyond it the cache starts afresh rather than grow.</summary>
    private const int MaximumEntries = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => lifetime;

    public bool TryGet(string tokenHash, DateTime now, out Account account)
    {
        account = null!;
        if (lifetime <= TimeSpan.Zero || !_entries.TryGetValue(tokenHash, out var entry))
        {
            return false;
        }

        if (entry.Generation != AccountChanges.Generation || now < entry.CachedAt || now - entry.CachedAt >= lifetime || entry.TokenExpiresAt <= now)
        {
            _entries.TryRemove(KeyValuePair.Create(tokenHash, entry));
            return false;
        }

        account = entry.Account;
        return true;
    }

    /// <param name="generation">The <see cref="AccountChanges.Generation"/> read before the lookup began.</param>
    public void Set(string tokenHash, Account account, DateTime tokenExpiresAt, DateTime now, long generation)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count >= MaximumEntries)
        {
            _entries.Clear();
        }

        _entries[tokenHash] = new Entry(account, tokenExpiresAt, now, generation);
    }

    private sealed record Entry(Account Account, DateTime TokenExpiresAt, DateTime CachedAt, long Generation);
}
