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
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>, IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>, IdentityUserPasskey<Guid>>(options), IDataProtectionKeyContext
{
    /// <summary>The tenant column every table holding a local administration's data carries (see <see cref="Tenancy"/>).</summary>
    public const string TenantColumn = "tenant_id";

    /// <summary>The CLR-less (shadow) property behind <see cref="TenantColumn"/>.</summary>
    public const string TenantProperty = "TenantId";

    /// <summary>The named query filter that keeps every query inside <see cref="TenantId"/> (see <see cref="TenantModel"/>).</summary>
    public const string TenantFilter = "Tenant";

    private readonly ITenantContext? _tenant;

    /// <summary>Used by dependency injection: the unit of work's tenant (the request's, or <c>Tenancy:Id</c>) filters reads and stamps new rows.</summary>
    public AnuyatDbContext(DbContextOptions<AnuyatDbContext> options, ITenantContext tenant)
        : this(options)
    {
        _tenant = tenant;
    }

    /// <summary>The tenant this context reads and writes; <see cref="Tenancy.DefaultId"/> when made without one.</summary>
    public string TenantId => _tenant?.TenantId ?? Tenancy.DefaultId;

    /// <summary>
    /// A new context on the same database for another tenant, for the few jobs that serve every tenant in turn
    /// (<c>audit verify</c>); the caller disposes it.
    /// </summary>
    public AnuyatDbContext ForTenant(string tenantId) => new(options, new FixedTenant(tenantId));

    /// <summary>Every tenant that has rows in <paramref name="table"/>'s set, read across the tenant filter.</summary>
    public Task<List<string>> TenantsOfAsync<T>(Func<AnuyatDbContext, IQueryable<T>> table, CancellationToken cancellationToken = default)
        where T : class =>
        table(this).IgnoreQueryFilters([TenantFilter]).Select(row => EF.Property<string>(row, TenantProperty)).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);

    /// <summary>Set on a context reading a replica (<see cref="ReadOnlyDb"/>): saving through it is a programming error.</summary>
    public bool IsReadOnly { get; init; }

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
        ThrowIfReadOnly();
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
        ThrowIfReadOnly();
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

    /// <summary>Identity schema version 3 (passkeys), fixed here so migrations built without the app's options have it too.</summary>
    protected override Version SchemaVersion => IdentitySchemaVersions.Version3;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Identity's passkey table (schema version 3), declared here because the base class reads the version from
        // the app's IdentityOptions, which design-time migrations and the test migrator do not have: the model must
        // not depend on who builds it. Same shape as Identity's own OnModelCreatingVersion3.
        builder.Entity<IdentityUserPasskey<Guid>>(b =>
        {
            b.HasKey(p => p.CredentialId);
            b.ToTable("AspNetUserPasskeys");
            b.Property(p => p.CredentialId).HasMaxLength(1024);
            b.OwnsOne(p => p.Data).ToJson();
        });
        builder.Entity<Account>().HasMany<IdentityUserPasskey<Guid>>().WithOne().HasForeignKey(p => p.UserId).IsRequired();

        // The lengths Identity gives these columns when the app's IdentityOptions are present (schema version 3 caps
        // keys at 128), pinned so the model the migrations were made from and the model the running app checks
        // against are the same: otherwise `db migrate` on PostgreSQL refuses with "pending model changes".
        builder.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
        });
        builder.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
        });
        builder.Entity<Account>().Property(a => a.PhoneNumber).HasMaxLength(256);
        builder.ApplyConfigurationsFromAssembly(typeof(AnuyatDbContext).Assembly);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        // Keep this last: it gives every table (including those other modules add later) the tenant in its keys,
        // foreign keys and indexes, and the tenant query filter.
        TenantModel.Apply(builder, this, Database.IsSqlite());
    }

    /// <summary>
    /// New rows whose tenant is still empty take this context's. The value generator fills most of them when they are
    /// added; for a key column that is also part of a foreign key whose principal is not tracked (an office's tenant,
    /// which references its district and its section) EF marks the generated value temporary and would leave the
    /// column to the database, which has no default for it.
    /// </summary>
    private void StampTenant()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added && entry.Metadata.FindProperty(TenantProperty) is not null)
            {
                var tenant = entry.Property(TenantProperty);
                if (tenant.CurrentValue is null || tenant.IsTemporary)
                {
                    tenant.CurrentValue = TenantId;
                    tenant.IsTemporary = false;
                }
            }
        }
    }

    private void ThrowIfReadOnly()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException("This context reads the dashboard replica; writes go through the primary AnuyatDbContext.");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; SQLite forgets the kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed record FixedTenant(string TenantId) : ITenantContext;
}
