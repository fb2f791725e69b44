namespace Anuyat.Infrastructure.Documents;

/// <summary>
/// Where uploaded files live, addressed only by the SHA-256 of their bytes (64 lowercase hex digits). A name given by a
/// user never reaches this interface, so it can never become a path. The local data directory is the default
/// (<see cref="LocalDocumentStore"/>); an S3-compatible store (issue 9) implements the same contract: put is
/// idempotent for the same bytes, a read either returns exactly the bytes that were stored or fails.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Stores the bytes of <paramref name="content"/>, hashing while streaming. Storing bytes that are already present
    /// succeeds and changes nothing (a stored copy found damaged is replaced by the good bytes and logged). The file is
    /// complete and durable (fsync) before this returns.
    /// </summary>
    Task<StoredDocument> PutAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the stored bytes for reading, or null when there is no such document. The bytes are checked against their
    /// hash before the stream is handed out; a mismatch throws <see cref="DocumentIntegrityException"/> and is logged as a
    /// security event, so a caller never receives altered bytes.
    /// </summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Removes the document; true when it existed. Callers make sure no record still refers to it.</summary>
    Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Every stored address, in no particular order (backups, restore drills, audits of the store).</summary>
    IAsyncEnumerable<string> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>A stored document: its hash (the address), its length, and whether identical bytes were already there.</summary>
public sealed record StoredDocument(string Sha256, long Bytes, bool AlreadyExisted);

/// <summary>Stored bytes no longer match their hash: tampering or disk corruption. Never recovered silently.</summary>
public sealed class DocumentIntegrityException : Exception
{
    public DocumentIntegrityException()
    {
    }

    public DocumentIntegrityException(string message)
        : base(message)
    {
    }

    public DocumentIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The one accepted spelling of a document address.</summary>
public static class DocumentHash
{
    public const int Length = 64;

    /// <summary>True for exactly 64 lowercase hex digits; anything else (dots, slashes, upper case) is refused.</summary>
    public static bool IsValid(string? sha256) =>
        sha256 is { Length: Length } && sha256.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static string Require(string sha256) =>
        IsValid(sha256) ? sha256 : throw new ArgumentException("A document address is 64 lowercase hex digits.", nameof(sha256));
}
