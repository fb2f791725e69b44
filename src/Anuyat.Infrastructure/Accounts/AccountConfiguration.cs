using Anuyat.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Accounts;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.DisplayName).HasMaxLength(200);
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PreferredLanguage).HasMaxLength(5);
        builder.HasOne<District>().WithMany().HasForeignKey(a => a.DistrictCode).IsRequired(false);
        builder.HasOne<Section>().WithMany().HasForeignKey(a => a.SectionCode).IsRequired(false);
        builder.HasIndex(a => new { a.DistrictCode, a.SectionCode, a.Role });
        builder.OwnsOne(a => a.Profile, profile =>
        {
            profile.Property(p => p.NationalId).HasMaxLength(13);
            profile.Property(p => p.FirstName).HasMaxLength(100);
            profile.Property(p => p.LastName).HasMaxLength(100);
            profile.Property(p => p.BirthDate);
            profile.Property(p => p.HouseNo).HasMaxLength(50);
            profile.Property(p => p.Soi).HasMaxLength(100);
            profile.Property(p => p.Road).HasMaxLength(100);
            profile.Property(p => p.Subdistrict).HasMaxLength(100);
            profile.Property(p => p.DistrictCode).HasMaxLength(4);
            profile.Property(p => p.Postcode).HasMaxLength(5);
            profile.Property(p => p.Source).HasMaxLength(20);
        });
        builder.Navigation(a => a.Profile).IsRequired();
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.AccountId);
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
