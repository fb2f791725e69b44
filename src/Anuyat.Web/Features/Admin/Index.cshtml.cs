using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anuyat.Web.Features.Admin;

[Authorize(Policy = Accounts.AccountsSetup.Policies.Admin)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
