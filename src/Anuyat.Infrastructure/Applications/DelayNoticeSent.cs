using Anuyat.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Applications;

/// <summary>
/// A 7-day delay notice that was sent (Licensing Facilitation Act B.E. 2558 s.10). The key (application, due day)
/// makes a second send of the same notice impossible, whichever app instance tries.
/// </summary>
public sealed class DelayNoticeSent
{
    public Guid ApplicationId { get; set; }

    /// <summary>The day the notice fell due: the day after the deadline, then every 7 days.</summary>
    public DateOnly DueOn { get; set; }

    public DateTime SentAt { get; set; }
}

internal sealed class DelayNoticeSentConfiguration : IEntityTypeConfiguration<DelayNoticeSent>
{
    public void Configure(EntityTypeBuilder<DelayNoticeSent> builder)
    {
        builder.ToTable("delay_notices");
        builder.HasKey(n => new { n.ApplicationId, n.DueOn });
        builder.HasOne<PermitApplication>().WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
