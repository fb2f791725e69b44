using Anuyat.Domain.Applications;
using Anuyat.Domain.Deadlines;
using Anuyat.Infrastructure.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Applications;

/// <summary>
/// What the law makes happen by the calendar, without anyone remembering: a file whose deficiency record was not
/// answered by its due date lapses (s.8), and a file past its legal deadline gets a delay notice to the applicant every
/// 7 days until it is decided (Licensing Facilitation Act B.E. 2558 s.10). Safe with several instances running: each
/// notice is keyed by (application, due day) and each lapse by the file's row version.
/// </summary>
public sealed class ClockDuties(AnuyatDbContext db, ApplicationEvents events, TimeProvider clock, ILogger<ClockDuties> logger)
{
    public sealed record Outcome(int Lapsed, int NoticesSent);

    public async Task<Outcome> RunAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var lapsed = 0;
        var overdueDeficiencies = await db.Applications
            .Where(a => a.Status == ApplicationStatus.Deficient && a.Deficiency!.DueDate < today && !a.IsSynthetic)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in overdueDeficiencies)
        {
            lapsed += await OnceAsync(id, async application =>
            {
                if (!application.Lapse(today, clock.GetUtcNow().UtcDateTime).IsSuccess)
                {
                    return false;
                }

                events.Record(null, application, "lapsed", new("คำขอสิ้นผล เพราะไม่ได้ส่งเอกสารตามบันทึกความบกพร่องภายในกำหนด", "The application lapsed: the missing items were not sent by the due date"));
                await events.NotifyApplicantAsync(application,
                    new("คำขอสิ้นผล", "Your application has lapsed"),
                    new("ไม่ได้รับเอกสารตามบันทึกความบกพร่องภายในวันครบกำหนด หากยังต้องการ โปรดยื่นคำขอใหม่", "The missing items did not arrive by the due date. If you still need the permit, please apply again."));
                return true;
            }, cancellationToken);
        }

        var sent = 0;
        var late = await db.Applications.AsNoTracking()
            .Where(a => (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InReview || a.Status == ApplicationStatus.Inspection) && a.LegalDeadline < today && !a.IsSynthetic)
            .Select(a => new { a.Id, a.LegalDeadline })
            .ToListAsync(cancellationToken);
        foreach (var file in late)
        {
            var already = (await db.DelayNotices.AsNoTracking().Where(n => n.ApplicationId == file.Id).Select(n => n.DueOn).ToListAsync(cancellationToken)).ToHashSet();
            var status = DelayNotices.Check(file.LegalDeadline!.Value, null, today, already);
            if (status.DueNow is not { } dueOn)
            {
                continue;
            }

            sent += await OnceAsync(file.Id, async application =>
            {
                db.DelayNotices.Add(new DelayNoticeSent { ApplicationId = application.Id, DueOn = dueOn, SentAt = clock.GetUtcNow().UtcDateTime });
                var deadline = application.LegalDeadline!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                events.Record(null, application, "delay-notice", new($"แจ้งผู้ยื่นว่าการพิจารณาล่าช้ากว่ากำหนด ({deadline})", $"The applicant was told the decision is late (deadline {deadline})"), new { dueOn, reasonGiven = application.DelayReason is not null });
                // s.10 asks for the reason: the officer's latest written reason when there is one.
                var reason = application.DelayReason is { Length: > 0 } written
                    ? new Anuyat.Domain.Common.BilingualText($" เหตุที่ล่าช้า: {written}", $" Reason for the delay: {written}")
                    : new Anuyat.Domain.Common.BilingualText(" สำนักงานเขตยังไม่ได้บันทึกเหตุผล", " The office has not yet written down a reason.");
                await events.NotifyApplicantAsync(application,
                    new("การพิจารณาคำขอของคุณล่าช้ากว่ากำหนด", "The decision on your application is late"),
                    new($"กำหนดตามกฎหมายคือ {deadline} สำนักงานเขตยังพิจารณาไม่แล้วเสร็จ{reason.Th} และจะแจ้งความคืบหน้าให้ทราบทุก 7 วันจนกว่าจะมีผล (พ.ร.บ. การอำนวยความสะดวกฯ มาตรา 10)",
                        $"The legal deadline was {deadline}. The district office has not finished.{reason.En} It will tell you how it stands every 7 days until it decides (Licensing Facilitation Act s.10)."));
                return true;
            }, cancellationToken);
        }

        if (lapsed + sent > 0)
        {
            logger.LogInformation("Clock duties on {Today}: {Lapsed} lapsed, {Sent} delay notices", today, lapsed, sent);
        }

        return new Outcome(lapsed, sent);
    }

    /// <summary>Applies one duty to one file in its own save; another instance that got there first wins quietly.</summary>
    private async Task<int> OnceAsync(Guid id, Func<PermitApplication, Task<bool>> duty, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var application = await db.Applications.FirstAsync(a => a.Id == id, cancellationToken);
        if (!await duty(application))
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return 1;
        }
        catch (DbUpdateException)
        {
            // Concurrency (the file changed) or the notice's key already exists: done by someone else.
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}

/// <summary>
/// Runs <see cref="ClockDuties"/> a little after start (<see cref="BackgroundStart"/>) and then every
/// <c>Applications:ClockDutiesMinutes</c> (default 60).
/// </summary>
public sealed class ClockDutiesWorker(IServiceScopeFactory scopes, ApplicationClock legalClock, IConfiguration configuration, BackgroundStart start, ILogger<ClockDutiesWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await start.WaitAsync(stoppingToken))
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Applications:ClockDutiesMinutes", 60)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scopes.ForEachTenantAsync(services => services.GetRequiredService<ClockDuties>().RunAsync(legalClock.Today, stoppingToken));
                scopes.CreateScope().ServiceProvider.GetService<WorkerRegistry>()?.Report("clock-duties");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                scopes.CreateScope().ServiceProvider.GetService<WorkerRegistry>()?.Report("clock-duties", succeeded: false, note: e.GetType().Name);
                logger.LogError(e, "Clock duties failed; retrying at the next interval");
            }

            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
