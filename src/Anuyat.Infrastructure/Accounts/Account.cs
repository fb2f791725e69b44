using Anuyat.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Anuyat.Infrastructure.Accounts;

/// <summary>
/// A person who signs in: a citizen, or staff scoped to a district and section. Identity keeps the password hash,
/// lockout counters and authenticator key; the rest is ours.
/// </summary>
public sealed class Account : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public Role Role { get; set; } = Role.Citizen;

    /// <summary>The district a staff member works in; null for citizens and for city-wide admins.</summary>
    public string? DistrictCode { get; set; }

    /// <summary>The section a staff member works in; null for citizens and for city-wide admins.</summary>
    public string? SectionCode { get; set; }

    /// <summary>"th" or "en": the language of pages and e-mails for this person.</summary>
    public string PreferredLanguage { get; set; } = "th";

    public DateTime CreatedAt { get; set; }

    /// <summary>When set, the account can no longer sign in and its tokens stop working.</summary>
    public DateTime? DeactivatedAt { get; set; }

    public bool IsActive => DeactivatedAt is null;

    /// <summary>
    /// What the account already knows about the person as an applicant (from ThaiD / OpenID Connect claims or from
    /// their own earlier answers), used to prefill forms so nobody is asked twice. Empty for staff.
    /// </summary>
    public ApplicantProfile Profile { get; set; } = new();
}

/// <summary>
/// The applicant's own facts. Field names follow the catalog's answer shapes (ข.1 <c>applicant</c> and a Thai
/// address's parts: houseNo, soi, road, subdistrict, districtCode, postcode) so prefilling is a plain copy.
/// </summary>
public sealed class ApplicantProfile
{
    /// <summary>13-digit Thai national ID (ThaiD claim <c>pid</c>); checked with its check digit before it is stored.</summary>
    public string? NationalId { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? HouseNo { get; set; }

    public string? Soi { get; set; }

    public string? Road { get; set; }

    public string? Subdistrict { get; set; }

    /// <summary>The Bangkok district code ("1001"…"1050") of the home address, when it is in Bangkok.</summary>
    public string? DistrictCode { get; set; }

    public string? Postcode { get; set; }

    /// <summary>Where the facts came from: "thaid", "oidc-dev", "self" (typed by the person).</summary>
    public string? Source { get; set; }
}
