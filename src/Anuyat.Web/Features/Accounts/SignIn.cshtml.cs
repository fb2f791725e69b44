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

    /// <summary>Request options for <c>navigator.credentials.get()</c>: no user named (discoverable passkeys), so no account enumeration.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>
    /// Signing in with a passkey. User verification is required (the device's PIN or biometric), so the passkey is a
    /// multi-factor cryptographic authenticator (NIST SP 800-63B §5.1.8: something you have, unlocked by something you
    /// know or are): the session gets <c>amr=mfa</c> like password + TOTP, and staff need no further code.
    /// </summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credential)
    {
        var result = string.IsNullOrWhiteSpace(credential) ? null : await signIn.PerformPasskeyAssertionAsync(credential);
        var account = result is { Succeeded: true, User: { IsActive: true } user, Passkey: { IsUserVerified: true } } ? user : null;
        if (account is not null && (await users.IsLockedOutAsync(account) || !await signIn.CanSignInAsync(account)))
        {
            account = null;
        }

        if (account is null || result?.Passkey is not { } passkey)
        {
            logger.LogWarning("Passkey sign-in refused: {Reason}", result?.Failure?.Message ?? "no credential");
            ModelState.AddModelError(string.Empty, T("เข้าสู่ระบบด้วยพาสคีย์ไม่สำเร็จ", "Signing in with the passkey did not work"));
            return Page();
        }

        await users.AddOrUpdatePasskeyAsync(account, passkey); // the new signature counter (clone detection)
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new System.Security.Claims.Claim(AccountClaims.AuthenticationMethod, "mfa")]);
        logger.LogInformation("Account {AccountId} signed in with a passkey", account.Id);
        return LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account";
}
