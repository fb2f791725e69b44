using Anuyat.Domain.Applications;
using Anuyat.Domain.Organisation;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Idempotency;
using Anuyat.Infrastructure.Notifications;
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

    public DbSet<Applications.CaseNote> CaseNotes => Set<Applications.CaseNote>();

    public DbSet<Applications.InspectionPhoto> InspectionPhotos => Set<Applications.InspectionPhoto>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<UploadedFile> UploadedFiles => Set<UploadedFile>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Audit entries appended in this unit of work are sealed into the chain inside the saving transaction.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        AuditSealer.HasPending(this)
            ? AuditSealer.SaveWithSealAsync(this, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken)
            : base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>Synchronous saves cannot take the chain lock without blocking a thread; audit entries need the async path.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        AuditSealer.HasPending(this)
            ? throw new InvalidOperationException("Audit entries are saved with SaveChangesAsync.")
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
