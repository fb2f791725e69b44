using System.Text.Json.Nodes;
using Anuyat.Domain.Catalog;
using Anuyat.Infrastructure.Catalog;
using Anuyat.Infrastructure.Platform;

namespace Anuyat.Web.Tests.Catalog;

/// <summary>The catalog/ folder the app ships, loaded once for rule tests; and the broken fixtures.</summary>
public static class ShippedCatalog
{
    public static readonly IReadOnlyList<string> DistrictCodes =
        Enumerable.Range(1001, 50).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static readonly Lazy<CatalogLoad> Loaded = new(() => CatalogFiles.Load(ReferenceFiles.Locate("catalog"), DistrictCodes));

    public static CatalogLoad Load => Loaded.Value;

    public static ServiceCatalog Shipped => new(Load.Definitions, Load.Rollout);

    public static ServiceDefinition K1 => Shipped.GetVersion("building-permit-k1", 1)!;

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Catalog", "Fixtures", name);

    public static JsonObject Answers(string json) => JsonNode.Parse(json)!.AsObject();
}
