using System.Text.Json;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Organisation;
using Anuyat.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Applications;

internal sealed class PermitApplicationConfiguration : IEntityTypeConfiguration<PermitApplication>
{
    public void Configure(EntityTypeBuilder<PermitApplication> builder)
    {
        builder.ToTable("applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Reference).HasMaxLength(32);
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.Property(a => a.ServiceCode).HasMaxLength(60);
        builder.Property(a => a.DistrictCode).HasMaxLength(8);
        builder.Property(a => a.SectionCode).HasMaxLength(40);
        builder.Property(a => a.Status).HasConversion(s => s.ToCode(), c => Parse(c)).HasMaxLength(20);
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.AnswersJson);
        builder.Property(a => a.RowVersion).IsConcurrencyToken();
        builder.Property(a => a.Recommendation).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Decision).HasConversion<string>().HasMaxLength(10);
        builder.OwnsOne(a => a.Deficiency, d =>
        {
            d.Property(x => x.Items).HasConversion(
                items => JsonSerializer.Serialize(items, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<List<string>>(json, (JsonSerializerOptions?)null) ?? new List<string>(),
                new ValueComparer<List<string>>((x, y) => x!.SequenceEqual(y!), x => x.Aggregate(0, (h, i) => HashCode.Combine(h, i.GetHashCode(StringComparison.Ordinal))), x => x.ToList()));
            d.Property(x => x.Note).HasMaxLength(4000);
            d.Property(x => x.AnswersAtIssue);
        });
        builder.OwnsOne(a => a.Inspection, i =>
        {
            i.Property(x => x.Slot).HasConversion<string>().HasMaxLength(10);
            i.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(10);
            i.Property(x => x.Notes).HasMaxLength(4000);
            i.Property(x => x.RescheduleReason).HasMaxLength(1000);
        });
        builder.Property(a => a.VerifiedItems).HasConversion(
            items => JsonSerializer.Serialize(items, (JsonSerializerOptions?)null),
            json => JsonSerializer.Deserialize<List<string>>(json, (JsonSerializerOptions?)null) ?? new List<string>(),
            new ValueComparer<List<string>>((x, y) => x!.SequenceEqual(y!), x => x.Aggregate(0, (h, i) => HashCode.Combine(h, i.GetHashCode(StringComparison.Ordinal))), x => x.ToList()));
        builder.Property(a => a.DelayReason).HasMaxLength(2000);
        builder.OwnsMany(a => a.Extensions, e =>
        {
            e.ToTable("application_extensions");
            e.WithOwner().HasForeignKey("ApplicationId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.Reason).HasMaxLength(4000);
        });
        builder.HasOne<District>().WithMany().HasForeignKey(a => a.DistrictCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(a => a.ApplicantAccountId).OnDelete(DeleteBehavior.Restrict);

        // The citizen's "My applications" and the office's queue are the two hot lists.
        builder.HasIndex(a => new { a.ApplicantAccountId, a.UpdatedAt });
        builder.HasIndex(a => new { a.DistrictCode, a.SectionCode, a.Status, a.LegalDeadline });

        // The queue's closed tab, most recently closed first: read backwards along this index, 50 files a page, instead
        // of sorting the office's whole history (issue 11). Partial, so that only a query saying "ClosedAt IS NOT NULL"
        // can use it: unfiltered, SQLite's planner took it for the tab counts too, over the covering index above.
        builder.HasIndex(a => new { a.DistrictCode, a.SectionCode, a.ClosedAt, a.Id }).HasFilter("\"ClosedAt\" IS NOT NULL");
        builder.HasIndex(a => a.AssignedTo);
    }

    private static ApplicationStatus Parse(string code) =>
        ApplicationStatuses.TryParse(code, out var status) ? status : throw new InvalidOperationException($"unknown status '{code}' in the database");
}
