using Anuyat.Domain.Identifiers;
using Anuyat.Domain.Organisation;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Accounts;

/// <summary>
/// The applicant profile used to prefill forms: shown with the national ID masked, and correctable by the person.
/// A correction marks the profile as the person's own ("self"), so the next ThaiD sign-in does not overwrite it.
/// </summary>
[Authorize(Policy = AccountsSetup.Policies.Citizen)]
public sealed class ProfileModel(UserManager<Account> users, AnuyatDbContext db) : PageModel
{
    public ApplicantProfile Profile { get; private set; } = new();

    public IReadOnlyList<District> Districts { get; private set; } = [];

    public bool Saved { get; private set; }

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    /// <summary>True when an identity provider vouched for the ID: then it is not editable here.</summary>
    public bool NationalIdFromProvider => Profile.Source is "thaid" or "oidc-dev" && Profile.NationalId is not null;

    public string? DistrictName => Districts.FirstOrDefault(d => d.Code == Profile.DistrictCode) is { } d ? T(d.NameTh, d.NameEn) : null;

    /// <summary>Only the last four digits are shown: enough for the person to recognise, useless to someone looking over a shoulder.</summary>
    public static string Mask(string? nationalId) =>
        nationalId is { Length: 13 } id ? $"X-XXXX-XXXXX-{id[10..12]}-{id[12..]}" : "—";

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Saved = saved;
        Input = ProfileInput.From(Profile);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var account = (await users.GetUserAsync(User))!;
        var next = new ApplicantProfile
        {
            NationalId = Profile.NationalId,
            FirstName = Clean(Input.FirstName),
            LastName = Clean(Input.LastName),
            HouseNo = Clean(Input.HouseNo),
            Soi = Clean(Input.Soi),
            Road = Clean(Input.Road),
            Subdistrict = Clean(Input.Subdistrict),
            Source = "self",
        };

        if (!NationalIdFromProvider && !string.IsNullOrWhiteSpace(Input.NationalId))
        {
            var id = ThaiNationalId.Parse(Input.NationalId);
            if (id.IsValid)
            {
                next.NationalId = id.Value.Digits;
            }
            else
            {
                ModelState.AddModelError("Input.NationalId", T(id.Error!.Value));
            }
        }

        if (!string.IsNullOrWhiteSpace(Input.BirthDate))
        {
            var date = BuddhistEra.ParseDate(Input.BirthDate);
            if (date.IsValid)
            {
                next.BirthDate = date.Value;
            }
            else
            {
                ModelState.AddModelError("Input.BirthDate", T(date.Error!.Value));
            }
        }

        if (!string.IsNullOrWhiteSpace(Input.Postcode))
        {
            var postcode = ThaiPostcode.Parse(Input.Postcode);
            if (postcode.IsValid)
            {
                next.Postcode = postcode.Value.ToString();
            }
            else
            {
                ModelState.AddModelError("Input.Postcode", T(postcode.Error!.Value));
            }
        }

        if (!string.IsNullOrEmpty(Input.DistrictCode))
        {
            if (Districts.Any(d => d.Code == Input.DistrictCode))
            {
                next.DistrictCode = Input.DistrictCode;
            }
            else
            {
                ModelState.AddModelError("Input.DistrictCode", T("เลือกเขตจากรายการ", "Choose a district from the list"));
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        account.Profile = next;
        await users.UpdateAsync(account);
        return RedirectToPage(new { saved = true });
    }

    private async Task<bool> LoadAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return false;
        }

        Profile = account.Profile;
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync();
        return true;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed class ProfileInput
    {
        public string? NationalId { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? BirthDate { get; set; }

        public string? HouseNo { get; set; }

        public string? Soi { get; set; }

        public string? Road { get; set; }

        public string? Subdistrict { get; set; }

        public string? DistrictCode { get; set; }

        public string? Postcode { get; set; }

        public static ProfileInput From(ApplicantProfile p) => new()
        {
            FirstName = p.FirstName,
            LastName = p.LastName,
            BirthDate = p.BirthDate is { } b ? $"{b.Day:00}/{b.Month:00}/{BuddhistEra.ToBuddhist(b.Year)}" : null,
            HouseNo = p.HouseNo,
            Soi = p.Soi,
            Road = p.Road,
            Subdistrict = p.Subdistrict,
            DistrictCode = p.DistrictCode,
            Postcode = p.Postcode,
        };
    }
}
