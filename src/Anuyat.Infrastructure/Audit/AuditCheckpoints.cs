using System.Globalization;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Audit;

/// <summary>
/// Signs the head of the chain and keeps the note twice: in the database (for <see cref="AuditVerifier"/>) and as a
/// file under <c>audit-checkpoints/</c> in the data directory, ready to be copied off the box (an auditor's mailbox,
/// another account's object store).
/// </summary>
public sealed class AuditCheckpoints(AnuyatDbContext db, DataDirectory data, TimeProvider clock)
{
    /// <summary>Signs the current head; null when the chain is empty or the head is already signed.</summary>
    public async Task<(AuditCheckpoint Checkpoint, string File)?> CreateAsync(CancellationToken cancellationToken = default)
    {
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        if (head is null || await db.AuditCheckpoints.AnyAsync(c => c.Sequence == head.Sequence && c.Hash == head.Hash, cancellationToken))
        {
            return null;
        }

        using var key = AuditSigningKey.LoadOrCreate(data);
        var now = clock.GetUtcNow().UtcDateTime;
        var signedAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var note = new CheckpointNote(head.Sequence, head.Hash, signedAt).Sign(key);
        var checkpoint = new AuditCheckpoint
        {
            Id = Guid.CreateVersion7(),
            Sequence = head.Sequence,
            Hash = head.Hash,
            SignedAt = signedAt,
            KeyId = Convert.ToHexStringLower(key.KeyId),
            Note = note,
        };
        db.AuditCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken);

        var folder = Path.Combine(data.Root, "audit-checkpoints");
        Directory.CreateDirectory(folder);
        // Each tenant has its own chain (issue 9), so another tenant's files carry its id; the default tenant's keep the old name.
        var tenant = db.TenantId == Tenancy.DefaultId ? string.Empty : db.TenantId + "-";
        var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"checkpoint-{tenant}{head.Sequence:D10}.txt"));
        await File.WriteAllTextAsync(file, note, cancellationToken);
        return (checkpoint, file);
    }

    /// <summary>Signs when at least <paramref name="every"/> entries were added since the last checkpoint.</summary>
    public async Task<AuditCheckpoint?> CreateIfDueAsync(int every, CancellationToken cancellationToken = default)
    {
        var head = await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var last = await db.AuditCheckpoints.MaxAsync(c => (long?)c.Sequence, cancellationToken) ?? 0;
        return head - last >= every ? (await CreateAsync(cancellationToken))?.Checkpoint : null;
    }

    /// <summary>The public key that checks this server's checkpoints.</summary>
    public byte[] PublicKey()
    {
        using var key = AuditSigningKey.LoadOrCreate(data);
        return key.PublicKey;
    }
}
