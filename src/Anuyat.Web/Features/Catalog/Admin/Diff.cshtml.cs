using Anuyat.Domain.Catalog;
using Anuyat.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anuyat.Web.Features.Catalog.Admin;

/// <summary>What changed between two versions of a service definition, path by path, for administrators.</summary>
[Authorize(Policy = AccountsSetup.Policies.Admin)]
public sealed class DiffModel(CatalogStore store) : PageModel
{
    public ServiceDefinition From { get; private set; } = null!;

    public ServiceDefinition To { get; private set; } = null!;

    public IReadOnlyList<DefinitionChange> Changes { get; private set; } = [];

    public IReadOnlyList<ServiceDefinition> Versions { get; private set; } = [];

    public IActionResult OnGet(string code, int? from, int? to)
    {
        Versions = store.Catalog.Versions(code);
        if (Versions.Count == 0)
        {
            return NotFound();
        }

        var first = from is { } f ? store.Catalog.GetVersion(code, f) : Versions[0];
        var second = to is { } t ? store.Catalog.GetVersion(code, t) : Versions[^1];
        if (first is null || second is null)
        {
            return NotFound();
        }

        (From, To) = (first, second);
        Changes = DefinitionDiff.Compare(first, second);
        return Page();
    }
}
