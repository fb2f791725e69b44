using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anuyat.Web.Features.Filing;

/// <summary>
/// Drafts nobody touched for <see cref="DraftRetention.DraftRetentionDays"/> are deleted, after the applicant was warned
/// by e-mail and inbox <see cref="DraftRetention.DraftWarningDays"/> before. The warning is an audit event on the draft,
/// so no extra table is needed and any save (which moves <c>UpdatedAt</c>) starts the count again. Safe with several
/// instances: a draft changed meanwhile fails on its row version and is left alone.
/// </summary>
public sealed class DraftDuties(AnuyatDbContext db, ApplicationEvents events, IOptions<DraftRetention> options, TimeProvider clock, ILogger<DraftDuties> logger)
{
    public const string WarningAction = "application.draft-warning";

    public sealed record Outcome(int Warned, int Purged);

    public async Task<Outcome> RunAsync(CancellationToken ct)
    {
        var retention = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var warnFrom = now.AddDays(-(retention.DraftRetentionDays - retention.DraftWarningDays));
        var stale = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Draft && a.UpdatedAt < warnFrom)
            .Select(a => new { a.Id, a.UpdatedAt })
            .ToListAsync(ct);
        int warned = 0, purged = 0;
        foreach (var draft in stale)
        {
            var subject = draft.Id.ToString("D");
            var warnedAt = await db.AuditEvents.AsNoTracking()
                .Where(e => e.SubjectType == ApplicationEvents.SubjectType && e.SubjectId == subject && e.Action == WarningAction && e.OccurredAt >= draft.UpdatedAt)
                .Select(e => (DateTime?)e.OccurredAt).MaxAsync(ct);
            db.ChangeTracker.Clear();
            var application = await db.Applications.FirstAsync(a => a.Id == draft.Id, ct);
            if (warnedAt is null)
            {
                var deleteOn = DateOnly.FromDateTime(now.AddDays(retention.DraftWarningDays));
                events.Record(null, application, "draft-warning", new($"แจ้งผู้ยื่นว่าร่างจะถูกลบ {ThaiDates.LongDateTh(deleteOn)}", $"The applicant was told the draft will be deleted on {ThaiDates.LongDateEn(deleteOn)}"));
                await events.NotifyApplicantAsync(application,
                    new("ร่างคำขอของคุณจะถูกลบ", "Your draft application will be deleted"),
                    new($"ร่างคำขอนี้ไม่มีการแก้ไขมานาน จะถูกลบในวันที่ {Platform.ThaiDates.Date(deleteOn)} หากยังต้องการ เพียงเปิดร่างและบันทึกอีกครั้ง",
                        $"This draft has not been changed for a long time and will be deleted on {deleteOn:d MMMM yyyy}. To keep it, open it and save any page."));
                warned += await SaveAsync(ct);
            }
            else if (draft.UpdatedAt < now.AddDays(-retention.DraftRetentionDays) && warnedAt <= now.AddDays(-retention.DraftWarningDays))
            {
                // PDPA B.E. 2562 s.37(3): personal data no longer needed is erased; the audit trail keeps only ids.
                events.Record(null, application, "draft-purged", new("ลบร่างคำขอที่ไม่มีการแก้ไขตามระยะเวลาที่กำหนด", "The untouched draft was deleted after the warning"));
                db.Applications.Remove(application);
                purged += await SaveAsync(ct);
            }
        }

        if (warned + purged > 0)
        {
            logger.LogInformation("Draft duties: {Warned} warned, {Purged} deleted", warned, purged);
        }

        return new Outcome(warned, purged);
    }

    private async Task<int> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return 1;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}

/// <summary>
/// Runs <see cref="DraftDuties"/> a little after start (<see cref="BackgroundStart"/>) and then every
/// <c>Applications:DraftDutiesMinutes</c> (default 60).
/// </summary>
public sealed class DraftDutiesWorker(IServiceScopeFactory scopes, IConfiguration configuration, BackgroundStart start, ILogger<DraftDutiesWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await start.WaitAsync(stoppingToken))
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Applications:DraftDutiesMinutes", 60)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scopes.ForEachTenantAsync(services => services.GetRequiredService<DraftDuties>().RunAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Draft duties failed; retrying at the next interval");
            }

            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
