using Anuyat.Domain.Accounts;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Admin;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Admin.Rollout;

/// <summary>
/// Which service opens online in which district from which date: catalog/rollout.csv is the default, the
/// administrator's decisions (scheduled, never in the past, audited) are kept in the database on top of it.
/// </summary>
[Authorize(Policy = Accounts.AccountsSetup.Policies.Admin)]
public sealed class GridModel(CatalogStore store, AnuyatDbContext db, ConsoleOverlays overlays, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Service { get; set; }

    [BindProperty]
    public string? District { get; set; }

    [BindProperty]
    public string? From { get; set; }

    [BindProperty]
    public bool Close { get; set; }

    public bool Saved { get; private set; }

    public CatalogStore Store => store;

    public Domain.Catalog.Rollout Rollout => store.Catalog.Rollout;

    public DateOnly Today => ApplicationsApi.BangkokToday(clock);

    public IReadOnlyList<ServiceDefinition> Services => store.Catalog.AllInForce(DateOnly.MaxValue);

    public void OnGet(bool saved) => Saved = saved;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, BilingualText[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Service) || !store.Catalog.Codes.Contains(Service))
        {
            errors["Service"] = [new("เลือกบริการจากรายการ", "Choose a service from the list")];
        }

        if (string.IsNullOrWhiteSpace(District) || store.Districts.All(d => d.Code != District))
        {
            errors["District"] = [new("เลือกเขตจากรายการ (รหัส 1001–1050)", "Choose a district from the list (codes 1001–1050)")];
        }

        if (!Close)
        {
            if (AdminForms.IsoDate(From) is not { } from)
            {
                errors["From"] = [new("กรอกวันที่เริ่มเปิดบริการ (yyyy-MM-dd)", "Enter the opening date (yyyy-MM-dd)")];
            }
            else if (from < Today)
            {
                errors["From"] = [new($"วันที่ต้องไม่ก่อนวันนี้ ({AdminForms.Iso(Today)}) การเปลี่ยนแปลงย้อนหลังไม่ได้", $"The date cannot be before today ({AdminForms.Iso(Today)}); rollout is never changed in the past")];
            }
        }

        if (errors.Count > 0)
        {
            ModelState.AddErrors(new ValidationFailed(errors));
            return Page();
        }

        var me = AdminForms.Me(User);
        var before = Rollout.OpensOn(Service!, District!);
        var opens = Close ? null : AdminForms.IsoDate(From);
        var row = await db.RolloutDecisions.FirstOrDefaultAsync(r => r.ServiceCode == Service && r.DistrictCode == District, cancellationToken);
        if (row is null)
        {
            row = new RolloutDecision { ServiceCode = Service!, DistrictCode = District! };
            db.RolloutDecisions.Add(row);
        }

        row.OpensFrom = opens;
        row.ChangedAt = clock.GetUtcNow().UtcDateTime;
        row.ChangedBy = me.AccountId;
        audit.Append(AuditActor.Account(me.AccountId, me.Role.ToCode()), Close ? "rollout.closed" : "rollout.scheduled", "rollout", $"{Service}/{District}",
            Close ? new($"ปิดบริการออนไลน์ {Service} ในเขต {District}", $"{Service} closed online in district {District}")
                  : new($"กำหนดเปิดบริการ {Service} ในเขต {District} ตั้งแต่ {AdminForms.Iso(opens)}", $"{Service} opens in district {District} from {AdminForms.Iso(opens)}"),
            new { service = Service, district = District, before, after = opens }, new AuditScope(District, null));
        await db.SaveChangesAsync(cancellationToken);
        await overlays.ReloadAsync(db, cancellationToken);
        return Redirect("/admin/rollout?saved=true");
    }

    public static string Cell(DateOnly? opens, DateOnly today) => opens switch
    {
        null => "—",
        { } d when d <= today => "✓",
        { } d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    public string ServiceName(ServiceDefinition d) => T(d.Name.Th, d.Name.En);
}
