using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Anuyat.Infrastructure.Notifications;

/// <summary>
/// Drains the outbox in the background of every app instance. Without SMTP settings it sends nothing and says so:
/// the e-mails stay pending in the outbox and go out once SMTP is configured.
/// </summary>
public sealed class OutboxWorker(OutboxProcessor processor, SmtpSettings? smtp, TimeProvider clock, OutboxOptions options, ILogger<OutboxWorker> logger, Platform.WorkerRegistry? registry = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (smtp is null)
        {
            logger.LogWarning("Smtp:Host is not set: e-mails are kept in the outbox and not sent until SMTP is configured");
            registry?.Report("outbox", succeeded: false, note: "Smtp:Host is not set; nothing is sent");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await processor.RunOnceAsync(stoppingToken);
                registry?.Report("outbox", note: $"{claimed} claimed");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database hiccup must not stop delivery for good; the next round tries again.
                logger.LogError(e, "Outbox round failed");
                registry?.Report("outbox", succeeded: false, note: e.GetType().Name);
            }

            if (claimed < options.BatchSize)
            {
                try
                {
                    await Task.Delay(options.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
