using Anuyat.Domain.Accounts;
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
public sealed class RegisterModel(UserManager<Account> users, SignInManager<Account> signIn, TimeProvider clock, ILogger<RegisterModel> logger) : PageModel
{
    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        DisplayName = DisplayName?.Trim();
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(DisplayName) || DisplayName.Length > 200)
        {
            ModelState.AddModelError(nameof(DisplayName), T("กรอกชื่อ-นามสกุล (ไม่เกิน 200 ตัวอักษร)", "Enter your full name (up to 200 characters)"));
        }

        if (string.IsNullOrEmpty(Email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(Email) || Email.Length > 254)
        {
            ModelState.AddModelError(nameof(Email), T("กรอกอีเมลให้ถูกต้อง เช่น name@example.com", "Enter an e-mail address like name@example.com"));
        }

        if (string.IsNullOrEmpty(Password) || Password.Length < 10)
        {
            ModelState.AddModelError(nameof(Password), T("รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร", "The password must be at least 10 characters"));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            UserName = Email,
            Email = Email,
            DisplayName = DisplayName!,
            Role = Role.Citizen,
            PreferredLanguage = Language,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(account, Password!);
        if (!created.Succeeded)
        {
            // A taken address gets the same neutral message as other problems would reveal nothing more than sign-in does.
            var taken = created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName");
            ModelState.AddModelError(taken ? nameof(Email) : nameof(Password), taken
                ? T("อีเมลนี้มีบัญชีอยู่แล้ว ลองเข้าสู่ระบบแทน", "There is already an account with this address; try signing in")
                : T("ใช้รหัสผ่านนี้ไม่ได้ ลองรหัสผ่านที่ยาวขึ้น", "This password cannot be used; try a longer one"));
            return Page();
        }

        logger.LogInformation("Citizen account {AccountId} registered", account.Id);
        await signIn.SignInAsync(account, isPersistent: false);
        return Redirect("/account");
    }
}
