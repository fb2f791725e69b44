using Anuyat.Domain.Catalog;
using Anuyat.Domain.Organisation;
using Anuyat.Infrastructure.Catalog;
using Anuyat.Infrastructure.Organisation;
using Anuyat.Infrastructure.Platform;
using Anuyat.Web.Platform;

namespace Anuyat.Web.Features.Catalog;

/// <summary>
/// The loaded, validated catalog with the districts it can open in. Built once at start; an invalid catalog throws
/// <see cref="StartupException"/> listing every problem, so the app never serves a broken manual.
/// </summary>
public sealed class CatalogStore(ServiceCatalog catalog, IReadOnlyList<District> districts, IReadOnlyList<Section> sections, TimeProvider time)
{
    public ServiceCatalog Catalog { get; } = catalog;

    public IReadOnlyList<District> Districts { get; } = districts;

    public IReadOnlyList<Section> Sections { get; } = sections;

    public Section? SectionOf(ServiceDefinition definition) => Sections.FirstOrDefault(s => s.Code == definition.Section);

    /// <summary>Today's date in Bangkok: the day that decides which version is in force.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ThaiDates.Bangkok).DateTime);

    public IReadOnlyList<string> AvailableIn(string code) => Catalog.Rollout.AvailableIn(code, Today, Districts.Select(d => d.Code));

    public static CatalogStore Load(IConfiguration configuration, TimeProvider time)
    {
        var root = configuration["Anuyat:ContentRoot"];
        var reference = ReferenceFiles.Locate("reference", root);
        var districts = OrganisationFiles.ReadDistricts(reference);
        var sections = OrganisationFiles.ReadSections(reference);
        var folder = configuration["Catalog:Folder"] ?? ReferenceFiles.Locate("catalog", root);
        var load = CatalogFiles.Load(folder, districts.Select(d => d.Code).ToList());
        if (!load.IsValid)
        {
            throw new StartupException($"the service catalog has {load.Problems.Count} problem(s); run 'catalog validate' to see all. First: {load.Problems[0]}");
        }

        return new CatalogStore(new ServiceCatalog(load.Definitions, load.Rollout), districts, sections, time);
    }
}

/// <summary>Loads the catalog before the server listens, so an invalid catalog stops the start.</summary>
public sealed class CatalogStartupCheck(CatalogStore store, ILogger<CatalogStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Service catalog: {Services} services, {Versions} versions", store.Catalog.Codes.Count, store.Catalog.VersionCount);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
