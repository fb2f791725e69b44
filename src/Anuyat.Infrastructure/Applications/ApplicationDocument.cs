using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Applications;

/// <summary>
/// A file attached to an application against one item of the service's document checklist. Several files may
/// answer one item (a plan set, several pages). The bytes live in the document store, addressed by SHA-256.
/// </summary>
public sealed class ApplicationDocument
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>The checklist item code from the service definition, e.g. <c>title-deed</c>.</summary>
    public string ItemCode { get; set; } = string.Empty;

    public Guid UploadedFileId { get; set; }

    public DateTime AttachedAt { get; set; }

    /// <summary>True when attached while answering the deficiency record, so the officer sees what changed.</summary>
    public bool AnswersDeficiency { get; set; }
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> builder)
    {
        builder.ToTable("application_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ItemCode).HasMaxLength(60);
        builder.HasIndex(d => new { d.ApplicationId, d.ItemCode });
        builder.HasOne<PermitApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UploadedFile>().WithMany().HasForeignKey(d => d.UploadedFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
