using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;

namespace Anuyat.Web.Features.Audit;

/// <summary>The audit trail for every module, and the periodic signed checkpoint of its head.</summary>
public static class AuditSetup
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<AuditCheckpoints>();
        var every = builder.Configuration.GetValue("Audit:CheckpointEvery", 1000);
        var interval = builder.Configuration.GetValue("Audit:CheckpointCheckInterval", TimeSpan.FromMinutes(5));
        if (every > 0)
        {
            builder.Services.AddHostedService(sp => new AuditCheckpointWorker(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), every, interval, sp.GetRequiredService<ILogger<AuditCheckpointWorker>>()));
        }

        return builder;
    }
}

/// <summary>Signs the head of the chain once <c>Audit:CheckpointEvery</c> entries were added since the last checkpoint.</summary>
public sealed class AuditCheckpointWorker(IServiceScopeFactory scopes, TimeProvider clock, int every, TimeSpan interval, ILogger<AuditCheckpointWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                // One chain per tenant (issue 9), so each is signed on its own.
                await scopes.ForEachTenantAsync(async services =>
                {
                    var made = await services.GetRequiredService<AuditCheckpoints>().CreateIfDueAsync(every, stoppingToken);
                    services.GetService<Anuyat.Infrastructure.Platform.WorkerRegistry>()?.Report("audit-checkpoint", note: made is null ? null : $"checkpoint at {made.Sequence}");
                    if (made is not null)
                    {
                        logger.LogInformation("Audit checkpoint signed at entry {Sequence}", made.Sequence);
                    }
                });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or IOException or System.Data.Common.DbException)
            {
                scopes.CreateScope().ServiceProvider.GetService<Anuyat.Infrastructure.Platform.WorkerRegistry>()?.Report("audit-checkpoint", succeeded: false, note: e.GetType().Name);
                logger.LogError(e, "Audit checkpoint failed; tried again next round");
            }
        }
    }
}
