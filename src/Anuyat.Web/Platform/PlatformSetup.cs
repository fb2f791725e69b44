using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Anuyat.Infrastructure.Idempotency;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

namespace Anuyat.Web.Platform;

/// <summary>Cross-cutting set-up: data directory, database, logging, languages, errors, OpenAPI, health.</summary>
public static class PlatformSetup
{
    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("th-TH"), CultureInfo.GetCultureInfo("en-GB")];

    /// <summary>Also accepted from <c>Accept-Language</c>: the bare language codes of API.md (<c>th</c>, <c>en</c>).</summary>
    private static readonly CultureInfo[] AcceptedCultures = [.. Cultures, CultureInfo.GetCultureInfo("th"), CultureInfo.GetCultureInfo("en")];

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var data = DataDirectory.FromConfiguration(builder.Configuration);
        services.AddSingleton(data);
        services.AddSingleton(TimeProvider.System);

        var (provider, connectionString) = DatabaseSetup.Resolve(builder.Configuration, data);
        services.AddAnuyatDatabase(provider, connectionString, Tenancy.FromConfiguration(builder.Configuration), DatabaseSetup.ResolveReadReplica(builder.Configuration, provider));
        services.AddHostedService<StartupPreparation>();
        services.AddScoped<IdempotencyStore>();
        services.AddHostedService<IdempotencyPurgeService>();
        services.AddSingleton(BackgroundStart.FromConfiguration(builder.Configuration));

        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line for the log shipper. Log lines carry ids, never names, e-mails or ID numbers.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        // Keys live in the database, so every app instance reads and writes the same key ring: a cookie or an
        // anti-forgery token issued by one instance is accepted by any other (and a database backup carries them).
        services.AddDataProtection().SetApplicationName("Anuyat").PersistKeysToDbContext<AnuyatDbContext>();

        // Razor would otherwise write Thai as &#xE2D; entities, tripling page weight on a phone.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Thai, UnicodeRanges.GeneralPunctuation));

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = AcceptedCultures;
            o.SupportedUICultures = AcceptedCultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddRazorPages(o => o.RootDirectory = "/Features");

        // Required fields are decided by each page with a message in both languages, never by the framework's English text.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddOpenApi("v1");
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // A year, every host (localhost too: HSTS is only ever sent on HTTPS responses, and only outside Development).
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
            o.ExcludedHosts.Clear();
        });
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // The request's administration, before anything reads the database: Tenancy:Hosts maps a host name to a
        // tenant, any other host is the deployment's own (Tenancy:Id). Every query and insert of the request follows it.
        var tenancy = app.Services.GetRequiredService<Tenancy>();
        app.Use((http, next) =>
        {
            http.RequestServices.GetRequiredService<TenantContext>().Use(tenancy.ForHost(http.Request.Host.Host));
            return next(http);
        });
        app.UseSecurityHeaders();
        // API callers get problem details; people get a friendly page with a trace id. Never exception text.
        app.UseWhen(ErrorResponses.IsApi, api => api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorResponses.HandleApiExceptionAsync }));
        app.UseWhen(http => !ErrorResponses.IsApi(http), pages =>
        {
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPlatformEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health").DisableHttpMetrics();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(o => o.WithTitle("Anuyat API"));
        app.MapRazorPages();
        app.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            var culture = code == "en" ? Cultures[1] : Cultures[0];
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(returnUrl is not null && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).ExcludeFromDescription();
        return app;
    }
}
