using Anuyat.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Applications;

/// <summary>
/// A working note officers keep on a file for each other. Never shown to the applicant, never in the citizen's API,
/// never in the applicant's timeline (its audit event has its own subject type).
/// </summary>
public sealed class CaseNote
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid AuthorId { get; set; }

    public string Text { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.ToTable("case_notes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.HasIndex(n => new { n.ApplicationId, n.CreatedAt });
        builder.HasOne<PermitApplication>().WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
