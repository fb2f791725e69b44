using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.DevIdp;

/// <summary>
/// A small OpenID Connect provider for Development only, so citizen sign-in can be used and tested without ThaiD:
/// discovery, JWKS, authorization code with PKCE (S256 only), RS256-signed ID tokens and userinfo, returning
/// ThaiD-like claims for one of <see cref="DevPeople"/>. It is mapped only when the environment is Development
/// (<see cref="DevIdpSetup"/>); production points <c>Oidc:Authority</c> at ThaiD instead.
/// </summary>
public sealed class DevIdentityProvider(DevIdpKeys keys, IConfiguration configuration, TimeProvider clock)
{
    public const string BasePath = "/dev-idp";

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Grant> _accessTokens = new(StringComparer.Ordinal);

    private sealed record Grant(string ClientId, string RedirectUri, string CodeChallenge, string? Nonce, string Scope, DevPeople.Person Person, DateTime ExpiresAt);

    private string ClientId => configuration["DevIdp:ClientId"] ?? "anuyat-dev";

    private string ClientSecret => configuration["DevIdp:ClientSecret"] ?? "dev-secret-not-for-production";

    public static string Issuer(HttpRequest request) => $"{request.Scheme}://{request.Host}{BasePath}";

    public IResult Discovery(HttpRequest request)
    {
        var issuer = Issuer(request);
#pragma warning disable CA1861 // Built once per discovery fetch; literal arrays read like the specification.
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = issuer + "/authorize",
            ["token_endpoint"] = issuer + "/token",
            ["userinfo_endpoint"] = issuer + "/userinfo",
            ["jwks_uri"] = issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query", "form_post" },
            ["grant_types_supported"] = new[] { "authorization_code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["scopes_supported"] = new[] { "openid", "pid", "given_name", "family_name", "name", "birthdate", "address", "email", "profile" },
            ["claims_supported"] = new[] { "sub", "pid", "given_name", "family_name", "name", "birthdate", "address", "email" },
        });
#pragma warning restore CA1861
    }

    public IResult Jwks() => Results.Json(new { keys = new[] { keys.PublicJwk() } });

    /// <summary>GET: check the request, then show the people to choose from (the stand-in for scanning ThaiD's QR).</summary>
    public IResult Authorize(HttpContext http, IAntiforgery antiforgery)
    {
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var problem = CheckAuthorizeRequest(http.Request, query);
        if (problem is not null)
        {
            return Results.BadRequest(new { error = "invalid_request", error_description = problem });
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(IsEnglish ? "en" : "th").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Dev ThaiD</title>")
            .Append("<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main id=\"main\" class=\"container main\">")
            .Append("<h1>").Append(E(T("ผู้ให้บริการยืนยันตัวตนสำหรับการพัฒนา", "Development identity provider"))).Append("</h1>")
            .Append("<p class=\"hint\">").Append(E(T("ใช้แทน ThaiD ในเครื่องนักพัฒนาเท่านั้น เลือกบุคคลสมมุติเพื่อเข้าสู่ระบบ", "Stands in for ThaiD on a developer's machine only. Pick a synthetic person to sign in as."))).Append("</p>")
            .Append("<form method=\"post\" action=\"").Append(BasePath).Append("/authorize\">")
            .Append("<input type=\"hidden\" name=\"").Append(E(tokens.FormFieldName)).Append("\" value=\"").Append(E(tokens.RequestToken!)).Append("\">");
        foreach (var (name, value) in query)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append("\">");
        }

        html.Append("<fieldset class=\"field\"><legend>").Append(E(T("เข้าสู่ระบบในนาม", "Sign in as"))).Append("</legend>");
        foreach (var person in DevPeople.All)
        {
            var id = "person-" + person.Subject;
            html.Append("<div class=\"radio\"><input type=\"radio\" name=\"person\" id=\"").Append(id).Append("\" value=\"").Append(E(person.Subject)).Append('"')
                .Append(person == DevPeople.All[0] ? " checked" : string.Empty).Append("><label for=\"").Append(id).Append("\">")
                .Append(E($"{person.GivenName} {person.FamilyName}")).Append(" (").Append(E(person.Pid)).Append(")</label></div>");
        }

        html.Append("</fieldset><div class=\"actions\"><button class=\"button\" type=\"submit\">")
            .Append(E(T("ยืนยันและกลับไปที่อนุญาต", "Confirm and return to Anuyat"))).Append("</button></div></form></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>POST from the chooser: issue a one-time code bound to the PKCE challenge and send the browser back.</summary>
    public async Task<IResult> Approve(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest(new { error = "invalid_request", error_description = "anti-forgery token missing or wrong" });
        }

        var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var problem = CheckAuthorizeRequest(http.Request, form);
        var person = DevPeople.All.FirstOrDefault(p => p.Subject == form.GetValueOrDefault("person"));
        if (problem is not null || person is null)
        {
            return Results.BadRequest(new { error = "invalid_request", error_description = problem ?? "unknown person" });
        }

        var code = RandomToken();
        _codes[code] = new Grant(form["client_id"], form["redirect_uri"], form["code_challenge"], form.GetValueOrDefault("nonce"),
            form.GetValueOrDefault("scope") ?? "openid", person, Now + CodeLifetime);
        var state = form.GetValueOrDefault("state");
        if (form.GetValueOrDefault("response_mode") == "form_post")
        {
            // form_post without script: the person presses the button (pages work without JavaScript).
            var post = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Dev ThaiD</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main class=\"container main\">")
                .Append("<form method=\"post\" action=\"").Append(E(form["redirect_uri"])).Append("\">")
                .Append("<input type=\"hidden\" name=\"code\" value=\"").Append(code).Append("\">");
            if (state is not null)
            {
                post.Append("<input type=\"hidden\" name=\"state\" value=\"").Append(E(state)).Append("\">");
            }

            post.Append("<button class=\"button\" type=\"submit\">").Append(E(T("ดำเนินการต่อ", "Continue"))).Append("</button></form></main></body></html>");
            return Results.Content(post.ToString(), "text/html; charset=utf-8");
        }

        var target = form["redirect_uri"] + (form["redirect_uri"].Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + code
            + (state is null ? string.Empty : "&state=" + Uri.EscapeDataString(state));
        return Results.Redirect(target);
    }

    /// <summary>The back channel: code + PKCE verifier + client credentials → ID token and access token.</summary>
    public async Task<IResult> Token(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return TokenError("invalid_request", "form body expected");
        }

        var form = await http.Request.ReadFormAsync();
        var (clientId, clientSecret) = ClientCredentials(http.Request, form);
        if (!FixedTimeEquals(clientId, ClientId) || !FixedTimeEquals(clientSecret, ClientSecret))
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (form["grant_type"] != "authorization_code")
        {
            return TokenError("unsupported_grant_type", "only authorization_code");
        }

        // A code is used once: removed before it is checked, so a replay always fails (RFC 6749 §4.1.2).
        if (!_codes.TryRemove(form["code"].ToString(), out var grant) || grant.ExpiresAt < Now)
        {
            return TokenError("invalid_grant", "unknown, used or expired code");
        }

        if (grant.ClientId != clientId || grant.RedirectUri != form["redirect_uri"])
        {
            return TokenError("invalid_grant", "client or redirect_uri differs from the authorization request");
        }

        // RFC 7636 §4.6: BASE64URL(SHA256(code_verifier)) must equal the challenge sent to /authorize.
        var verifier = form["code_verifier"].ToString();
        if (verifier.Length is < 43 or > 128 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.CodeChallenge)
        {
            return TokenError("invalid_grant", "PKCE verification failed");
        }

        var accessToken = RandomToken();
        _accessTokens[accessToken] = grant with { ExpiresAt = Now + TokenLifetime };
        var claims = Claims(grant.Person, grant.Scope);
        claims["nonce"] = grant.Nonce!;
        if (grant.Nonce is null)
        {
            claims.Remove("nonce");
        }

        // at_hash: left half of SHA-256 of the access token (OIDC Core §3.1.3.6), binding the two tokens together.
        claims["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]);
        claims["auth_time"] = new DateTimeOffset(Now).ToUnixTimeSeconds();
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer(http.Request),
            Audience = grant.ClientId,
            IssuedAt = Now,
            NotBefore = Now,
            Expires = Now + TokenLifetime,
            Claims = claims,
            SigningCredentials = keys.Credentials,
        });
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = (int)TokenLifetime.TotalSeconds, id_token = idToken, scope = grant.Scope });
    }

    public IResult UserInfo(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : string.Empty;
        if (!_accessTokens.TryGetValue(token, out var grant) || grant.ExpiresAt < Now)
        {
            return Results.Json(new { error = "invalid_token" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        return Results.Json(Claims(grant.Person, grant.Scope));
    }

    /// <summary>The claims a scope releases, named as public ThaiD integrations name them.</summary>
    public static Dictionary<string, object> Claims(DevPeople.Person person, string scope)
    {
        var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var profile = scopes.Contains("profile");
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = person.Subject };
        if (scopes.Contains("pid"))
        {
            claims["pid"] = person.Pid;
        }

        if (profile || scopes.Contains("given_name"))
        {
            claims["given_name"] = person.GivenName;
        }

        if (profile || scopes.Contains("family_name"))
        {
            claims["family_name"] = person.FamilyName;
        }

        if (profile || scopes.Contains("name"))
        {
            claims["name"] = $"{person.GivenName} {person.FamilyName}";
        }

        if (profile || scopes.Contains("birthdate"))
        {
            claims["birthdate"] = person.BirthDate;
        }

        if (scopes.Contains("email") && person.Email is not null)
        {
            claims["email"] = person.Email;
        }

        if (scopes.Contains("address"))
        {
            var a = person.Address;
            claims["address"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["formatted"] = a.Formatted,
                ["house_no"] = a.HouseNo,
                ["soi"] = a.Soi,
                ["road"] = a.Road,
                ["subdistrict"] = a.Subdistrict,
                ["district"] = a.District,
                ["locality"] = a.District,
                ["region"] = "กรุงเทพมหานคร",
                ["postal_code"] = a.PostalCode,
                ["country"] = "TH",
            }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        }

        return claims;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string? CheckAuthorizeRequest(HttpRequest request, Dictionary<string, string> p)
    {
        if (p.GetValueOrDefault("response_type") != "code")
        {
            return "response_type must be code";
        }

        if (p.GetValueOrDefault("client_id") != ClientId)
        {
            return "unknown client_id";
        }

        // The registered redirect URI: this same origin's /signin-oidc (exact match, no open redirect).
        var expected = $"{request.Scheme}://{request.Host}/signin-oidc";
        if (p.GetValueOrDefault("redirect_uri") != expected)
        {
            return "redirect_uri is not registered";
        }

        if (!(p.GetValueOrDefault("scope") ?? string.Empty).Split(' ').Contains("openid"))
        {
            return "scope must include openid";
        }

        if (p.GetValueOrDefault("code_challenge_method") != "S256" || string.IsNullOrEmpty(p.GetValueOrDefault("code_challenge")))
        {
            return "PKCE with S256 is required";
        }

        return null;
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) && header.Scheme == "Basic" && header.Parameter is not null)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
            return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : (null, null);
        }

        return (form["client_id"], form["client_secret"]);
    }

    private static bool FixedTimeEquals(string? a, string b) =>
        a is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static IResult TokenError(string error, string description) =>
        Results.BadRequest(new { error, error_description = description });

    private static string RandomToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}

