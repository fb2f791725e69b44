using Anuyat.Domain.Calendar;
using Anuyat.Infrastructure.Admin;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Anuyat.Web.Features.Admin.People;
using Anuyat.Web.Features.Admin.Sandbox;
using Anuyat.Web.Features.Catalog;

namespace Anuyat.Web.Features.Admin;

/// <summary>
/// The city administrator's console under <c>/admin</c> (admin policy: an admin with a second factor) and the
/// training sandbox. Console decisions live in the database on top of the repository's files; see
/// <see cref="ConsoleOverlays"/>.
/// </summary>
public static class AdminSetup
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        SandboxMode.CheckSeparation(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(SandboxMode.From(builder.Configuration));
        services.AddSingleton<WorkerRegistry>();
        services.AddSingleton(sp => new ConsoleOverlays(
            sp.GetRequiredService<CatalogStore>().Catalog, sp.GetRequiredService<BusinessCalendar>(), sp.GetRequiredService<ReferenceHolidays>()));
        services.AddScoped<PeopleAdmin>();
        services.AddScoped<Calendar.HolidayEditor>();
        services.AddHostedService<ConsoleOverlayWorker>();
        if (SandboxMode.IsEnabled(builder.Configuration))
        {
            services.AddHostedService<SandboxSeeder>();
        }

        return builder;
    }

    public static WebApplication MapAdmin(this WebApplication app) => app;
}

/// <summary>Applies the console's stored decisions before the first request, then re-reads them every minute (other instances' changes).</summary>
public sealed class ConsoleOverlayWorker(IServiceScopeFactory scopes, ConsoleOverlays overlays, WorkerRegistry registry, ILogger<ConsoleOverlayWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReloadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                registry.Report("console-overlays", succeeded: false, note: e.GetType().Name);
                logger.LogError(e, "Reading the console's rollout and calendar decisions failed; the previous ones stay in force");
            }
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await overlays.ReloadAsync(scope.ServiceProvider.GetRequiredService<AnuyatDbContext>(), cancellationToken);
        registry.Report("console-overlays");
    }
}

/// <summary>In the sandbox: demo staff and synthetic files on first start (and after a reset).</summary>
public sealed class SandboxSeeder(IServiceScopeFactory scopes, ILogger<SandboxSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await SandboxFiles.FillAsync(scope.ServiceProvider, logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
