using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Applications;

/// <summary>A photo the inspector took on site, stored like any upload (inspected, content-addressed).</summary>
public sealed class InspectionPhoto
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid UploadedFileId { get; set; }

    public Guid TakenBy { get; set; }

    public DateTime AttachedAt { get; set; }
}

internal sealed class InspectionPhotoConfiguration : IEntityTypeConfiguration<InspectionPhoto>
{
    public void Configure(EntityTypeBuilder<InspectionPhoto> builder)
    {
        builder.ToTable("inspection_photos");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.ApplicationId);
        builder.HasOne<PermitApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UploadedFile>().WithMany().HasForeignKey(p => p.UploadedFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
