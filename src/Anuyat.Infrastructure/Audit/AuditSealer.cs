using System.Collections.Concurrent;
using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Anuyat.Infrastructure.Audit;

/// <summary>
/// Gives new audit entries their place in the chain inside the saving transaction. Appends are serialised so the
/// chain stays one line however many requests or app instances write at once:
/// PostgreSQL takes a transaction-scoped advisory lock (released at commit or rollback); SQLite has one writer at a
/// time and our transactions start with <c>BEGIN IMMEDIATE</c>, which takes the write lock before the head is read.
/// </summary>
public static class AuditSealer
{
    /// <summary>The advisory lock class of the audit chains ("anuy" in a 32-bit number); the tenant's hash is the second key.</summary>
    public const int ChainLockKey = 0x616E_7579;

    /// <summary>
    /// The tenant's last entry (the tenant query filter applies), compiled once per model (a compiled query is bound to
    /// the model it was compiled against; the tests run SQLite and PostgreSQL in one process): it runs on every save
    /// that carries an entry, and EF's query cache lookup cost more than the indexed read itself (bench, issue 11).
    /// </summary>
    private static readonly ConcurrentDictionary<IModel, Func<AnuyatDbContext, Task<Head?>>> ChainHeads = new();

    private static Task<Head?> ChainHead(AnuyatDbContext db) =>
        ChainHeads.GetOrAdd(db.Model, static _ => EF.CompileAsyncQuery((AnuyatDbContext db) =>
            db.AuditEvents.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new Head(e.Sequence, e.Hash))
                .FirstOrDefault()))(db);

    public static bool HasPending(DbContext db) =>
        db.ChangeTracker.Entries<AuditEvent>().Any(e => e.State == EntityState.Added);

    /// <summary>Must run inside the transaction that will also insert the entries.</summary>
    public static async Task SealAsync(AnuyatDbContext db, CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries<AuditEvent>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .OrderBy(e => e.PendingOrder)
            .ToList();
        if (pending.Count == 0)
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            // One chain per tenant (issue 9): tenants append in parallel, each tenant's appends one at a time.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey}, hashtext({db.TenantId}))", cancellationToken);
        }

        var head = await ChainHead(db);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditHashing.GenesisHash;
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = AuditHashing.Compute(entry);
            previous = entry.Hash;
        }
    }

    /// <summary>Saves with the entries sealed, opening a transaction (under the execution strategy) when the caller has none.</summary>
    public static async Task<int> SaveWithSealAsync(AnuyatDbContext db, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await SealAsync(db, cancellationToken);
            return await save(cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            (db, save),
            async (_, state, ct) =>
            {
                await using var transaction = await state.db.Database.BeginTransactionAsync(ct);
                await SealAsync(state.db, ct);
                var written = await state.save(ct);
                await transaction.CommitAsync(ct);
                return written;
            },
            null,
            cancellationToken);
    }

    private sealed record Head(long Sequence, string Hash);
}
