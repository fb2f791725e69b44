using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Accounts;
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
        builder.HasOne<Account>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Accepting a file: inspect it, store its bytes, record who uploaded it. A refused file leaves nothing behind — no
/// bytes in the store, no row. Reading back is only for the account that uploaded it; anyone else gets nothing (→ 404).
/// </summary>
public sealed class DocumentUploads(AnuyatDbContext db, IDocumentStore store, UploadInspector inspector, TimeProvider clock)
{
    public async Task<Result<UploadedFile>> AcceptAsync(Guid accountId, Stream content, string? originalName, CancellationToken cancellationToken = default)
    {
        var inspected = await inspector.InspectAsync(content, cancellationToken);
        if (!inspected.IsSuccess)
        {
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
        };
        db.Set<UploadedFile>().Add(file);
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    /// <summary>The upload and its verified bytes, or null when it does not exist or belongs to someone else.</summary>
    public async Task<(UploadedFile File, Stream Content)?> OpenAsync(Guid accountId, Guid id, CancellationToken cancellationToken = default)
    {
        var file = await db.Set<UploadedFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.AccountId == accountId, cancellationToken);
        if (file is null)
        {
            return null;
        }

        var content = await store.OpenReadAsync(file.Sha256, cancellationToken);
        return content is null ? null : (file, content);
    }
}
