using System.Security.Claims;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Anuyat.Web.Features.Accounts;

/// <summary>
/// Citizen sign-in through OpenID Connect. Everything that differs between the development provider and ThaiD is
/// configuration under <c>Oidc</c> (authority, client id and secret, scopes, claim names, the source label): the
/// code does not know which provider it talks to. ThaiD's discovery document and signing are unconfirmed
/// (FACTS.md §6.3 [NC]); if DOPA does not publish discovery, the endpoints can be given one by one.
/// </summary>
public sealed class OidcSettings
{
    public const string Section = "Oidc";

    public const string Scheme = "oidc";

    /// <summary>The issuer's base address; its <c>/.well-known/openid-configuration</c> is read at first use.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string[] Scopes { get; set; } = ["openid", "pid", "given_name", "family_name", "birthdate", "address"];

    /// <summary>"thaid" in production, "oidc-dev" against the development provider: stored as the profile's source.</summary>
    public string Source { get; set; } = "thaid";

    /// <summary>The button's words, e.g. "เข้าสู่ระบบด้วย ThaiD" / "Sign in with ThaiD".</summary>
    public string ButtonTh { get; set; } = "เข้าสู่ระบบด้วย ThaiD";

    public string ButtonEn { get; set; } = "Sign in with ThaiD";

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool GetClaimsFromUserInfoEndpoint { get; set; } = true;

    /// <summary>Optional, for a provider without a discovery document: each endpoint by hand.</summary>
    public string? AuthorizationEndpoint { get; set; }

    public string? TokenEndpoint { get; set; }

    public string? UserInfoEndpoint { get; set; }

    public ProfileClaimNames Claims { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

public static class CitizenOidc
{
    public const string CallbackPath = "/account/sign-in/oidc/callback";

    public static void AddCitizenOidc(this WebApplicationBuilder builder, AuthenticationBuilder authentication)
    {
        var settings = builder.Configuration.GetSection(OidcSettings.Section).Get<OidcSettings>() ?? new OidcSettings();
        builder.Services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return;
        }

        authentication.AddOpenIdConnect(OidcSettings.Scheme, settings.ButtonEn, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;

            // Query mode keeps the return a top-level GET, so the SameSite=Lax correlation cookies are sent back;
            // form_post would need SameSite=None cookies, which browsers drop on plain-HTTP development hosts.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.NonceCookie.SecurePolicy = o.CorrelationCookie.SecurePolicy;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/signin-oidc";
            o.SaveTokens = false;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = settings.GetClaimsFromUserInfoEndpoint;
            o.ClaimActions.MapAll();
            o.Scope.Clear();
            foreach (var scope in settings.Scopes)
            {
                o.Scope.Add(scope);
            }

            o.TokenValidationParameters.NameClaimType = "name";
            if (settings.AuthorizationEndpoint is not null && settings.TokenEndpoint is not null)
            {
                o.Configuration = new OpenIdConnectConfiguration
                {
                    Issuer = settings.Authority,
                    AuthorizationEndpoint = settings.AuthorizationEndpoint,
                    TokenEndpoint = settings.TokenEndpoint,
                    UserInfoEndpoint = settings.UserInfoEndpoint,
                };
            }

            o.Events.OnRemoteFailure = ctx =>
            {
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Anuyat.Accounts.Oidc")
                    .LogWarning(ctx.Failure, "OIDC sign-in failed at the provider or on return");
                // The provider said no, or the person cancelled: back to the sign-in page with a plain message.
                ctx.HandleResponse();
                ctx.Response.Redirect("/account/sign-in?failed=oidc");
                return Task.CompletedTask;
            };
        });
    }

