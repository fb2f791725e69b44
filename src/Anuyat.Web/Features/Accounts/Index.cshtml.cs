using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Accounts;

public sealed class AccountModel(UserManager<Account> users, ApiTokenService tokens, AnuyatDbContext db, TimeProvider clock) : PageModel
{
    public Account Account { get; private set; } = null!;

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

    public string? Office { get; private set; }

    public DateTime Now { get; private set; }

    public string RoleName => Account.Role switch
    {
        Role.Citizen => T("ผู้ยื่นคำขอ", "Applicant"),
        Role.Officer => T("เจ้าหน้าที่", "Officer"),
        Role.Approver => T("ผู้อนุมัติ", "Approver"),
        Role.Admin => T("ผู้ดูแลระบบ", "Administrator"),
        Role.Strategy => T("สำนักยุทธศาสตร์และประเมินผล", "Strategy and Evaluation"),
        _ => Account.Role.ToCode(),
    };

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    [EnableRateLimiting(AccountsSetup.RateLimits.TokenCreation)]
    public async Task<IActionResult> OnPostCreateTokenAsync(string? tokenName)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        tokenName = tokenName?.Trim();
        if (string.IsNullOrEmpty(tokenName) || tokenName.Length > 100)
        {
            ModelState.AddModelError("TokenName", T("ตั้งชื่อโทเคน (ไม่เกิน 100 ตัวอักษร)", "Give the token a name (up to 100 characters)"));
            return Page();
        }

        var (_, plain) = await tokens.CreateAsync(Account.Id, tokenName);
        NewToken = plain;
        Tokens = await tokens.ListAsync(Account.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId)
    {
        var user = CurrentUser.From(User);
        if (user is null)
        {
            return Challenge();
        }

        // Someone else's token id is simply not found.
        return await tokens.RevokeAsync(user.AccountId, tokenId) ? RedirectToPage() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        var found = await users.GetUserAsync(User);
        if (found is null)
        {
            return false;
        }

        Account = found;
        Now = clock.GetUtcNow().UtcDateTime;
        Tokens = await tokens.ListAsync(Account.Id);
        if (Account.DistrictCode is not null && Account.SectionCode is not null)
        {
            var district = await db.Districts.AsNoTracking().FirstAsync(d => d.Code == Account.DistrictCode);
            var section = await db.Sections.AsNoTracking().FirstAsync(s => s.Code == Account.SectionCode);
            Office = T($"{section.NameTh} สำนักงานเขต{district.NameTh}", $"{section.NameEn}, {district.NameEn} District Office");
        }

        return true;
    }
}
