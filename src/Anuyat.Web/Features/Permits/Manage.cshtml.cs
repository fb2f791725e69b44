using Anuyat.Domain.Accounts;
using Anuyat.Domain.Permits;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Permits;

/// <summary>The office's view of an issued permit; an approver of the issuing district may revoke it with reasons.</summary>
[Authorize(Policy = AccountsSetup.Policies.Staff)]
public sealed class ManageModel(AnuyatDbContext db, StaffSecondFactor rule, PermitRevocation revocation, TimeProvider clock) : PageModel
{
    public Permit Permit { get; private set; } = null!;

    public bool CanRevoke => Permit.RevokedAt is null && CurrentUser.From(User)!.Role == Role.Approver;

    public DateOnly Today => ApplicationsApi.BangkokToday(clock);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct) => await LoadAsync(number, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string number, string? reasons, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct))
        {
            return NotFound();
        }

        var result = await revocation.RevokeAsync(CurrentUser.From(User)!, number, reasons, ct);
        if (!result.IsSuccess)
        {
            if (result.Error is Domain.Common.ValidationFailed v)
            {
                foreach (var (field, messages) in v.Errors)
                {
                    ModelState.AddModelError(field, T(messages[0]));
                }
            }
            else
            {
                ModelState.AddModelError(string.Empty, T(result.Error!.Message));
            }

            return Page();
        }

        // Not RedirectToPage: lower-case URLs (PlatformSetup) would lower-case the number too.
        return LocalRedirect($"/office/permits/{Uri.EscapeDataString(PermitNumbers.Normalise(number))}");
    }

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        var me = CurrentUser.From(User)!;
        var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Number == PermitNumbers.Normalise(number), ct);
        if (permit is null || !(me.Role is Role.Officer or Role.Approver && rule.IsSatisfiedBy(me) && me.DistrictCode == permit.DistrictCode && me.SectionCode == permit.SectionCode))
        {
            return false;
        }

        Permit = permit;
        return true;
    }
}
