using System.Security.Claims;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Anuyat.Web.Features.Accounts;

/// <summary>The claims every signed-in principal carries, whichever way it signed in.</summary>
public static class AccountClaims
{
    public const string Role = "anuyat:role";
    public const string District = "anuyat:district";
    public const string Section = "anuyat:section";

    /// <summary>"mfa" when the person proved a second factor in this session (RFC 8176 method reference).</summary>
    public const string AuthenticationMethod = "amr";

    public static IEnumerable<Claim> For(Account account)
    {
        yield return new Claim(Role, account.Role.ToCode());
        yield return new Claim(ClaimTypes.Role, account.Role.ToCode());
        if (account.DistrictCode is not null)
        {
            yield return new Claim(District, account.DistrictCode);
        }

        if (account.SectionCode is not null)
        {
            yield return new Claim(Section, account.SectionCode);
        }

        yield return new Claim("anuyat:name", account.DisplayName);
    }
}

/// <summary>Adds role and scope to the cookie principal that Identity builds at sign-in.</summary>
public sealed class AccountClaimsPrincipalFactory(UserManager<Account> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(AccountClaims.For(user));
        return identity;
    }
}
