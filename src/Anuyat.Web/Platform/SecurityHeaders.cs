namespace Anuyat.Web.Platform;

/// <summary>
/// Response headers that limit what a page may do if something slips through (OWASP ASVS 5.0 V3.4): a Content
/// Security Policy without 'unsafe-inline' (all script and style are files under wwwroot), no MIME sniffing, no
/// referrer beyond the origin, framing only by our own pages (the officer's in-page document viewer), and no
/// access to camera, microphone or location.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'self'; frame-ancestors 'self'";

    /// <summary>
    /// The Scalar API reference writes its configuration as an inline script, so /scalar alone gets a policy that
    /// allows it (and nothing else off-site). It holds no personal data and no forms.
    /// </summary>
    public const string ScalarContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=(), " +
        "publickey-credentials-get=(self), publickey-credentials-create=(self)";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            var scalar = http.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase);

            // An endpoint's own, stricter policy wins (served documents set "sandbox").
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = scalar ? ScalarContentSecurityPolicy : ContentSecurityPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next(http);
    });
}
