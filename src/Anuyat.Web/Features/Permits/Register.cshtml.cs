using Anuyat.Domain.Organisation;
using Anuyat.Domain.Permits;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Permits;

/// <summary>
/// The public register of issued building permits (ข.1) per district: number, site area (road and sub-district,
/// never a house number or a name), floor area, type and date. Searchable and paged.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(AnuyatDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;
    public const string BuildingPermit = "building-permit-k1";

    public IReadOnlyList<District> Districts { get; private set; } = [];

    public IReadOnlyList<Permit> Rows { get; private set; } = [];

    public string? District { get; private set; }

    public string? Query { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int Total { get; private set; }

    public DateOnly Today => ApplicationsApi.BangkokToday(clock);

    public static string KindText(string kind) => kind switch
    {
        "construct" => T("ก่อสร้าง", "Construction"),
        "modify" => T("ดัดแปลง", "Modification"),
        "demolish" => T("รื้อถอน", "Demolition"),
        _ => kind,
    };

    public string DistrictName(string code) => Districts.FirstOrDefault(d => d.Code == code) is { } d ? T("เขต" + d.NameTh, d.NameEn) : code;

    public async Task OnGetAsync(string? district, string? q, int page = 1, CancellationToken ct = default)
    {
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        District = Districts.Any(d => d.Code == district) ? district : null;
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)];
        var permits = db.Permits.AsNoTracking().Where(p => p.ServiceCode == BuildingPermit);
        if (District is not null)
        {
            permits = permits.Where(p => p.DistrictCode == District);
        }

        if (Query is not null)
        {
            // Only public columns are searched; the holder's name is not one of them.
            var term = Query;
            permits = permits.Where(p => p.Number.Contains(term) || p.SiteArea.Contains(term));
        }

        Total = await permits.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page, 1, PageCount);
        Rows = await permits.OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Number)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
