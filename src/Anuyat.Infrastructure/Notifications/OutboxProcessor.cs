using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Anuyat.Infrastructure.Notifications;

public sealed class OutboxOptions
{
    /// <summary>How many messages one claim takes.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim is exclusive; a worker that dies mid-send frees its messages when the lease ends.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle worker looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First retry delay; doubles per failed attempt up to <see cref="MaxBackoff"/>. Messages are never dropped.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// One round of delivery: claim due messages with a lease, send them, record the outcome. Any number of processors
/// (threads or app instances) may run against one database; the claim makes each message theirs alone:
/// PostgreSQL skips rows another claimer has locked (<c>FOR UPDATE SKIP LOCKED</c>); SQLite runs the claim as one
/// <c>UPDATE</c>, which holds the single write lock for its whole duration. The outcome is saved only while the lease
/// is still ours (<see cref="OutboxMessage.LockedBy"/> is a concurrency token).
/// </summary>
public sealed class OutboxProcessor(IServiceScopeFactory scopes, IEmailSender sender, TimeProvider clock, OutboxOptions options, ILogger<OutboxProcessor> logger)
{
    /// <summary>Names this processor in <see cref="OutboxMessage.LockedBy"/>: process id and a random part, unique across instances.</summary>
    public string WorkerId { get; } = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Delivers one batch; returns how many messages were claimed (0 when nothing was due).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnuyatDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.Lease;
        var claim = $"{WorkerId}/{Guid.NewGuid():N}";
        var batch = options.BatchSize;
        var claimed = db.Database.IsNpgsql()
            ? await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                UPDATE outbox_messages SET locked_until = {until}, locked_by = {claim}
                WHERE id IN (SELECT id FROM outbox_messages
                             WHERE sent_at IS NULL AND next_attempt_at <= {now} AND (locked_until IS NULL OR locked_until < {now})
                             ORDER BY next_attempt_at LIMIT {batch} FOR UPDATE SKIP LOCKED)
                """,
                cancellationToken)
            : await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                UPDATE outbox_messages SET locked_until = {until}, locked_by = {claim}
                WHERE id IN (SELECT id FROM outbox_messages
                             WHERE sent_at IS NULL AND next_attempt_at <= {now} AND (locked_until IS NULL OR locked_until < {now})
                             ORDER BY next_attempt_at LIMIT {batch})
                """,
                cancellationToken);
        if (claimed == 0)
        {
            return 0;
        }

        // Delivery serves every tenant: the claim above is across tenants, so the claimed batch is read the same way.
        var messages = await db.OutboxMessages.IgnoreQueryFilters([AnuyatDbContext.TenantFilter]).Where(m => m.LockedBy == claim).OrderBy(m => m.NextAttemptAt).ToListAsync(cancellationToken);
        var results = await sender.SendAsync(messages, cancellationToken);
        var done = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            message.Attempts++;
            message.LockedUntil = null;
            message.LockedBy = null;
            if (results[i] is null)
            {
                message.SentAt = done;
                message.LastError = null;
            }
            else
            {
                message.NextAttemptAt = done + Backoff(message.Attempts);
                message.LastError = results[i]!.Length > 1000 ? results[i]![..1000] : results[i];
                logger.LogWarning("Outbox message {MessageId} not sent (attempt {Attempt}); next try at {NextAttempt:o}", message.Id, message.Attempts, message.NextAttemptAt);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease ran out and another worker took the message; it records its own outcome.
            logger.LogWarning("Outbox claim {Claim}: lease lost before the outcome was saved", claim);
        }

        return messages.Count;
    }

    public TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.FirstBackoff.Ticks * factor, options.MaxBackoff.Ticks));
        return delay;
    }
}
