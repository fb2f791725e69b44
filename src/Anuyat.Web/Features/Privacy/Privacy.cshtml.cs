using Anuyat.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anuyat.Web.Features.Privacy;

/// <summary>The full privacy notice (PDPA B.E. 2562 s.23); contact and retention come from admin-edited files.</summary>
[AllowAnonymous]
public sealed class PrivacyModel(PrivacyContact contact, RetentionRules retention) : PageModel
{
    public PrivacyContact Contact { get; } = contact;

    public RetentionRules Retention { get; } = retention;

    public void OnGet()
    {
    }
}
