using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Documents;

/// <summary>
/// A file an account uploaded and that passed inspection, before any use is made of it (the citizen journey attaches
/// uploads to checklist items). The bytes are in the <see cref="IDocumentStore"/> under <see cref="Sha256"/>; the name
/// the user gave is kept only as text to show back, never as a path.
/// </summary>
public sealed class UploadedFile
{
    public const int MaxNameLength = 255;

    public Guid Id { get; init; }

    public Guid AccountId { get; init; }

    public required string Sha256 { get; init; }

    public long Bytes { get; init; }

    public required string ContentType { get; init; }

    public required string OriginalName { get; init; }

    public DateTime UploadedAt { get; init; }

    /// <summary>What the virus scanner said. Only <see cref="ScanState.Clean"/> and <see cref="ScanState.NotScanned"/> may be opened.</summary>
    public ScanState Scan { get; set; } = ScanState.NotScanned;

    /// <summary>When the scanner last answered for this file (UTC); null while pending or when no scanner is configured.</summary>
    public DateTime? ScannedAt { get; set; }

    /// <summary>How many times the background retry tried to scan a pending file.</summary>
    public int ScanAttempts { get; set; }

    /// <summary>The scanner's signature name for a quarantined file.</summary>
    public string? ScanSignature { get; set; }

    /// <summary>Whether anyone (the uploader or an officer) may open the bytes: fail closed while a scan is owed.</summary>
    public bool MayBeOpened => Scan is ScanState.Clean or ScanState.NotScanned;

    /// <summary>
    /// The user's file name made safe to keep and show: no folders (<c>../../etc/passwd.pdf</c> → <c>passwd.pdf</c>), no
    /// control or bidirectional-override characters (which disguise <c>gpj.exe</c> as <c>exe.jpg</c>), at most 255 chars.
    /// </summary>
    public static string CleanName(string? name)
    {
        var leaf = (name ?? string.Empty).Replace('\\', '/');
        leaf = leaf[(leaf.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(leaf.Length);
        foreach (var c in leaf)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            builder.Append(c);
        }

        var clean = builder.ToString().Trim().TrimStart('.');
        if (clean.Length > MaxNameLength)
        {
            clean = clean[..MaxNameLength];
        }

        return clean.Length == 0 ? "document" : clean;
    }
}

/// <summary>A stored upload's virus-scan state (OWASP ASVS 5.0 5.2.x; RELIABILITY.md file uploads).</summary>
public enum ScanState
{
    /// <summary>No scanner is configured (development): the file is served, and says it was not scanned.</summary>
    NotScanned,

    /// <summary>A scanner is configured but has not said "clean" yet (clamd down): stored, never served, retried.</summary>
    Pending,

    Clean,

    /// <summary>Found infected by a later scan: quarantined (the bytes are deleted and never served), audited.</summary>
    Infected,
}

internal sealed class UploadedFileConfiguration : IEntityTypeConfiguration<UploadedFile>
{
    public void Configure(EntityTypeBuilder<UploadedFile> builder)
    {
        builder.ToTable("uploaded_files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Sha256).HasMaxLength(DocumentHash.Length);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.OriginalName).HasMaxLength(UploadedFile.MaxNameLength);
        builder.HasIndex(f => f.AccountId);
        builder.HasIndex(f => f.Sha256);
        builder.Property(f => f.Scan).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.ScanSignature).HasMaxLength(200);
        builder.HasIndex(f => f.Scan);
        builder.HasOne<Account>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Accepting a file: inspect it, store its bytes, record who uploaded it. A refused file leaves nothing behind — no
/// bytes in the store, no row. Reading back is only for the account that uploaded it; anyone else gets nothing (→ 404).
/// </summary>
public sealed class DocumentUploads(AnuyatDbContext db, IDocumentStore store, UploadInspector inspector, TimeProvider clock, AuditTrail audit)
{
    public Task<Result<UploadedFile>> AcceptAsync(Guid accountId, Stream content, string? originalName, CancellationToken cancellationToken = default) =>
        AcceptAsync(accountId, content, originalName, save: true, cancellationToken);

    /// <param name="save">
    /// False when the caller saves the row in its own unit of work (attaching to an application adds the link and the
    /// audit entry in the same transaction: one commit per upload instead of two). The bytes are on disk either way
    /// before this returns.
    /// </param>
    public async Task<Result<UploadedFile>> AcceptAsync(Guid accountId, Stream content, string? originalName, bool save, CancellationToken cancellationToken = default)
    {
        var inspected = await inspector.InspectAsync(content, cancellationToken);
        if (!inspected.IsSuccess)
        {
            if (inspected.Error is UploadRefused { Reason: UploadRefusalReason.Malware } malware)
            {
                // A virus is worth an entry in the trail: who tried, and what the scanner called it (no bytes, no name).
                var role = await db.Users.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.Role).SingleOrDefaultAsync(cancellationToken);
                audit.Append(AuditActor.Account(accountId, role.ToCode()), "document.malware-refused", "upload", Guid.CreateVersion7().ToString("D"),
                    new BilingualText("ไฟล์ที่อัปโหลดมีไวรัสและถูกปฏิเสธ", "An uploaded file carried a virus and was refused"),
                    new { signature = malware.Detail });
                await db.SaveChangesAsync(cancellationToken);
            }

            return inspected.Error!;
        }

        var upload = inspected.Value;
        using var bytes = MemoryMarshal.TryGetArray(upload.Content, out var array)
            ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
            : new MemoryStream(upload.Content.ToArray(), writable: false);
        var stored = await store.PutAsync(bytes, cancellationToken);
        var file = new UploadedFile
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            Sha256 = stored.Sha256,
            Bytes = stored.Bytes,
            ContentType = upload.ContentType,
            OriginalName = UploadedFile.CleanName(originalName),
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            Scan = upload.Scan,
            ScannedAt = upload.Scan == ScanState.Clean ? clock.GetUtcNow().UtcDateTime : null,
        };
        db.Set<UploadedFile>().Add(file);
        if (save)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return file;
    }

    /// <summary>
    /// The upload and its verified bytes, or null when it does not exist or belongs to someone else. A file whose scan
    /// is owed (or found a virus) comes back without bytes: the caller says "pending scan" rather than serving it.
    /// </summary>
    public async Task<(UploadedFile File, Stream? Content)?> OpenAsync(Guid accountId, Guid id, CancellationToken cancellationToken = default)
    {
        var file = await db.Set<UploadedFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.AccountId == accountId, cancellationToken);
        if (file is null)
        {
            return null;
        }

        if (!file.MayBeOpened)
        {
            return (file, null);
        }

        var content = await store.OpenReadAsync(file.Sha256, cancellationToken);
        return content is null ? null : (file, content);
    }
}
