using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Identifiers;
using Anuyat.Infrastructure.Accounts;
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
/// Counter intake: an officer of the district files the same journey for a walk-in applicant. The application belongs
/// to the applicant (their citizen account is found, or made, by e-mail) so they can follow it online; the channel
/// <c>counter</c> and the officer who keyed it in are recorded.
/// </summary>
[Authorize(Policy = AccountsSetup.Policies.Staff)]
public sealed class CounterModel(CatalogStore catalog, IServiceDirectory services, AccountProvisioning provisioning, UserManager<Account> users, DraftOpening opening, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? ServiceCode { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? NationalId { get; set; }

    [BindProperty]
    public string? FirstName { get; set; }

    [BindProperty]
    public string? LastName { get; set; }

    /// <summary>The services of the officer's section that may be filed at a counter.</summary>
    public IReadOnlyList<ServiceDefinition> Services { get; private set; } = [];

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Load())
        {
            return NotFound();
        }

        var me = CurrentUser.From(User)!;
        var definition = Services.FirstOrDefault(s => s.Code == ServiceCode);
        if (definition is null)
        {
            ModelState.AddModelError(nameof(ServiceCode), T("เลือกบริการ", "Choose a service"));
        }

        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Email), T("กรอกอีเมลของผู้ยื่น เพื่อให้ติดตามคำขอได้", "Enter the applicant's e-mail so they can follow the application"));
        }

        var id = ThaiNationalId.Parse(NationalId);
        if (!string.IsNullOrWhiteSpace(NationalId) && !id.IsValid)
        {
            ModelState.AddModelError(nameof(NationalId), T(id.Error!.Value));
        }

        var phone = ThaiPhoneNumber.Parse(Phone);
        if (!string.IsNullOrWhiteSpace(Phone) && !phone.IsValid)
        {
            ModelState.AddModelError(nameof(Phone), T(phone.Error!.Value));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var found = await provisioning.EnsureAsync(Email!, Role.Citizen, null, null, displayName: $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name : null, cancellationToken: ct);
        if (!found.IsSuccess)
        {
            ModelState.AddModelError(nameof(Email), T(found.Error!.Message));
            return Page();
        }

        // What the applicant said at the counter fills only the empty parts of their account, never overwrites.
        var applicant = found.Value;
        applicant.Profile.NationalId ??= string.IsNullOrWhiteSpace(NationalId) ? null : id.Value.ToString();
        applicant.Profile.FirstName ??= string.IsNullOrWhiteSpace(FirstName) ? null : FirstName.Trim();
        applicant.Profile.LastName ??= string.IsNullOrWhiteSpace(LastName) ? null : LastName.Trim();
        applicant.Profile.Source ??= "counter";
        if (string.IsNullOrEmpty(applicant.PhoneNumber) && !string.IsNullOrWhiteSpace(Phone))
        {
            applicant.PhoneNumber = phone.Value.ToString();
        }

        await users.UpdateAsync(applicant);
        var service = services.InForce(definition!.Code, ApplicationsApi.BangkokToday(clock))!;
        var draft = await opening.OpenAsync(me, applicant, definition, service.SectionCode, me.DistrictCode!, Channel.Counter, ct);
        return Redirect($"/drafts/{draft.Id}");
    }

    private bool Load()
    {
        var me = CurrentUser.From(User);
        if (me is null || me.Role != Role.Officer || me.DistrictCode is null)
        {
            return false;
        }

        Services = [.. catalog.Catalog.Codes.Select(c => CatalogSetup.Find(catalog, c, null, null)).OfType<ServiceDefinition>()
            .Where(d => d.Section == me.SectionCode && d.Channels.Contains("counter"))];
        return true;
    }
}
