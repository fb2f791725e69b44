using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Admin.People;

/// <summary>One member of staff: role and scope, deactivation, second-factor reset, and what they did lately.</summary>
[Authorize(Policy = Accounts.AccountsSetup.Policies.Admin)]
public sealed class PersonModel(AnuyatDbContext db, PeopleAdmin people) : PageModel
{
    public Account Person { get; private set; } = null!;

    public IReadOnlyList<AuditEvent> RecentActions { get; private set; } = [];

    public IReadOnlyList<(string Value, string Text)> Districts { get; private set; } = [];

    public IReadOnlyList<(string Value, string Text)> Sections { get; private set; } = [];

    public bool IsMe { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? District { get; set; }

    [BindProperty]
    public string? Section { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        Done = done;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "changed", () => people.ChangeAsync(AdminForms.Me(User), id, Role, District, Section, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "deactivated", () => people.DeactivateAsync(AdminForms.Me(User), id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResetSecondFactorAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "second-factor-reset", () => people.ResetSecondFactorAsync(AdminForms.Me(User), id, Reason, cancellationToken), cancellationToken);

    public static string Describe(string done) => done switch
    {
        "changed" => T("บันทึกบทบาทและขอบเขตแล้ว ผู้ใช้ต้องเข้าสู่ระบบใหม่", "Role and scope saved; the person signs in again"),
        "deactivated" => T("ปิดบัญชีแล้ว ทุกเซสชันและโทเคนสิ้นสุดทันที", "Deactivated; every session and token has ended"),
        "second-factor-reset" => T("รีเซ็ตแล้ว ผู้ใช้จะลงทะเบียนแอปยืนยันตัวตนใหม่เมื่อเข้าสู่ระบบครั้งถัดไป", "Reset; the person enrols a new authenticator at the next sign-in"),
        _ => string.Empty,
    };

    private async Task<IActionResult> ActAsync(Guid id, string done, Func<Task<Domain.Common.Result<Account>>> action, CancellationToken cancellationToken)
    {
        var result = await action();
        if (result.IsSuccess)
        {
            return Redirect($"/admin/people/{id}?done={done}");
        }

        if (result.Error is Domain.Common.NotFoundError)
        {
            return NotFound();
        }

        ModelState.AddErrors(result.Error!);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Role != Domain.Accounts.Role.Citizen, cancellationToken);
        if (person is null)
        {
            return false;
        }

        Person = person;
        IsMe = person.Id == AdminForms.Me(User).AccountId;
        var actor = id.ToString("D");
        RecentActions = await db.AuditEvents.AsNoTracking().Where(e => e.ActorId == actor).OrderByDescending(e => e.Sequence).Take(20).ToListAsync(cancellationToken);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken);
        Districts = [("", T("— ทั้งเมือง (ผู้ดูแลระบบเท่านั้น) —", "— city-wide (administrators only) —")), .. districts.Select(d => (d.Code, $"{d.Code} {T(d.NameTh, d.NameEn)}"))];
        Sections = [("", T("— ไม่ระบุ (ผู้ดูแลระบบเท่านั้น) —", "— none (administrators only) —")), .. sections.Select(s => (s.Code, T(s.NameTh, s.NameEn)))];
        return true;
    }
}
