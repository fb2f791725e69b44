using Anuyat.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Anuyat.Infrastructure.Idempotency;

/// <summary>
/// Deletes idempotency records past their 24 hours, once an hour. Deleting expired rows twice is harmless, so several
/// app instances may all run it without a lease.
/// </summary>
public sealed partial class IdempotencyPurgeService(IServiceScopeFactory scopes, TimeProvider clock, Platform.BackgroundStart start, ILogger<IdempotencyPurgeService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await start.WaitAsync(stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var purged = 0;
                await scopes.ForEachTenantAsync(async services => purged += await services.GetRequiredService<IdempotencyStore>().PurgeExpiredAsync(stoppingToken));
                if (purged > 0)
                {
                    LogPurged(logger, purged);
                }

                scopes.CreateScope().ServiceProvider.GetService<Platform.WorkerRegistry>()?.Report("idempotency-purge", note: $"{purged} purged");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                scopes.CreateScope().ServiceProvider.GetService<Platform.WorkerRegistry>()?.Report("idempotency-purge", succeeded: false, note: e.GetType().Name);
                // The database may be briefly away (restart, failover); the next round tries again.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Purged {Count} expired idempotency records")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Purging expired idempotency records failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
