using System.Text.Json;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Persistence;

namespace Anuyat.Infrastructure.Audit;

/// <summary>
/// Records what happened. <see cref="Append"/> only adds the entry to the unit of work; the caller's
/// <c>SaveChanges</c> seals it (sequence number and hash) and writes it in the same transaction as the change it
/// describes, so there is never a change without its entry nor an entry without its change.
/// </summary>
public sealed class AuditTrail(AnuyatDbContext db, TimeProvider clock)
{
    private static long _pendingCounter;

    public AuditEvent Append(AuditActor actor, string action, string subjectType, string subjectId, BilingualText summary, object? details = null, AuditScope? scope = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectType);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        var entry = new AuditEvent
        {
            Id = Guid.CreateVersion7(),
            FormatVersion = AuditHashing.CurrentVersion,
            OccurredAt = AuditHashing.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
            ActorId = actor.Id,
            ActorRole = actor.Role,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            DistrictCode = scope?.DistrictCode,
            SectionCode = scope?.SectionCode,
            SummaryTh = summary.Th,
            SummaryEn = summary.En,
            Details = details switch
            {
                null => "{}",
                string json => json,
                _ => JsonSerializer.Serialize(details),
            },
            PendingOrder = Interlocked.Increment(ref _pendingCounter),
        };
        db.AuditEvents.Add(entry);
        return entry;
    }
}
