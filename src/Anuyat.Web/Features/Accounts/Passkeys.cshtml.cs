using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Accounts;

/// <summary>
/// Officers' passkeys (WebAuthn, ASP.NET Core Identity's own implementation, schema version 3). Only staff who are
/// already signed in with password and authenticator code (the Staff policy) may add one, so a stolen password alone
/// never enrols a key. The browser part is wwwroot/js/passkeys.js (the CSP forbids inline script); without JavaScript
/// the page lists and removes passkeys and says that adding one needs it.
/// </summary>
[Authorize(Policy = AccountsSetup.Policies.Staff)]
public sealed class PasskeysModel(SignInManager<Account> signIn, UserManager<Account> users, AnuyatDbContext db, AuditTrail audit) : PageModel
{
    public sealed record PasskeyRow(string Id, string Name, DateTime CreatedAt);

    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    /// <summary>The creation options for <c>navigator.credentials.create()</c>; the challenge is kept in Identity's state cookie.</summary>
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        var account = await LoadAsync();
        if (account is null)
        {
            return Challenge();
        }

        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = account.Id.ToString("D"),
            Name = account.Email ?? account.Id.ToString("D"),
            DisplayName = string.IsNullOrWhiteSpace(account.DisplayName) ? account.Email ?? "Anuyat" : account.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostRegisterAsync(string? credential, string? name)
    {
        var account = await LoadAsync();
        if (account is null)
        {
            return Challenge();
        }

        if (string.IsNullOrWhiteSpace(credential))
        {
            ModelState.AddModelError(string.Empty, T("เบราว์เซอร์ไม่ได้ส่งพาสคีย์มา ลองอีกครั้ง", "The browser sent no passkey; please try again"));
            return Page();
        }

        var result = await signIn.PerformPasskeyAttestationAsync(credential);
        if (!result.Succeeded || result.UserEntity.Id != account.Id.ToString("D"))
        {
            ModelState.AddModelError(string.Empty, T("เพิ่มพาสคีย์ไม่สำเร็จ ลองอีกครั้ง", "The passkey could not be added; please try again"));
            return Page();
        }

        var passkey = result.Passkey;
        passkey.Name = string.IsNullOrWhiteSpace(name) ? T("พาสคีย์", "Passkey") : name.Trim()[..Math.Min(name.Trim().Length, 100)];
        audit.Append(AuditActor.Account(account.Id, account.Role.ToCode()), "account.passkey-added", "account", account.Id.ToString("D"),
            new("เพิ่มพาสคีย์สำหรับเข้าสู่ระบบ", "A passkey was added for signing in"),
            new { credentialId = WebEncoders.Base64UrlEncode(passkey.CredentialId) });
        var saved = await users.AddOrUpdatePasskeyAsync(account, passkey);
        await db.SaveChangesAsync();
        if (!saved.Succeeded)
        {
            ModelState.AddModelError(string.Empty, T("เพิ่มพาสคีย์ไม่สำเร็จ ลองอีกครั้ง", "The passkey could not be added; please try again"));
            return Page();
        }

        Done = "added";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? credentialId)
    {
        var account = await LoadAsync();
        if (account is null)
        {
            return Challenge();
        }

        if (!string.IsNullOrEmpty(credentialId) && Passkeys.Any(p => p.Id == credentialId))
        {
            audit.Append(AuditActor.Account(account.Id, account.Role.ToCode()), "account.passkey-removed", "account", account.Id.ToString("D"),
                new("ลบพาสคีย์", "A passkey was removed"), new { credentialId });
            await users.RemovePasskeyAsync(account, WebEncoders.Base64UrlDecode(credentialId));
            await db.SaveChangesAsync();
            Done = "removed";
        }

        return RedirectToPage();
    }

    private async Task<Account?> LoadAsync()
    {
        var me = CurrentUser.From(User);
        var account = me is null ? null : await users.FindByIdAsync(me.AccountId.ToString());
        if (account is null)
        {
            return null;
        }

        Passkeys = [.. (await users.GetPasskeysAsync(account)).OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? string.Empty, p.CreatedAt.UtcDateTime))];
        return account;
    }
}
