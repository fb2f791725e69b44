using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Persistence;

namespace Anuyat.Infrastructure.Notifications;

/// <summary>
/// Queues notifications in the caller's unit of work: nothing is sent until the caller's <c>SaveChanges</c> commits,
/// and a rolled-back change leaves nothing behind.
/// </summary>
public sealed class Outbox(AnuyatDbContext db, TimeProvider clock)
{
    public OutboxMessage EnqueueEmail(string toAddress, string language, string subject, string bodyText, string? bodyHtml = null, Guid? recipientAccountId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Kind = OutboxMessage.EmailKind,
            RecipientAccountId = recipientAccountId,
            ToAddress = toAddress.Trim(),
            Language = language == "en" ? "en" : "th",
            Subject = subject,
            BodyText = bodyText,
            BodyHtml = bodyHtml,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>Puts a message in a person's in-app inbox (no delivery step: it is visible once the change commits).</summary>
    public InboxMessage AddToInbox(Guid recipientAccountId, BilingualText title, BilingualText body, string? link = null)
    {
        var message = new InboxMessage
        {
            Id = Guid.CreateVersion7(),
            RecipientAccountId = recipientAccountId,
            TitleTh = title.Th,
            TitleEn = title.En,
            BodyTh = body.Th,
            BodyEn = body.En,
            Link = link,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.InboxMessages.Add(message);
        return message;
    }
}
