namespace Anuyat.Infrastructure.Audit;

/// <summary>
/// One entry of the tamper-evident audit chain. Every entry carries the hash of the one before it, so changing,
/// removing or reordering a row breaks the chain from that row on (see <see cref="AuditHashing"/> for the encoding).
/// Holds ids and plain-words summaries only: no names, e-mails, ID numbers or secrets (PDPA data minimisation).
/// </summary>
public sealed class AuditEvent
{
    /// <summary>Row identity only (several entries of one unit of work are tracked before they get their sequence). Not hashed.</summary>
    public Guid Id { get; set; }

    /// <summary>1, 2, 3 … without gaps, unique; assigned when the entry is sealed, inside the saving transaction.</summary>
    public long Sequence { get; set; }

    /// <summary>The version of the hash encoding this entry was sealed with.</summary>
    public int FormatVersion { get; set; }

    /// <summary>UTC, truncated to whole microseconds so every engine stores it exactly.</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>The acting account id, or <c>system</c>.</summary>
    public string ActorId { get; set; } = AuditActor.SystemId;

    /// <summary>citizen, officer, approver, admin or system.</summary>
    public string ActorRole { get; set; } = AuditActor.SystemId;

    /// <summary>What happened, as a stable code: <c>account.token-created</c>.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>What it happened to: <c>account</c>, <c>application</c> …</summary>
    public string SubjectType { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;

    /// <summary>The office scope of the subject, so an office sees its own trail; null when not scoped.</summary>
    public string? DistrictCode { get; set; }

    public string? SectionCode { get; set; }

    /// <summary>Plain words for the applicant's timeline, in Thai.</summary>
    public string SummaryTh { get; set; } = string.Empty;

    /// <summary>Plain words for the applicant's timeline, in English.</summary>
    public string SummaryEn { get; set; } = string.Empty;

    /// <summary>A JSON object with the facts of the action, never secrets; hashed exactly as stored (a text column).</summary>
    public string Details { get; set; } = "{}";

    /// <summary>Lower-case hex SHA-256 of the previous entry; 64 zeros for the first.</summary>
    public string PreviousHash { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of this entry's canonical encoding (which includes <see cref="PreviousHash"/>).</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary>Order of appends within one unit of work, so several events saved together chain in the order made. Not stored.</summary>
    internal long PendingOrder { get; set; }
}

/// <summary>Who did it: an account with its role, or the system itself (jobs, admin commands on the server).</summary>
public sealed record AuditActor(string Id, string Role)
{
    public const string SystemId = "system";

    public static AuditActor System { get; } = new(SystemId, SystemId);

    public static AuditActor Account(Guid accountId, string role) => new(accountId.ToString("D"), role);
}

/// <summary>The office a subject belongs to, when it belongs to one.</summary>
public sealed record AuditScope(string? DistrictCode, string? SectionCode);
