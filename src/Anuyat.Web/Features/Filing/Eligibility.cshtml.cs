using Anuyat.Domain.Catalog;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Filing;

/// <summary>
/// "Can you use this service?" — the definition's eligibility questions, one per page (GOV.UK question pages). An
/// answer that rules the person out sends them to a page that says why and where to go instead.
/// </summary>
[Authorize]
public sealed class EligibilityModel(CatalogStore catalog) : PageModel
{
    public ServiceDefinition Definition { get; private set; } = null!;

    public EligibilityQuestion Question { get; private set; } = null!;

    public int Step { get; private set; }

    [BindProperty]
    public string? Answer { get; set; }

    public IActionResult OnGet(string code, int? step)
    {
        if (Load(code, step ?? 0) is { } result)
        {
            return result;
        }

        return Page();
    }

    public IActionResult OnPost(string code, int? step)
    {
        if (Load(code, step ?? 0) is { } result)
        {
            return result;
        }

        if (Answer is not ("yes" or "no"))
        {
            ModelState.AddModelError("Answer", T("เลือก ใช่ หรือ ไม่ใช่", "Choose yes or no"));
            return Page();
        }

        if ((Answer == "yes") == Question.DisqualifyingAnswer)
        {
            return Redirect($"/services/{Definition.Code}/apply/not-for-you?question={Uri.EscapeDataString(Question.Code)}");
        }

        return Step + 1 < Definition.Eligibility.Count
            ? Redirect($"/services/{Definition.Code}/apply/{Step + 1}")
            : Redirect($"/services/{Definition.Code}/apply/district");
    }

    private IActionResult? Load(string code, int step)
    {
        var definition = CatalogSetup.Find(catalog, code, null, null);
        if (definition is null || step < 0)
        {
            return NotFound();
        }

        Definition = definition;
        if (step >= definition.Eligibility.Count)
        {
            return Redirect($"/services/{code}/apply/district");
        }

        Step = step;
        Question = definition.Eligibility[step];
        return null;
    }
}
