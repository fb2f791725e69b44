using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Admin.People;

/// <summary>Staff accounts of the city, filterable by district, and the invitation form.</summary>
[Authorize(Policy = Accounts.AccountsSetup.Policies.Admin)]
public sealed class IndexModel(AnuyatDbContext db, PeopleAdmin people) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Email, Role Role, string? District, string? Section, bool Active, bool Invited, bool SecondFactor);

    [BindProperty(SupportsGet = true)]
    public string? Filter { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? District { get; set; }

    [BindProperty]
    public string? Section { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<(string Value, string Text)> Districts { get; private set; } = [];

    public IReadOnlyList<(string Value, string Text)> Sections { get; private set; } = [];

    public string? Invited { get; private set; }

    public static IReadOnlyList<(string Value, string Text)> RoleOptions => [("", T("— เลือก —", "— choose —")), .. PeopleAdmin.StaffRoles.Select(r => (r.ToCode(), T(PeopleAdmin.RoleName(r))))];

    public async Task OnGetAsync(string? invited, CancellationToken cancellationToken)
    {
        Invited = invited;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var site = new Uri($"{Request.Scheme}://{Request.Host}");
        var result = await people.InviteAsync(AdminForms.Me(User), Email, DisplayName, Role, District, Section, site, cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddErrors(result.Error!);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/admin/people?invited={Uri.EscapeDataString(result.Value.Email!)}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken);
        Districts = [("", T("— ทั้งเมือง (ผู้ดูแลระบบเท่านั้น) —", "— city-wide (administrators only) —")), .. districts.Select(d => (d.Code, $"{d.Code} {T(d.NameTh, d.NameEn)}{(d.Pilot ? T(" (นำร่อง)", " (pilot)") : "")}"))];
        Sections = [("", T("— ไม่ระบุ (ผู้ดูแลระบบเท่านั้น) —", "— none (administrators only) —")), .. sections.Select(s => (s.Code, T(s.NameTh, s.NameEn)))];
        var query = db.Users.AsNoTracking().Where(a => a.Role != Domain.Accounts.Role.Citizen);
        if (!string.IsNullOrWhiteSpace(Filter))
        {
            query = query.Where(a => a.DistrictCode == Filter);
        }

        Rows = await query.OrderBy(a => a.DistrictCode).ThenBy(a => a.SectionCode).ThenBy(a => a.Email).Take(500)
            .Select(a => new Row(a.Id, a.DisplayName, a.Email ?? "", a.Role, a.DistrictCode, a.SectionCode, a.DeactivatedAt == null, a.PasswordHash == null, a.TwoFactorEnabled))
            .ToListAsync(cancellationToken);
    }
}