/// <summary>Registers and maps the development provider; mapped only in Development, never in Production.</summary>
public static class DevIdpSetup
{
    public static bool IsEnabled(IHostEnvironment environment) => environment.IsDevelopment();

    public static void AddDevIdp(this IServiceCollection services)
    {
        services.AddSingleton<DevIdpKeys>();
        services.AddSingleton<DevIdentityProvider>();
    }

    public static void MapDevIdp(this WebApplication app)
    {
        var idp = app.MapGroup(DevIdentityProvider.BasePath).ExcludeFromDescription().AllowAnonymous();
        idp.MapGet("/.well-known/openid-configuration", (HttpRequest r, DevIdentityProvider p) => p.Discovery(r));
        idp.MapGet("/jwks", (DevIdentityProvider p) => p.Jwks());
        idp.MapGet("/authorize", (HttpContext h, DevIdentityProvider p, IAntiforgery a) => p.Authorize(h, a));
        idp.MapPost("/authorize", (HttpContext h, DevIdentityProvider p, IAntiforgery a) => p.Approve(h, a)).DisableAntiforgery();
        idp.MapPost("/token", (HttpContext h, DevIdentityProvider p) => p.Token(h)).DisableAntiforgery();
        idp.MapGet("/userinfo", (HttpRequest r, DevIdentityProvider p) => p.UserInfo(r));
        idp.MapPost("/userinfo", (HttpRequest r, DevIdentityProvider p) => p.UserInfo(r)).DisableAntiforgery();
    }
}
