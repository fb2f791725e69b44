using Anuyat.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Notifications;

/// <summary>Column names are snake_case because the claim is raw SQL (FOR UPDATE SKIP LOCKED has no LINQ form).</summary>
internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("id");
        builder.Property(m => m.Kind).HasColumnName("kind").HasMaxLength(10);
        builder.Property(m => m.RecipientAccountId).HasColumnName("recipient_account_id");
        builder.Property(m => m.ToAddress).HasColumnName("to_address").HasMaxLength(320);
        builder.Property(m => m.Language).HasColumnName("language").HasMaxLength(5);
        builder.Property(m => m.Subject).HasColumnName("subject").HasMaxLength(300);
        builder.Property(m => m.BodyText).HasColumnName("body_text");
        builder.Property(m => m.BodyHtml).HasColumnName("body_html");
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
        builder.Property(m => m.Attempts).HasColumnName("attempts");
        builder.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(m => m.LockedUntil).HasColumnName("locked_until");
        builder.Property(m => m.LockedBy).HasColumnName("locked_by").HasMaxLength(100).IsConcurrencyToken();
        builder.Property(m => m.SentAt).HasColumnName("sent_at");
        builder.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(1000);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        builder.HasIndex(m => m.LockedBy);
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("inbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.TitleTh).HasMaxLength(300);
        builder.Property(m => m.TitleEn).HasMaxLength(300);
        builder.Property(m => m.Link).HasMaxLength(500);
        builder.HasIndex(m => new { m.RecipientAccountId, m.CreatedAt });
        builder.HasOne<Account>().WithMany().HasForeignKey(m => m.RecipientAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
