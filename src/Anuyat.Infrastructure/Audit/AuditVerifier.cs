using System.Globalization;
using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Audit;

/// <summary>The outcome of walking the chain: ok with the number of entries, or the first broken entry and why.</summary>
public sealed record AuditVerification(bool Ok, long Count, long? BrokenAt, string? Reason)
{
    public override string ToString() => Ok
        ? string.Create(CultureInfo.InvariantCulture, $"ok {Count} entries")
        : string.Create(CultureInfo.InvariantCulture, $"broken at entry {BrokenAt}: {Reason}");
}

/// <summary>
/// Walks the whole chain in sequence order and recomputes every hash. It finds: a changed field (the entry's hash no
/// longer matches its contents), a deleted row (a gap in the sequence), rows reordered or re-numbered (the hash covers
/// the sequence number and the previous entry's hash), and — with the signed checkpoints — rows removed from the end or
/// a chain rewritten from scratch.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(AnuyatDbContext db, byte[]? checkpointPublicKey = null, CancellationToken cancellationToken = default)
    {
        var checkpoints = await ReadCheckpointsAsync(db, checkpointPublicKey, cancellationToken);
        if (checkpoints.Broken is not null)
        {
            return checkpoints.Broken;
        }

        long expected = 1;
        var previous = AuditHashing.GenesisHash;
        await foreach (var entry in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expected)
            {
                return Broken(expected, entry.Sequence > expected
                    ? $"entry missing (the sequence jumps from {expected - 1} to {entry.Sequence}); a row was deleted"
                    : $"sequence number {entry.Sequence} out of order");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return Broken(expected, "its previous-hash does not match the entry before it; rows were reordered, replaced or removed");
            }

            string computed;
            try
            {
                computed = AuditHashing.Compute(entry);
            }
            catch (NotSupportedException e)
            {
                return Broken(expected, e.Message);
            }

            if (!string.Equals(computed, entry.Hash, StringComparison.Ordinal))
            {
                return Broken(expected, "its contents do not match its hash; a field was changed");
            }

            if (checkpoints.Hashes.TryGetValue(entry.Sequence, out var signed) && !string.Equals(signed, entry.Hash, StringComparison.Ordinal))
            {
                return Broken(expected, "it differs from the signed checkpoint of this entry; the chain was rewritten");
            }

            previous = entry.Hash;
            expected++;
        }

        var count = expected - 1;
        var beyond = checkpoints.Hashes.Keys.Where(s => s > count).DefaultIfEmpty(0).Max();
        if (beyond > 0)
        {
            return Broken(count + 1, string.Create(CultureInfo.InvariantCulture, $"entry missing, but a signed checkpoint covers {beyond} entries; rows were removed from the end"));
        }

        return new AuditVerification(true, count, null, null);
    }

    private static AuditVerification Broken(long at, string reason) => new(false, at - 1, at, reason);

    private static async Task<(Dictionary<long, string> Hashes, AuditVerification? Broken)> ReadCheckpointsAsync(AnuyatDbContext db, byte[]? publicKey, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<long, string>();
        var rows = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (publicKey is not null)
            {
                var note = CheckpointNote.ParseAndVerify(row.Note, publicKey);
                if (note is null || note.Sequence != row.Sequence || note.Hash != row.Hash)
                {
                    return (hashes, Broken(row.Sequence, "the checkpoint stored for this entry is not validly signed by this server's key"));
                }
            }

            hashes[row.Sequence] = row.Hash;
        }

        return (hashes, null);
    }
}
