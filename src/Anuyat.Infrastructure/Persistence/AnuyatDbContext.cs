using Anuyat.Domain.Applications;
using Anuyat.Domain.Organisation;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Idempotency;
using Anuyat.Infrastructure.Notifications;
using Anuyat.Infrastructure.Stats;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>
/// The one database of the monolith. Each module keeps its entity configuration in its own folder
/// (<c>IEntityTypeConfiguration</c>); this class only lists the sets and picks them up.
/// </summary>
public sealed class AnuyatDbContext(DbContextOptions<AnuyatDbContext> options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<District> Districts => Set<District>();

    public DbSet<Section> Sections => Set<Section>();

    public DbSet<Office> Offices => Set<Office>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Counter> Counters => Set<Counter>();

    public DbSet<PermitApplication> Applications => Set<PermitApplication>();

    public DbSet<Applications.ApplicationDocument> ApplicationDocuments => Set<Applications.ApplicationDocument>();

    public DbSet<Applications.DelayNoticeSent> DelayNotices => Set<Applications.DelayNoticeSent>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<UploadedFile> UploadedFiles => Set<UploadedFile>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<Domain.Payments.Invoice> Invoices => Set<Domain.Payments.Invoice>();

    public DbSet<Domain.Payments.Payment> Payments => Set<Domain.Payments.Payment>();

    public DbSet<Domain.Permits.Permit> Permits => Set<Domain.Permits.Permit>();

    public DbSet<Stats.StatsRollup> StatsRollups => Set<Stats.StatsRollup>();

    public DbSet<Stats.StatsLeadTime> StatsLeadTimes => Set<Stats.StatsLeadTime>();

    public DbSet<Stats.StatsOpenFile> StatsOpenFiles => Set<Stats.StatsOpenFile>();

    /// <summary>
    /// Audit entries appended in this unit of work are sealed into the chain, and changed applications update the
    /// strategy office's rollups (<see cref="RollupTracker"/>), inside the saving transaction. The rollups are written
    /// before the rows: if the save fails (a concurrent change, a constraint), the transaction rolls both back and the
    /// change tracker is untouched, so a retry computes the same delta again.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var rollups = RollupTracker.Capture(this);
        if (rollups is not null)
        {
            return AuditSealer.SaveWithSealAsync(
                this,
                async ct =>
                {
                    await RollupTracker.ApplyAsync(this, rollups, ct);
                    return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
                },
                cancellationToken);
        }

        return AuditSealer.HasPending(this)
            ? AuditSealer.SaveWithSealAsync(this, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken)
            : base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Synchronous saves cannot take the chain lock without blocking a thread; audit entries and application changes need the async path.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        AuditSealer.HasPending(this) || RollupTracker.Capture(this) is not null
            ? throw new InvalidOperationException("Audit entries and application changes are saved with SaveChangesAsync.")
            : base.SaveChanges(acceptAllChangesOnSuccess);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AnuyatDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; SQLite forgets the kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
