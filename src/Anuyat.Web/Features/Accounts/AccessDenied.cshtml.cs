using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anuyat.Web.Features.Accounts;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    public bool NeedsSecondFactor { get; private set; }

    public void OnGet()
    {
        var user = CurrentUser.From(User);
        NeedsSecondFactor = user is { IsStaff: true, SecondFactor: false };
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
