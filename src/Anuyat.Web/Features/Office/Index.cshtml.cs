using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Office;

/// <summary>The back office's landing page: which office you act for, and who else works there.</summary>
public sealed class IndexModel(AnuyatDbContext db) : PageModel
{
    public CurrentUser Me { get; private set; } = null!;

    public string OfficeName { get; private set; } = string.Empty;

    public IReadOnlyList<(string Name, string Role)> Colleagues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Me = CurrentUser.From(User)!;
        if (Me.DistrictCode is null || Me.SectionCode is null)
        {
            OfficeName = T("ผู้ดูแลระบบระดับกรุงเทพมหานคร", "City-wide administration");
            return;
        }

        var district = await db.Districts.AsNoTracking().FirstAsync(d => d.Code == Me.DistrictCode, cancellationToken);
        var section = await db.Sections.AsNoTracking().FirstAsync(s => s.Code == Me.SectionCode, cancellationToken);
        OfficeName = T($"{section.NameTh} สำนักงานเขต{district.NameTh}", $"{section.NameEn}, {district.NameEn} District Office");
        var staff = await db.Users.AsNoTracking()
            .Where(a => a.DistrictCode == Me.DistrictCode && a.SectionCode == Me.SectionCode && a.Id != Me.AccountId && a.DeactivatedAt == null)
            .OrderBy(a => a.DisplayName)
            .Select(a => new { a.DisplayName, a.Role })
            .ToListAsync(cancellationToken);
        Colleagues = [.. staff.Select(s => (s.DisplayName, s.Role switch
        {
            Role.Officer => T("เจ้าหน้าที่", "Officer"),
            Role.Approver => T("ผู้อนุมัติ", "Approver"),
            _ => T("ผู้ดูแลระบบ", "Administrator"),
        }))];
    }
}
