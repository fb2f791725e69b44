using System.Security.Claims;
using System.Text.Encodings.Web;
using Anuyat.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Anuyat.Web.Features.Accounts;

/// <summary>
/// Authenticates <c>Authorization: Bearer anu_…</c> against the hashed tokens. A token stands for a session that
/// already passed the account's second factor (it was made on the account page after sign-in, or by an operator
/// on the server with <c>token create</c>), so it carries <c>amr=mfa</c>.
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var account = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (account is null)
        {
            Logger.LogWarning("Bearer token refused on {Path}", Request.Path);
            return AuthenticateResult.Fail("invalid token");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(AccountClaims.AuthenticationMethod, "mfa"),
        };
        claims.AddRange(AccountClaims.For(account));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
