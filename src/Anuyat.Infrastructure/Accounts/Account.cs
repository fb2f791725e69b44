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
}
