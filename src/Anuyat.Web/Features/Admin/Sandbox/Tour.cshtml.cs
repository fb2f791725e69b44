using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anuyat.Web.Features.Admin.Sandbox;

/// <summary>A short guided tour of an officer's first file, in plain steps (no script needed).</summary>
[Authorize]
public sealed class TourModel(SandboxMode sandbox) : PageModel
{
    public SandboxMode Sandbox => sandbox;

    public void OnGet()
    {
    }
}
