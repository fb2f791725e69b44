using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Idempotency;

/// <summary>What to do with a request that carries an <c>Idempotency-Key</c>.</summary>
public enum IdempotencyDecision
{
    /// <summary>First time: the key is now held as in progress; run the handler, then complete or release.</summary>
    Run,

    /// <summary>Done before with the same request: send the stored response again.</summary>
    Replay,

    /// <summary>The key was used for a different request (→ 422).</summary>
    KeyReused,

    /// <summary>The first request with this key is still running (→ 409, retry later).</summary>
    InProgress,
}

public sealed record IdempotencyBegin(IdempotencyDecision Decision, IdempotencyRecord? Record = null);

/// <summary>
/// Idempotency records in the database. The primary key (caller, key) is the lock: exactly one of several concurrent
/// requests inserts the row and runs; the others see it. Records live 24 hours (API.md), then <see cref="PurgeExpiredAsync"/>
/// removes them.
/// </summary>
public sealed class IdempotencyStore(AnuyatDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Responses larger than this are not kept; a replay of such a request answers 409 rather than run twice.</summary>
    public const int MaxStoredBody = 1024 * 1024;

    public async Task<IdempotencyBegin> BeginAsync(string caller, string key, string requestHash, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var record = new IdempotencyRecord { Caller = caller, Key = key, RequestHash = requestHash, CreatedAt = now, ExpiresAt = now + Lifetime };
            db.Set<IdempotencyRecord>().Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new IdempotencyBegin(IdempotencyDecision.Run, record);
            }
            catch (DbUpdateException)
            {
                // The key is taken (or being taken right now by a concurrent request): look at what holds it.
                db.ChangeTracker.Clear();
            }

            var existing = await db.Set<IdempotencyRecord>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, cancellationToken);
            if (existing is null)
            {
                continue; // Released between our insert and our read: try to take it again.
            }

            if (existing.ExpiresAt <= now)
            {
                // An expired record not yet purged: the key is free again.
                await db.Set<IdempotencyRecord>().Where(r => r.Caller == caller && r.Key == key && r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
                continue;
            }

            if (!string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal))
            {
                return new IdempotencyBegin(IdempotencyDecision.KeyReused, existing);
            }

            return new IdempotencyBegin(existing.Completed ? IdempotencyDecision.Replay : IdempotencyDecision.InProgress, existing);
        }

        return new IdempotencyBegin(IdempotencyDecision.InProgress);
    }

    /// <summary>Stores the response the handler gave, for replay.</summary>
    public async Task CompleteAsync(IdempotencyRecord record, int statusCode, string? contentType, string? location, byte[] body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Completed = true;
        record.StatusCode = statusCode;
        record.ContentType = contentType;
        record.Location = location;
        record.Body = body;
        if (db.Entry(record).State == EntityState.Detached)
        {
            // The handler cleared the context, and with it the record's shadow tenant key (EF cannot re-attach a row
            // whose key it no longer knows): write it by its key columns, inside the tenant filter.
            await db.Set<IdempotencyRecord>().Where(r => r.Caller == record.Caller && r.Key == record.Key)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Completed, true).SetProperty(r => r.StatusCode, statusCode).SetProperty(r => r.ContentType, contentType)
                        .SetProperty(r => r.Location, location).SetProperty(r => r.Body, body),
                    cancellationToken);
            return;
        }

        db.Entry(record).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Frees the key when the handler failed (exception or server error), so the client's retry runs again.</summary>
    public async Task ReleaseAsync(IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        db.ChangeTracker.Clear();
        await db.Set<IdempotencyRecord>().Where(r => r.Caller == record.Caller && r.Key == record.Key && !r.Completed).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes records past their 24 hours; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<IdempotencyRecord>().Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
