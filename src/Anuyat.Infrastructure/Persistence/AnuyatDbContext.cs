using Anuyat.Domain.Applications;
using Anuyat.Domain.Organisation;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Idempotency;
using Anuyat.Infrastructure.Notifications;
using Anuyat.Infrastructure.Stats;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>
/// The one database of the monolith. Each module keeps its entity configuration in its own folder
/// (<c>IEntityTypeConfiguration</c>); this class only lists the sets and picks them up.
/// </summary>
public sealed class AnuyatDbContext(DbContextOptions<AnuyatDbContext> options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The tenant column every table holding a local administration's data carries (see <see cref="Tenancy"/>).</summary>
    public const string TenantColumn = "tenant_id";

    /// <summary>The CLR-less (shadow) property behind <see cref="TenantColumn"/>.</summary>
    public const string TenantProperty = "TenantId";

    /// <summary>Used by dependency injection: rows this context adds carry the deployment's tenant (<c>Tenancy:Id</c>).</summary>
    public AnuyatDbContext(DbContextOptions<AnuyatDbContext> options, Tenancy tenancy)
        : this(options)
    {
        TenantId = tenancy.Id;
    }

    /// <summary>The tenant written into new rows; <see cref="Tenancy.DefaultId"/> unless configured.</summary>
    public string TenantId { get; } = Tenancy.DefaultId;

    /// <summary>ASP.NET Core data-protection keys (cookies, anti-forgery), shared by every app instance through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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

    public DbSet<Admin.HolidayOverride> HolidayOverrides => Set<Admin.HolidayOverride>();

    public DbSet<Admin.HolidayYear> HolidayYears => Set<Admin.HolidayYear>();

    public DbSet<Admin.RolloutDecision> RolloutDecisions => Set<Admin.RolloutDecision>();

    public DbSet<Admin.VersionSchedule> VersionSchedules => Set<Admin.VersionSchedule>();

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
        StampTenant();

        // Cached token lookups (ApiTokenCache) must see an account or token change made here at the next request.
        return AccountChanges.Pending(ChangeTracker) ? SaveAndSignalAsync(acceptAllChangesOnSuccess, cancellationToken) : SaveCoreAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private async Task<int> SaveAndSignalAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        AccountChanges.Bump();
        try
        {
            return await SaveCoreAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            AccountChanges.Bump();
        }
    }

    private Task<int> SaveCoreAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
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
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTenant();
        var accounts = AccountChanges.Pending(ChangeTracker);
        try
        {
            return AuditSealer.HasPending(this) || RollupTracker.Capture(this) is not null
                ? throw new InvalidOperationException("Audit entries and application changes are saved with SaveChangesAsync.")
                : base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            if (accounts)
            {
                AccountChanges.Bump();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AnuyatDbContext).Assembly);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        // Keep this loop last: it gives every table (including those other modules add later) the tenant column.
        ApplyTenantConvention(builder);
    }

    /// <summary>
    /// Tenancy-ready (issue 9): every table holding a local administration's data gets <c>tenant_id</c> (default
    /// <c>bma</c>), and every index includes it, so a unique index is unique per tenant and the tables can later be
    /// distributed by tenant (Citus requires the distribution column in every unique index). Primary keys stay the
    /// globally unique ids so foreign keys are untouched; docs/scaling.md describes the step that makes them
    /// (tenant_id, id). Deployment-wide tables (data-protection keys) are exempt.
    /// </summary>
    private static void ApplyTenantConvention(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().ToList())
        {
            // Owned types live in (or hang off) their owner's rows; an entity type without a key is not a table of ours.
            if (entity.IsOwned() || entity.BaseType is not null || entity.FindPrimaryKey() is null || entity.GetTableName() is null || entity.ClrType == typeof(DataProtectionKey))
            {
                continue;
            }

            var tenant = builder.Entity(entity.Name).Property<string>(TenantProperty);
            tenant.HasColumnName(TenantColumn).HasMaxLength(Tenancy.MaxLength).IsRequired().HasDefaultValue(Tenancy.DefaultId);
            foreach (var index in entity.GetIndexes().ToList())
            {
                var properties = index.Properties.Select(p => p.Name).ToList();
                if (properties.Contains(TenantProperty))
                {
                    continue;
                }

                // Added before the old one is removed, so the index still covers its foreign key and EF does not put
                // the old one back; tenant_id goes last so every existing lookup keeps its index prefix.
                var unique = index.IsUnique;
                var filter = index.GetFilter();
                var rebuilt = builder.Entity(entity.Name).HasIndex([.. properties, TenantProperty]).IsUnique(unique);
                if (filter is not null)
                {
                    rebuilt.HasFilter(filter);
                }

                if (entity.FindIndex(index.Properties) is { } old)
                {
                    entity.RemoveIndex(old);
                }
            }
        }
    }

    /// <summary>New rows carry this context's tenant; a row's tenant never changes.</summary>
    private void StampTenant()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added && entry.Metadata.FindProperty(TenantProperty) is not null)
            {
                entry.Property(TenantProperty).CurrentValue = TenantId;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; SQLite forgets the kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
