using System.Threading.RateLimiting;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.DevIdp;
using Anuyat.Web.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Anuyat.Web.Features.Accounts;

/// <summary>Identity, the cookie and bearer schemes, the authorisation policies and the sign-in rate limits.</summary>
public static class AccountsSetup
{
    public const string SmartScheme = "Anuyat";

    public static class Policies
    {
        /// <summary>Officers, approvers and admins who proved a second factor (waived in Development only).</summary>
        public const string Staff = "staff";
        public const string Approver = "approver";
        public const string Admin = "admin";
        public const string Citizen = "citizen";

        /// <summary>The city-wide dashboard: admins and the strategy office.</summary>
        public const string Strategy = "strategy";

        /// <summary>The list of overdue files: the dashboard's readers city-wide, officers and approvers within their office.</summary>
        public const string OverdueReaders = "overdue-readers";
    }

    public static class RateLimits
    {
        public const string SignIn = "sign-in";
        public const string TokenCreation = "token-creation";

        /// <summary>Submitting and resubmitting applications, per account (ASVS V2.4: anti-automation).</summary>
        public const string Submission = "submission";

        /// <summary>Uploading files, per account: each upload costs a scan and storage.</summary>
        public const string Uploads = "uploads";
    }

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ApiTokenService>();
        // A bearer token's account is remembered no longer than a cookie session goes unchecked (see below).
        services.AddSingleton(new ApiTokenCache(builder.Configuration.GetValue("Accounts:SessionCheckInterval", TimeSpan.FromSeconds(30))));
        services.AddScoped<AccountProvisioning>();

        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Account");
            o.Conventions.AuthorizeFolder("/Office", Policies.Staff);
        });

        services.AddIdentity<Account, IdentityRole<Guid>>(o =>
            {
                // Length over composition rules (NIST SP 800-63B §5.1.1.2).
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;

                // Version 3 adds the passkey table (AspNetUserPasskeys): staff may sign in with a passkey.
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<AnuyatDbContext>()
            .AddUserStore<TenantUserStore>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AccountClaimsPrincipalFactory>();

        services.Configure<IdentityPasskeyOptions>(o =>
        {
            // The relying party id: the site's host name (Passkeys:ServerDomain; by default the request's host).
            o.ServerDomain = builder.Configuration["Passkeys:ServerDomain"];
            // The device must check its PIN or biometric: that makes a passkey sign-in multi-factor (SignInModel).
            o.UserVerificationRequirement = "required";
            o.ResidentKeyRequirement = "required";
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "anuyat";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        // How soon a deactivated, re-scoped or reset account's open sessions end: the cookie is checked against the
        // account's security stamp this often (Accounts:SessionCheckInterval, default 30 s; 0 checks every request).
        var sessionCheck = builder.Configuration.GetValue("Accounts:SessionCheckInterval", TimeSpan.FromSeconds(30));
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = sessionCheck;

            // The refreshed principal is rebuilt from the database and would lose "amr=mfa": without this, staff were
            // sent to access-denied at the first re-check after proving their second factor.
            o.OnRefreshingPrincipal = ctx =>
            {
                var mfa = ctx.CurrentPrincipal?.FindFirst(AccountClaims.AuthenticationMethod);
                if (mfa is not null && ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim(mfa.Type, mfa.Value))
                {
                    identity.AddClaim(new System.Security.Claims.Claim(mfa.Type, mfa.Value));
                }

                return Task.CompletedTask;
            };
        });

        var authentication = services.AddAuthentication(o =>
            {
                // AddIdentity set its cookie as the default for each action; the smart scheme picks cookie or bearer per request.
                o.DefaultScheme = SmartScheme;
                // AddIdentity sets DefaultAuthenticateScheme to the cookie, which outranks DefaultScheme: without this
                // line bearer tokens were never read and every API call with a token was a 401.
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        builder.AddCitizenOidc(authentication);
        if (DevIdpSetup.IsEnabled(builder.Environment))
        {
            services.AddDevIdp();
        }

        var requireSecondFactor = !builder.Environment.IsDevelopment() || builder.Configuration.GetValue("Accounts:RequireSecondFactorInDevelopment", false);
        services.AddSingleton(new StaffSecondFactor(requireSecondFactor));
        services.AddSingleton<IAuthorizationHandler, StaffRequirementHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().AddRequirements(new StaffRequirement([Role.Officer, Role.Approver, Role.Admin])))
            .AddPolicy(Policies.Approver, p => p.RequireAuthenticatedUser().AddRequirements(new StaffRequirement([Role.Approver])))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().AddRequirements(new StaffRequirement([Role.Admin])))
            .AddPolicy(Policies.Strategy, p => p.RequireAuthenticatedUser().AddRequirements(new StaffRequirement([Role.Admin, Role.Strategy])))
            .AddPolicy(Policies.OverdueReaders, p => p.RequireAuthenticatedUser().AddRequirements(new StaffRequirement([Role.Officer, Role.Approver, Role.Admin, Role.Strategy])))
            .AddPolicy(Policies.Citizen, p => p.RequireAuthenticatedUser().RequireClaim(AccountClaims.Role, Roles.Citizen));

        var signInPerMinute = builder.Configuration.GetValue("RateLimits:SignInPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimits.SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(RateLimits.TokenCreation, http => RateLimitPartition.GetFixedWindowLimiter(
                CurrentUser.From(http.User)?.AccountId.ToString() ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(RateLimits.Submission, http => PerAccount(http, builder.Configuration.GetValue("RateLimits:SubmissionsPerMinute", 10)));
            o.AddPolicy(RateLimits.Uploads, http => PerAccount(http, builder.Configuration.GetValue("RateLimits:UploadsPerMinute", 60)));
        });
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapCitizenOidc();
        if (DevIdpSetup.IsEnabled(app.Environment))
        {
            app.MapDevIdp();
        }

        app.MapGet("/api/v1/me", (HttpContext http) =>
            {
                var user = CurrentUser.From(http.User)!;
                return Results.Ok(new { accountId = user.AccountId, role = user.Role.ToCode(), districtCode = user.DistrictCode, sectionCode = user.SectionCode });
            })
            .RequireAuthorization()
            .WithName("GetMe")
            .WithSummary("Who the bearer token or cookie belongs to: account id, role and office scope.");
        return app;
    }

    private static RateLimitPartition<string> PerAccount(HttpContext http, int perMinute) => RateLimitPartition.GetFixedWindowLimiter(
        CurrentUser.From(http.User)?.AccountId.ToString() ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ErrorResponses.IsApi(ctx.HttpContext))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
