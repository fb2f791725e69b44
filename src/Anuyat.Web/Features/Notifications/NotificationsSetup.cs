using Anuyat.Infrastructure.Notifications;

namespace Anuyat.Web.Features.Notifications;

/// <summary>
/// The outbox (e-mail, delivered by a background worker with leases and retries) and the in-app inbox.
/// Settings: <c>Smtp:Host</c>, <c>Smtp:Port</c>, <c>Smtp:From</c>; <c>Notifications:PollInterval</c> (default 5 s).
/// </summary>
public static class NotificationsSetup
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = new OutboxOptions();
        builder.Configuration.GetSection("Notifications").Bind(options);
        // The training sandbox never sends: its e-mails stay in its own outbox, whatever Smtp:* says.
        var smtp = Admin.SandboxMode.IsEnabled(builder.Configuration) ? null : SmtpSettings.Read(builder.Configuration);
        services.AddSingleton(options);
        services.AddScoped<Outbox>();
        services.AddSingleton<IEmailSender>(smtp is null ? new UnconfiguredEmailSender() : new SmtpEmailSender(smtp));
        services.AddSingleton<OutboxProcessor>();
        services.AddHostedService(sp => new OutboxWorker(
            sp.GetRequiredService<OutboxProcessor>(), smtp, sp.GetRequiredService<TimeProvider>(), options, sp.GetRequiredService<ILogger<OutboxWorker>>(), sp.GetService<Anuyat.Infrastructure.Platform.WorkerRegistry>()));
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app) => app;
}
