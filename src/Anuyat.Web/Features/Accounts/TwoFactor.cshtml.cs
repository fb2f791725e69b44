using Anuyat.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(AccountsSetup.RateLimits.SignIn)]
public sealed class TwoFactorModel(SignInManager<Account> signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), T("กรอกรหัสตัวเลข 6 หลักจากแอป", "Enter the 6-digit code from the app"));
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account");
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? T("ผิดหลายครั้ง บัญชีถูกระงับชั่วคราว", "Too many wrong codes; the account is locked for a while")
            : T("รหัสไม่ถูกต้องหรือหมดอายุ", "The code is wrong or has expired"));
        return Page();
    }
}
