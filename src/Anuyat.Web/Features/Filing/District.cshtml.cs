using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Organisation;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Idempotency;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Filing;

/// <summary>
/// Which district office handles the application: the district where the site (or the applicant) is. The rollout
/// decides whether the service is open online there; if not, the page says so and where to go.
/// </summary>
[Authorize(Policy = "citizen")]
public sealed class DistrictModel(CatalogStore catalog, IServiceDirectory services, UserManager<Account> users, DraftOpening opening, IdempotencyStore idempotency, TimeProvider clock) : PageModel
{
    public ServiceDefinition Definition { get; private set; } = null!;

    public IReadOnlyList<District> Districts => catalog.Districts;

    public IReadOnlyList<District> OpenIn { get; private set; } = [];

    [BindProperty]
    public string? DistrictCode { get; set; }

    /// <summary>A key per form view: a double click on "continue" opens one draft, not two.</summary>
    [BindProperty]
    public string? DraftKey { get; set; }

    /// <summary>Set when the chosen district does not offer the service online yet.</summary>
    public District? NotOpenIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (!Load(code))
        {
            return NotFound();
        }

        DistrictCode = (await users.GetUserAsync(User))?.Profile.DistrictCode;
        DraftKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!Load(code))
        {
            return NotFound();
        }

        var district = Districts.FirstOrDefault(d => d.Code == DistrictCode);
        if (district is null)
        {
            ModelState.AddModelError(nameof(DistrictCode), T("เลือกเขตที่ตั้งของสถานที่", "Choose the district where the site is"));
        }

        if (!Guid.TryParseExact(DraftKey, "N", out _))
        {
            DraftKey = Guid.NewGuid().ToString("N");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var today = ApplicationsApi.BangkokToday(clock);
        if (!services.IsOpenIn(Definition.Code, district!.Code, today))
        {
            NotOpenIn = district;
            return Page();
        }

        var me = CurrentUser.From(User)!;
        var begin = await idempotency.BeginAsync("page:" + me.AccountId.ToString("N"), "draft:" + DraftKey, Definition.Code + "/" + district.Code, ct);
        switch (begin.Decision)
        {
            case IdempotencyDecision.Replay when begin.Record?.Location is { } location:
                return Redirect(location);
            case IdempotencyDecision.InProgress:
                return Redirect("/applications");
            case IdempotencyDecision.KeyReused:
                // Back, another district, continue: a new choice deserves a new draft.
                DraftKey = Guid.NewGuid().ToString("N");
                return await OnPostAsync(code, ct);
            default:
                break;
        }

        var applicant = (await users.GetUserAsync(User))!;
        var service = services.InForce(Definition.Code, today)!;
        var draft = await opening.OpenAsync(me, applicant, Definition, service.SectionCode, district.Code, Channel.Online, ct);
        var target = $"/drafts/{draft.Id}";
        await idempotency.CompleteAsync(begin.Record!, StatusCodes.Status303SeeOther, null, target, [], ct);
        return Redirect(target);
    }

    private bool Load(string code)
    {
        var definition = CatalogSetup.Find(catalog, code, null, null);
        if (definition is null)
        {
            return false;
        }

        Definition = definition;
        var open = catalog.AvailableIn(code);
        OpenIn = [.. Districts.Where(d => open.Contains(d.Code))];
        return true;
    }
}
