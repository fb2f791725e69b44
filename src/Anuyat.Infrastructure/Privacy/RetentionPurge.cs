using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Anuyat.Infrastructure.Privacy;

/// <summary>
/// Deletes what has outlived its purpose, by the rules in <c>reference/retention.json</c> (PDPA B.E. 2562 s.37(3):
/// erase personal data kept beyond the period needed). Applications and the audit trail are never deleted here.
/// Each kind is one set-based delete, so running it twice or on two instances at once is harmless.
/// </summary>
public sealed class RetentionPurge(AnuyatDbContext db, RetentionRules rules, TimeProvider clock, ILogger<RetentionPurge> logger)
{
    public sealed record Outcome(int OutboxMessages, int InboxMessages, int UnattachedUploads);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        var outbox = 0;
        if (rules.KeepDays("outbox-messages") is { } outboxDays)
        {
            var cutoff = now.AddDays(-outboxDays);
            outbox = await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        var inbox = 0;
        if (rules.KeepDays("inbox-messages") is { } inboxDays)
        {
            var cutoff = now.AddDays(-inboxDays);
            inbox = await db.InboxMessages.Where(m => m.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        var uploads = 0;
        if (rules.KeepDays("unattached-uploads") is { } uploadDays)
        {
            // Only the record is deleted: the store is addressed by content and another upload may share the bytes.
            var cutoff = now.AddDays(-uploadDays);
            uploads = await db.UploadedFiles
                .Where(u => u.UploadedAt < cutoff && !db.ApplicationDocuments.Any(d => d.UploadedFileId == u.Id))
                .ExecuteDeleteAsync(cancellationToken);
        }

        if (outbox + inbox + uploads > 0)
        {
            logger.LogInformation("Retention purge: {Outbox} sent e-mails, {Inbox} inbox messages, {Uploads} unattached uploads deleted", outbox, inbox, uploads);
        }

        return new Outcome(outbox, inbox, uploads);
    }
}
