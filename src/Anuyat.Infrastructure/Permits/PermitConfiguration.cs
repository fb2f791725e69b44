using System.Text.Json;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Permits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Permits;

internal sealed class PermitConfiguration : IEntityTypeConfiguration<Permit>
{
    public void Configure(EntityTypeBuilder<Permit> builder)
    {
        builder.ToTable("permits");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Number).HasMaxLength(32);
        builder.HasIndex(p => p.Number).IsUnique();
        builder.HasIndex(p => p.ApplicationId).IsUnique();
        builder.Property(p => p.ApplicationReference).HasMaxLength(32);
        builder.Property(p => p.ServiceCode).HasMaxLength(60);
        builder.Property(p => p.DistrictCode).HasMaxLength(8);
        builder.Property(p => p.SectionCode).HasMaxLength(40);
        builder.Property(p => p.HolderName).HasMaxLength(300);
        builder.Property(p => p.Site).HasMaxLength(600);
        builder.Property(p => p.SiteArea).HasMaxLength(300);
        builder.Property(p => p.Kind).HasMaxLength(40);
        builder.Property(p => p.TotalFloorAreaM2).HasPrecision(12, 2);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.Property(p => p.RevocationReasons).HasMaxLength(4000);
        builder.Property(p => p.Buildings).HasConversion(
            rows => JsonSerializer.Serialize(rows, (JsonSerializerOptions?)null),
            json => JsonSerializer.Deserialize<List<PermittedBuilding>>(json, (JsonSerializerOptions?)null) ?? new List<PermittedBuilding>(),
            new ValueComparer<List<PermittedBuilding>>((x, y) => x!.SequenceEqual(y!), x => x.Aggregate(0, (h, b) => HashCode.Combine(h, b.GetHashCode())), x => x.ToList()));
        builder.HasOne<PermitApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);

        // The public register lists a district's permits of a service, newest first.
        builder.HasIndex(p => new { p.DistrictCode, p.ServiceCode, p.IssuedOn });
    }
}
