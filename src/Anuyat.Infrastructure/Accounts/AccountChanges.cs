using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Anuyat.Infrastructure.Accounts;

/// <summary>
/// A process-wide counter that moves whenever this process changes an account or an API token (a save through
/// <see cref="Persistence.AnuyatDbContext"/>, a bulk revocation, a sandbox reset). Caches of "who is this token"
/// compare it, so a revocation, deactivation or re-scoping made here takes effect at the next request; changes made by
/// another app instance reach this one when the cache entry expires (at most Accounts:SessionCheckInterval).
/// </summary>
public static class AccountChanges
{
    private static long _generation;

    public static long Generation => Interlocked.Read(ref _generation);

    public static void Bump() => Interlocked.Increment(ref _generation);

    /// <summary>
    /// True when the pending save adds, changes or removes an account or a token. Call it after changes were detected
    /// (the context's save does so first): it does not detect them again, which would cost a second pass over every
    /// tracked entity.
    /// </summary>
    public static bool Pending(ChangeTracker tracker)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries())
            {
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity is Account or ApiToken)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