    public static void MapCitizenOidc(this WebApplication app)
    {
        app.MapGet("/account/sign-in/oidc", (string? returnUrl, OidcSettings settings, SignInManager<Account> signIn) =>
            {
                if (!settings.Enabled)
                {
                    return Results.NotFound();
                }

                // Identity's helper records the provider name, which GetExternalLoginInfoAsync needs on the way back.
                var properties = signIn.ConfigureExternalAuthenticationProperties(OidcSettings.Scheme, CallbackPath + "?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl(returnUrl)));
                return Results.Challenge(properties, [OidcSettings.Scheme]);
            })
            .AllowAnonymous()
            .RequireRateLimiting(AccountsSetup.RateLimits.SignIn)
            .ExcludeFromDescription();

        app.MapGet(CallbackPath, CompleteAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccountsSetup.RateLimits.SignIn)
            .ExcludeFromDescription();
    }

    /// <summary>After the provider: find the account by its external login or create a citizen account, refresh the profile, sign in.</summary>
    private static async Task<IResult> CompleteAsync(string? returnUrl, HttpContext http, SignInManager<Account> signIn, UserManager<Account> users,
        AnuyatDbContext db, AuditTrail audit, OidcSettings settings, TimeProvider clock, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Anuyat.Accounts.Oidc");
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            logger.LogWarning("OIDC callback without an external sign-in");
            return Results.Redirect("/account/sign-in?failed=oidc");
        }

        var claimed = ProfileClaims.Read(type => info.Principal.FindFirst(type)?.Value, settings.Claims, settings.Source);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!claimed.IsSuccess)
        {
            logger.LogWarning("OIDC sign-in refused for subject from {Provider}: {Reason}", info.LoginProvider, claimed.Error!.Code);
            return Results.Redirect("/account/sign-in?failed=" + claimed.Error!.Code);
        }

        var profile = claimed.Value.Profile;
        profile.DistrictCode = await DistrictCodeAsync(db, claimed.Value.DistrictName);

        var account = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (account is { IsActive: false })
        {
            return Results.Redirect("/account/sign-in?failed=oidc");
        }

        if (account is null)
        {
            var id = Guid.CreateVersion7();
            var email = claimed.Value.Email is not null && await users.FindByEmailAsync(claimed.Value.Email) is null
                ? claimed.Value.Email
                : $"{id:N}@citizen.invalid"; // Identity needs a unique e-mail; ThaiD may not release one.
            account = new Account
            {
                Id = id,
                UserName = $"{settings.Source}-{id:N}",
                Email = email,
                EmailConfirmed = claimed.Value.Email == email,
                DisplayName = $"{profile.FirstName} {profile.LastName}".Trim() is { Length: > 0 } n ? n : "-",
                Role = Role.Citizen,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                Profile = profile,
            };
            var created = await users.CreateAsync(account);
            if (!created.Succeeded || !(await users.AddLoginAsync(account, info)).Succeeded)
            {
                logger.LogError("OIDC account not created: {Errors}", string.Join("; ", created.Errors.Select(e => e.Code)));
                return Results.Redirect("/account/sign-in?failed=oidc");
            }

            audit.Append(AuditActor.Account(account.Id, account.Role.ToCode()), "accounts.created-by-oidc", "account", account.Id.ToString(),
                new("สร้างบัญชีจากการยืนยันตัวตนผ่าน " + settings.Source, "Account created by signing in with " + settings.Source),
                new { provider = info.LoginProvider, source = settings.Source });
            await db.SaveChangesAsync();
        }
        else if (account.Profile.Source != "self")
        {
            // The provider's facts win until the person corrects them on /account/profile (then Source is "self").
            account.Profile = profile;
            await users.UpdateAsync(account);
        }

        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim(AccountClaims.AuthenticationMethod, "ext")]);
        logger.LogInformation("Account {AccountId} signed in with {Provider}", account.Id, info.LoginProvider);
        return Results.LocalRedirect(SafeReturnUrl(returnUrl));
    }

    private static async Task<string?> DistrictCodeAsync(AnuyatDbContext db, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var bare = name.Trim();
        bare = bare.StartsWith("เขต", StringComparison.Ordinal) ? bare[3..].Trim() : bare;
        return await db.Districts.Where(d => d.NameTh == bare || d.NameEn == bare).Select(d => d.Code).FirstOrDefaultAsync();
    }

    private static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/account/profile";
}
