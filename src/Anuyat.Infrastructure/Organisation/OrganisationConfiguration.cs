using Anuyat.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Organisation;

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.ToTable("districts");
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(8);
        builder.Property(d => d.NameTh).HasMaxLength(100);
        builder.Property(d => d.NameEn).HasMaxLength(100);
        builder.Property(d => d.GroupTh).HasMaxLength(100);
        builder.Property(d => d.GroupEn).HasMaxLength(100);
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.ToTable("sections");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.Property(s => s.NameTh).HasMaxLength(200);
        builder.Property(s => s.NameEn).HasMaxLength(200);
    }
}

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.ToTable("offices");
        builder.HasKey(o => new { o.DistrictCode, o.SectionCode });
        builder.HasOne<District>().WithMany().HasForeignKey(o => o.DistrictCode);
        builder.HasOne<Section>().WithMany().HasForeignKey(o => o.SectionCode);
    }
}
