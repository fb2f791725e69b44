using System.Security.Claims;
using Anuyat.Domain.Accounts;

namespace Anuyat.Web.Features.Accounts;

/// <summary>Who is asking, read from the principal: account id, role and office scope.</summary>
public sealed record CurrentUser(Guid AccountId, Role Role, string? DistrictCode, string? SectionCode, bool SecondFactor, string DisplayName)
{
    public bool IsStaff => Role.IsStaff();

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Guid.TryParse(id, out var accountId) || !Roles.TryParse(principal.FindFirstValue(AccountClaims.Role), out var role))
        {
            return null;
        }

        return new CurrentUser(
            accountId,
            role,
            principal.FindFirstValue(AccountClaims.District),
            principal.FindFirstValue(AccountClaims.Section),
            principal.HasClaim(AccountClaims.AuthenticationMethod, "mfa"),
            principal.FindFirstValue("anuyat:name") ?? string.Empty);
    }
}
