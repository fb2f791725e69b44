using System.Text.Json;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Anuyat.Infrastructure.Privacy;
using Anuyat.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Privacy;

/// <summary>
/// PDPA B.E. 2562: the privacy notice (s.23, at the point of collection), the person's copy of their data in a
/// machine-readable form (s.30 access, s.31 portability), and retention with a purge job (s.37(3)).
/// </summary>
public static class PrivacySetup
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        var reference = ReferenceFiles.Locate("reference", builder.Configuration["Anuyat:ContentRoot"]);
        builder.Services.AddSingleton(_ => PrivacyFiles.ReadContact(reference));
        builder.Services.AddSingleton(_ => PrivacyFiles.ReadRetention(reference));
        builder.Services.AddScoped<RetentionPurge>();
        builder.Services.AddHostedService<RetentionWorker>();
        return builder;
    }

    public static WebApplication MapPrivacy(this WebApplication app)
    {
        // Read both files now, so a malformed one stops the start naming it rather than failing a later request.
        _ = app.Services.GetRequiredService<PrivacyContact>();
        _ = app.Services.GetRequiredService<RetentionRules>();

        app.MapGet("/account/my-data", DownloadMyDataAsync)
            .RequireAuthorization()
            .WithName("DownloadMyData")
            .WithSummary("Everything the service holds about the signed-in person, as one JSON file (PDPA s.30–31).");
        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static async Task<IResult> DownloadMyDataAsync(HttpContext http, UserManager<Account> users, AnuyatDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User)!;
        var account = await users.FindByIdAsync(user.AccountId.ToString());
        if (account is null)
        {
            return Results.NotFound();
        }

        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantAccountId == account.Id || a.FiledByAccountId == account.Id)
            .OrderBy(a => a.CreatedAt)
            .ToListAsync(cancellationToken);
        var applicationIds = applications.Select(a => a.Id).ToList();
        var attached = await db.ApplicationDocuments.AsNoTracking()
            .Where(d => applicationIds.Contains(d.ApplicationId))
            .ToListAsync(cancellationToken);
        var uploads = await db.UploadedFiles.AsNoTracking().Where(u => u.AccountId == account.Id).OrderBy(u => u.UploadedAt).ToListAsync(cancellationToken);
        var inbox = await db.InboxMessages.AsNoTracking().Where(m => m.RecipientAccountId == account.Id).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.AccountId == account.Id).ToListAsync(cancellationToken);
        var logins = await users.GetLoginsAsync(account);
        var passkeys = await users.GetPasskeysAsync(account);

        // PDPA applies to staff too: what they did is recorded under their account id in the audit trail.
        var actorId = account.Id.ToString();
        var actions = await db.AuditEvents.AsNoTracking().Where(e => e.ActorId == actorId).OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.OccurredAt, e.Action, e.SubjectType, e.SubjectId })
            .ToListAsync(cancellationToken);

        var export = new
        {
            format = "anuyat-my-data/1",
            exportedAt = clock.GetUtcNow().UtcDateTime,
            account = new
            {
                account.Id,
                account.Email,
                account.DisplayName,
                role = account.Role.ToString().ToLowerInvariant(),
                account.PreferredLanguage,
                account.CreatedAt,
                account.TwoFactorEnabled,
                office = account.DistrictCode is null ? null : new { district = account.DistrictCode, section = account.SectionCode },
                externalLogins = logins.Select(l => l.LoginProvider),
                passkeys = passkeys.Select(p => new { p.Name, p.CreatedAt }),
            },
            profile = account.Profile,
            applications = applications.Select(a => new
            {
                a.Id,
                a.Reference,
                a.ServiceCode,
                a.ServiceVersion,
                a.DistrictCode,
                a.SectionCode,
                status = a.Status.ToString(),
                answers = JsonDocument.Parse(a.AnswersJson).RootElement,
                a.CreatedAt,
                a.SubmittedAt,
                a.LegalDeadline,
                decision = a.Decision?.ToString(),
                a.DecisionReasons,
                a.DecidedAt,
                a.ClosedAt,
                documents = attached.Where(d => d.ApplicationId == a.Id).Select(d => new { d.ItemCode, d.UploadedFileId, d.AttachedAt }),
            }),
            documents = uploads.Select(u => new { u.Id, name = u.OriginalName, u.ContentType, u.Bytes, u.Sha256, u.UploadedAt }),
            inbox = inbox.Select(m => new { m.TitleTh, m.TitleEn, m.BodyTh, m.BodyEn, m.Link, m.CreatedAt, m.ReadAt }),
            apiTokens = tokens.Select(t => new { t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt }),
            actionsRecorded = actions,
        };

        http.Response.Headers.CacheControl = "no-store";
        return Results.File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", $"anuyat-my-data-{clock.GetUtcNow():yyyyMMdd}.json");
    }
}

/// <summary>Runs the retention purge a little after start (<see cref="BackgroundStart"/>) and then every six hours.</summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, BackgroundStart start, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await start.WaitAsync(stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(6));
        do
        {
            try
            {
                await scopes.ForEachTenantAsync(services => services.GetRequiredService<RetentionPurge>().RunAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Retention purge failed; it runs again in six hours");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
