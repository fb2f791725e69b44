using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Anuyat.Infrastructure.Documents;

/// <summary>
/// Scans the files kept "pending scan" because clamd could not answer when they were uploaded (fail closed: until
/// then nobody may open them). Clean → served from now on; infected → quarantined: the state says so for good, the
/// bytes are deleted from the store when no clean upload shares them, and an audit event names the file and the
/// signature. Still no answer → stays pending for the next round.
/// </summary>
public sealed partial class PendingScans(AnuyatDbContext db, IDocumentStore store, IMalwareScanner scanner, AuditTrail audit, TimeProvider clock, ILogger<PendingScans> logger)
{
    /// <summary>One round over at most <paramref name="batch"/> pending files, oldest first. Returns how many were decided.</summary>
    public async Task<PendingScanRound> RunOnceAsync(int batch = 50, CancellationToken cancellationToken = default)
    {
        var pending = await db.UploadedFiles.Where(f => f.Scan == ScanState.Pending).OrderBy(f => f.UploadedAt).Take(batch).ToListAsync(cancellationToken);
        int clean = 0, infected = 0, stillPending = 0;
        foreach (var file in pending)
        {
            file.ScanAttempts++;
            ScanVerdict verdict;
            await using (var content = await store.OpenReadAsync(file.Sha256, cancellationToken))
            {
                if (content is null)
                {
                    LogMissing(logger, file.Id);
                    stillPending++;
                    continue;
                }

                using var buffer = new MemoryStream();
                await content.CopyToAsync(buffer, cancellationToken);
                verdict = await scanner.ScanAsync(buffer.ToArray(), cancellationToken);
            }

            switch (verdict.Outcome)
            {
                case ScanOutcome.Clean:
                    file.Scan = ScanState.Clean;
                    file.ScannedAt = clock.GetUtcNow().UtcDateTime;
                    clean++;
                    break;
                case ScanOutcome.Infected:
                    file.Scan = ScanState.Infected;
                    file.ScannedAt = clock.GetUtcNow().UtcDateTime;
                    file.ScanSignature = verdict.Signature?.Length > 200 ? verdict.Signature[..200] : verdict.Signature;
                    audit.Append(AuditActor.System, "document.quarantined", "upload", file.Id.ToString("D"),
                        new BilingualText("ตรวจพบไวรัสในไฟล์ที่รอตรวจ ไฟล์ถูกกักไว้และเปิดไม่ได้", "A file pending scan was found to carry a virus; it is quarantined and cannot be opened"),
                        new { signature = file.ScanSignature, uploadedBy = file.AccountId });
                    infected++;
                    break;
                default:
                    stillPending++;
                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in pending.Where(f => f.Scan == ScanState.Infected))
        {
            // Content-addressed store: the same bytes under another upload are just as infected; delete when none is clean.
            var sharedClean = await db.UploadedFiles.AnyAsync(f => f.Sha256 == file.Sha256 && (f.Scan == ScanState.Clean || f.Scan == ScanState.NotScanned), cancellationToken);
            if (!sharedClean)
            {
                await store.DeleteAsync(file.Sha256, cancellationToken);
            }
        }

        return new PendingScanRound(clean, infected, stillPending);
    }

    [LoggerMessage(EventId = 9004, EventName = "PendingScanBytesMissing", Level = LogLevel.Error,
        Message = "Upload {UploadId} is pending scan but its bytes are not in the store")]
    private static partial void LogMissing(ILogger logger, Guid uploadId);
}

public sealed record PendingScanRound(int Clean, int Infected, int StillPending);
