using Anuyat.Domain.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anuyat.Web.Features.Catalog;

/// <summary>The service directory: search in Thai or English, filter by section and by the reader's district.</summary>
public sealed class IndexModel(CatalogStore store) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    public CatalogStore Store => store;

    public IReadOnlyList<ServiceDefinition> Services { get; private set; } = [];

    public void OnGet()
    {
        var today = store.Today;
        var query = Query?.Trim();
        Services = store.Catalog.AllInForce(today)
            .Where(d => string.IsNullOrEmpty(Section) || d.Section == Section)
            .Where(d => string.IsNullOrEmpty(District) || store.Catalog.Rollout.IsOpen(d.Code, District, today))
            .Where(d => string.IsNullOrEmpty(query) || Matches(d, query))
            .OrderBy(d => d.Section, StringComparer.Ordinal).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
    }

    private static bool Matches(ServiceDefinition d, string query) =>
        new[] { d.Code, d.Name.Th, d.Name.En, d.Description.Th, d.Description.En }
            .Any(text => text.Contains(query, StringComparison.OrdinalIgnoreCase));
}
