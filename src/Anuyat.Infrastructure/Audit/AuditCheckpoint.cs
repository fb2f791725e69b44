namespace Anuyat.Infrastructure.Audit;

/// <summary>
/// A signed statement "the chain had <see cref="Sequence"/> entries and ended in <see cref="Hash"/>". Exported off the
/// box, it makes even a rewrite of the whole chain (or removing its last rows) detectable.
/// </summary>
public sealed class AuditCheckpoint
{
    public Guid Id { get; set; }

    public long Sequence { get; set; }

    public string Hash { get; set; } = string.Empty;

    public DateTime SignedAt { get; set; }

    /// <summary>Hex of the 4-byte key id of the signing key.</summary>
    public string KeyId { get; set; } = string.Empty;

    /// <summary>The signed note exactly as exported (see <see cref="CheckpointNote"/>).</summary>
    public string Note { get; set; } = string.Empty;
}
