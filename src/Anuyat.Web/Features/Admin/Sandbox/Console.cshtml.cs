using Anuyat.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anuyat.Web.Features.Admin.Sandbox;

/// <summary>In the real app: where the training sandbox is. In the sandbox: the reset button.</summary>
[Authorize(Policy = Accounts.AccountsSetup.Policies.Admin)]
public sealed class ConsoleModel(SandboxMode sandbox, SignInManager<Account> signIn, IServiceProvider services, ILogger<ConsoleModel> logger) : PageModel
{
    public SandboxMode Sandbox => sandbox;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (!sandbox.Enabled)
        {
            return NotFound();
        }

        await SandboxReset.ResetAsync(services, logger, cancellationToken);

        // The accounts were made again with new ids: this session belongs to none of them.
        await signIn.SignOutAsync();
        return Redirect("/account/sign-in");
    }
}
