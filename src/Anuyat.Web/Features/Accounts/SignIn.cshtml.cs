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
public sealed class SignInModel(SignInManager<Account> signIn, UserManager<Account> users, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), T("กรอกอีเมล", "Enter your e-mail address"));
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), T("กรอกรหัสผ่าน", "Enter your password"));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = await users.FindByEmailAsync(Email!.Trim());
        if (account is { IsActive: false })
        {
            account = null; // A deactivated account fails exactly like a wrong password.
        }

        var result = account is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { returnUrl = SafeReturnUrl() });
        }

        if (result.Succeeded)
        {
            logger.LogInformation("Account {AccountId} signed in", account!.Id);
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account {AccountId} locked out", account!.Id);
            ModelState.AddModelError(nameof(Email), T("เข้าสู่ระบบผิดหลายครั้ง บัญชีถูกระงับชั่วคราว 15 นาที", "Too many failed attempts; the account is locked for 15 minutes"));
            return Page();
        }

        // Never say which of the two was wrong (OWASP ASVS 2.2: no account enumeration).
        ModelState.AddModelError(nameof(Email), T("อีเมลหรือรหัสผ่านไม่ถูกต้อง", "The e-mail address or password is not right"));
        return Page();
    }

    private string SafeReturnUrl() => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account";
}
