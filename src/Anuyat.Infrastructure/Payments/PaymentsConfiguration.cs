using System.Text.Json;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Payments;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Number).HasMaxLength(32);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.Property(i => i.DistrictCode).HasMaxLength(8);
        builder.Property(i => i.Reference1).HasMaxLength(20);
        builder.Property(i => i.Reference2).HasMaxLength(20);
        builder.HasIndex(i => i.Reference2).IsUnique();

        // One invoice per approved application.
        builder.HasIndex(i => i.ApplicationId).IsUnique();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Lines).HasConversion(
            lines => JsonSerializer.Serialize(lines, (JsonSerializerOptions?)null),
            json => JsonSerializer.Deserialize<List<InvoiceLine>>(json, (JsonSerializerOptions?)null) ?? new List<InvoiceLine>(),
            new ValueComparer<List<InvoiceLine>>((x, y) => x!.SequenceEqual(y!), x => x.Aggregate(0, (h, l) => HashCode.Combine(h, l.GetHashCode())), x => x.ToList()));
        builder.HasOne<PermitApplication>().WithMany().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.TransactionId).HasMaxLength(64);

        // The bank's transaction id is the idempotency key: two confirmations of one transaction are one payment.
        builder.HasIndex(p => p.TransactionId).IsUnique();
        builder.Property(p => p.ReceiptNumber).HasMaxLength(32);
        builder.HasIndex(p => p.ReceiptNumber).IsUnique();
        builder.Property(p => p.BodySha256).HasMaxLength(64);
        builder.HasIndex(p => p.InvoiceId).IsUnique();
        builder.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
