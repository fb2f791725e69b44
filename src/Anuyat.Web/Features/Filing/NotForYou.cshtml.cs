using Anuyat.Domain.Catalog;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anuyat.Web.Features.Filing;

/// <summary>The clear exit: this service is not for you, here is why (the definition's message) and where to go instead.</summary>
public sealed class NotForYouModel(CatalogStore catalog) : PageModel
{
    public ServiceDefinition Definition { get; private set; } = null!;

    public EligibilityQuestion? Question { get; private set; }

    public IActionResult OnGet(string code, string? question)
    {
        var definition = CatalogSetup.Find(catalog, code, null, null);
        if (definition is null)
        {
            return NotFound();
        }

        Definition = definition;
        Question = definition.Eligibility.FirstOrDefault(q => q.Code == question);
        return Page();
    }
}
