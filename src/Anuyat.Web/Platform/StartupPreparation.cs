using Anuyat.Domain.Calendar;
using Anuyat.Infrastructure.Organisation;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Anuyat.Web.Features.Accounts;

namespace Anuyat.Web.Platform;

/// <summary>
/// Runs before the server listens: the schema (migrated for SQLite, checked for PostgreSQL), the reference data from
/// <c>reference/</c>, and the demo accounts in Development. Any problem stops the start with one clear line.
/// </summary>
public sealed class StartupPreparation(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<StartupPreparation> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await PrepareAsync(services, configuration, environment, logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Starts building EF Core's model on a pool thread while the main thread maps the endpoints and starts the host:
    /// the model took about 1.3 s of the start's main thread (issue 11), and <see cref="PrepareAsync"/> needs it first
    /// thing. EF builds a model once per context type, so the preparation either finds it built or waits for this
    /// build. A failure is left for <see cref="PrepareAsync"/> to report, with its one clear line.
    /// </summary>
    public static void BuildModelInBackground(IServiceProvider services) => _ = Task.Run(() =>
    {
        try
        {
            using var scope = services.CreateScope();
            _ = scope.ServiceProvider.GetRequiredService<AnuyatDbContext>().Model;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or StartupException)
        {
            // Reported by the preparation, which builds the same model on the main thread.
        }
    });

    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger logger, CancellationToken cancellationToken)
    {
        var referenceFolder = ReferenceFiles.Locate("reference", configuration["Anuyat:ContentRoot"]);
        var districts = OrganisationFiles.ReadDistricts(referenceFolder);
        var sections = OrganisationFiles.ReadSections(referenceFolder);
        var calendar = services.GetRequiredService<BusinessCalendar>(); // loads and checks reference/holidays now, not at first use
        logger.LogInformation("Holiday calendar covers {Years}", string.Join(", ", calendar.Holidays.CoveredYears.Order()));

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnuyatDbContext>();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseInfo>();
        await DatabaseMigrator.PrepareAsync(db, database.Provider, cancellationToken);
        var changes = await OrganisationSync.SyncAsync(db, districts, sections, cancellationToken);
        logger.LogInformation("Reference data: {Districts} districts, {Sections} sections ({Changes} rows changed)", districts.Count, sections.Count, changes);

        // Every other administration this deployment serves (Tenancy:Hosts) gets its own copy of the organisation
        // rows, which its applications and accounts reference by (tenant_id, code).
        foreach (var tenant in services.GetRequiredService<Tenancy>().AllIds.Skip(1))
        {
            await using var other = db.ForTenant(tenant);
            var otherChanges = await OrganisationSync.SyncAsync(other, districts, sections, cancellationToken);
            logger.LogInformation("Reference data for tenant {Tenant}: {Changes} rows changed", tenant, otherChanges);
        }

        if (environment.IsDevelopment() && configuration.GetValue("Demo:Seed", true))
        {
            await DemoAccounts.SeedAsync(scope.ServiceProvider, districts, sections, logger, cancellationToken);
        }
    }
}
