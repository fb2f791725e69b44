using System.Security.Claims;
using System.Text;
using Anuyat.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Accounts;

/// <summary>Enrols a TOTP authenticator (RFC 6238) and upgrades the current session to second-factor strength.</summary>
public sealed class AuthenticatorModel(UserManager<Account> users, SignInManager<Account> signIn, ILogger<AuthenticatorModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool AlreadyEnabled { get; private set; }

    public string FormattedKey { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        await LoadAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var valid = code.Length == 6 && await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), T("รหัสไม่ถูกต้อง ตรวจสอบเวลาในโทรศัพท์แล้วลองใหม่", "The code is not right; check your phone's clock and try again"));
            await LoadAsync(account);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(account, true);
        logger.LogInformation("Account {AccountId} turned on an authenticator", account.Id);

        // The person just proved the second factor: this session may now reach staff pages.
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim(AccountClaims.AuthenticationMethod, "mfa")]);
        return Redirect(account.Role == Anuyat.Domain.Accounts.Role.Citizen ? "/account" : "/office");
    }

    private async Task LoadAsync(Account account)
    {
        AlreadyEnabled = account.TwoFactorEnabled;
        if (AlreadyEnabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);

            // A new key renews the security stamp; without a refreshed cookie the open session ended at the next
            // stamp check (Accounts:SessionCheckInterval), often before a newly invited officer had typed the code.
            await signIn.RefreshSignInAsync(account);
        }

        FormattedKey = Format(key!);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Anuyat:" + account.Email)}?secret={key}&issuer=Anuyat&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }

    private static string Format(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
