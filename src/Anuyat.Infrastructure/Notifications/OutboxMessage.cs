namespace Anuyat.Infrastructure.Notifications;

/// <summary>
/// A message waiting to leave the building. It is written in the same transaction as the change it tells about, and a
/// worker delivers it later with retries, so a committed change always gets its message and a rolled-back one never does.
/// </summary>
public sealed class OutboxMessage
{
    public const string EmailKind = "email";

    public Guid Id { get; set; }

    /// <summary>"email". In-app messages need no delivery and go straight to <see cref="InboxMessage"/> in the same transaction.</summary>
    public string Kind { get; set; } = EmailKind;

    public Guid? RecipientAccountId { get; set; }

    public string ToAddress { get; set; } = string.Empty;

    /// <summary>"th" or "en": the language the message is written in (the recipient's).</summary>
    public string Language { get; set; } = "th";

    public string Subject { get; set; } = string.Empty;

    public string BodyText { get; set; } = string.Empty;

    public string? BodyHtml { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before this instant (backoff after a failure).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The lease: while in the future, the worker named in <see cref="LockedBy"/> owns the message.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LockedBy { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>A message in a person's in-app inbox, written in both languages so it follows their language choice.</summary>
public sealed class InboxMessage
{
    public Guid Id { get; set; }

    public Guid RecipientAccountId { get; set; }

    public string TitleTh { get; set; } = string.Empty;

    public string TitleEn { get; set; } = string.Empty;

    public string BodyTh { get; set; } = string.Empty;

    public string BodyEn { get; set; } = string.Empty;

    /// <summary>A site-relative link to what the message is about, e.g. <c>/applications/…</c>.</summary>
    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}
