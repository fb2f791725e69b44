using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Stats;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Anuyat.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Admin.Sandbox;

/// <summary>
/// Fills the training sandbox: the demo staff (DemoAccounts) and synthetic applications from the same generator as
/// <c>demo generate</c> (<see cref="DemoGenerator"/>), limited to the pilot districts where the demo staff work and to
/// the last weeks before today, so many files are still open to practise on. A fixed seed makes every reset the same.
/// Settings: <c>Sandbox:Applications</c> (default 200), <c>Sandbox:Seed</c> (default 2569), <c>Sandbox:WindowDays</c> (default 60).
/// </summary>
public static class SandboxFiles
{
    public const int DefaultApplications = 200;
    public const long DefaultSeed = 2569;
    public const int DefaultWindowDays = 60;

    /// <summary>Seeds the demo staff, then the files unless the sandbox already has some; returns how many files were made.</summary>
    public static async Task<int> FillAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<CatalogStore>();
        await DemoAccounts.SeedAsync(services, catalog.Districts, catalog.Sections, logger, cancellationToken);
        var db = services.GetRequiredService<AnuyatDbContext>();
        if (await db.Applications.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        var count = Math.Clamp(configuration.GetValue("Sandbox:Applications", DefaultApplications), 1, 100_000);
        var seed = configuration.GetValue("Sandbox:Seed", DefaultSeed);
        var window = Math.Max(31, configuration.GetValue("Sandbox:WindowDays", DefaultWindowDays));

        // Up to yesterday: the generator lets steps run until 17:00 of its last day, which must not be in the future.
        var until = ApplicationsApi.BangkokToday(services.GetRequiredService<TimeProvider>()).AddDays(-1);
        var result = await DemoGenerator.Create(services).GenerateAsync(count, seed, until, progress: null, from: until.AddDays(-window), pilotOnly: true, cancellationToken);

        // The bulk writer goes around SaveChanges, so the dashboard's rollups are recomputed once from the rows.
        await services.GetRequiredService<RollupRebuilder>().RebuildAsync(cancellationToken);
        services.GetRequiredService<StatsSliceCache>().Clear();
        logger.LogInformation("Sandbox: {Count} synthetic applications from the demo generator (seed {Seed})", result.Applications, seed);
        return result.Applications;
    }
}
