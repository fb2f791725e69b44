using Anuyat.Domain.Accounts;
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

namespace Anuyat.Web.Features.Admin.CatalogVersions;

/// <summary>
/// Every service's versions, the diff between them, and the effective date of a version not yet in force. The
/// definitions come from the repository's files and are never edited here; a scheduled date is data laid over them.
/// </summary>
[Authorize(Policy = Accounts.AccountsSetup.Policies.Admin)]
public sealed class VersionsModel(CatalogStore store, AnuyatDbContext db, ConsoleOverlays overlays, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Service { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? EffectiveFrom { get; set; }

    public bool Saved { get; private set; }

    public CatalogStore Store => store;

    public DateOnly Today => ApplicationsApi.BangkokToday(clock);

    public void OnGet(bool saved) => Saved = saved;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, BilingualText[]>(StringComparer.Ordinal);
        var definition = Service is null || Version is null ? null : store.Catalog.GetVersion(Service, Version.Value);
        if (definition is null)
        {
            errors["Version"] = [new("ไม่พบฉบับนี้ในคู่มือบริการ", "There is no such version in the catalog")];
        }
        else if (store.Catalog.InForce(definition.Code, Today) is { } current && current.Version >= definition.Version)
        {
            errors["Version"] = [new("ฉบับนี้มีผลแล้ว กำหนดวันได้เฉพาะฉบับถัดไป", "This version is already in force; only a later version can be scheduled")];
        }

        if (AdminForms.IsoDate(EffectiveFrom) is not { } date)
        {
            errors["EffectiveFrom"] = [new("กรอกวันมีผล (yyyy-MM-dd)", "Enter the effective date (yyyy-MM-dd)")];
        }
        else if (date <= Today)
        {
            errors["EffectiveFrom"] = [new("วันมีผลต้องอยู่หลังวันนี้", "The effective date must be after today")];
        }

        if (errors.Count > 0)
        {
            ModelState.AddErrors(new ValidationFailed(errors));
            return Page();
        }

        var me = AdminForms.Me(User);
        var row = await db.VersionSchedules.FirstOrDefaultAsync(v => v.ServiceCode == definition!.Code && v.Version == definition.Version, cancellationToken);
        if (row is null)
        {
            row = new VersionSchedule { ServiceCode = definition!.Code, Version = definition.Version };
            db.VersionSchedules.Add(row);
        }

        var before = store.Catalog.EffectiveFrom(definition!);
        row.EffectiveFrom = AdminForms.IsoDate(EffectiveFrom)!.Value;
        row.ChangedAt = clock.GetUtcNow().UtcDateTime;
        row.ChangedBy = me.AccountId;
        audit.Append(AuditActor.Account(me.AccountId, me.Role.ToCode()), "catalog.version-scheduled", "service", definition!.Code,
            new($"กำหนดวันมีผลฉบับที่ {definition.Version}: {AdminForms.Iso(row.EffectiveFrom)}", $"Version {definition.Version} takes effect on {AdminForms.Iso(row.EffectiveFrom)}"),
            new { version = definition.Version, before, after = row.EffectiveFrom, fileDate = definition.EffectiveFrom });
        await db.SaveChangesAsync(cancellationToken);
        await overlays.ReloadAsync(db, cancellationToken);
        return Redirect("/admin/catalog?saved=true");
    }
}
