using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Admin.People;

/// <summary>
/// The invitation link: the invited person sets a password, is signed in, and goes straight to enrolling an
/// authenticator (staff pages stay closed until they have). The link is a one-day Identity token bound to the
/// account's security stamp, so it works once.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Accounts.AccountsSetup.RateLimits.SignIn)]
public sealed class InvitationModel(UserManager<Account> users, SignInManager<Account> signIn, AuditTrail audit, AnuyatDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Usable { get; private set; }

    public async Task OnGetAsync() => Usable = await InvitedAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await InvitedAsync();
        if (account is null)
        {
            return Page();
        }

        Usable = true;
        if (string.IsNullOrEmpty(Password) || Password.Length < 10)
        {
            ModelState.AddModelError(nameof(Password), T("รหัสผ่านอย่างน้อย 10 ตัวอักษร", "The password needs at least 10 characters"));
            return Page();
        }

        account.EmailConfirmed = true;
        audit.Append(AuditActor.Account(account.Id, Domain.Accounts.Roles.ToCode(account.Role)), "account.invitation-accepted", "account", account.Id.ToString("D"),
            new("ตอบรับคำเชิญและตั้งรหัสผ่าน", "Invitation accepted, password set"), null, new AuditScope(account.DistrictCode, account.SectionCode));
        var result = await users.ResetPasswordAsync(account, Token ?? string.Empty, Password);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            Usable = false;
            ModelState.AddModelError(nameof(Password), T("ลิงก์นี้หมดอายุหรือใช้ไปแล้ว ขอให้ผู้ดูแลระบบเชิญใหม่", "This link has expired or was used; ask your administrator for a new invitation"));
            return Page();
        }

        await signIn.SignInAsync(account, isPersistent: false);
        return Redirect("/account/authenticator");
    }

    private async Task<Account?> InvitedAsync()
    {
        var account = await users.FindByIdAsync(Id.ToString());
        return account is { IsActive: true, PasswordHash: null } && !string.IsNullOrEmpty(Token) ? account : null;
    }
}
