using Microsoft.Extensions.Configuration;

namespace Anuyat.Infrastructure.Platform;

/// <summary>
/// How long the periodic duties (deadline clock, draft clean-up, retention, idempotency purge) wait after start
/// before their first pass: <c>Workers:FirstPassDelaySeconds</c>, default 60, 0 for at once. Their first pass reads
/// every open file; at a million files it took a fifth of the start-up's processor time and raced the first requests.
/// They are hourly or six-hourly duties, so a minute later is within their own tolerance; the deadline notices are
/// dated by the legal clock, not by when the pass runs.
/// </summary>
public sealed record BackgroundStart(TimeSpan FirstPassDelay)
{
    public const string Setting = "Workers:FirstPassDelaySeconds";

    public static BackgroundStart FromConfiguration(IConfiguration configuration) =>
        new(TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue(Setting, 60))));

    /// <summary>
    /// Waits the delay in real time (a test's fake clock moving days ahead must not set a duty off in the middle of
    /// the test); false when the host is stopping meanwhile, and the worker then ends without a pass.
    /// </summary>
    public async Task<bool> WaitAsync(CancellationToken stoppingToken)
    {
        if (FirstPassDelay <= TimeSpan.Zero)
        {
            return !stoppingToken.IsCancellationRequested;
        }

        try
        {
            await Task.Delay(FirstPassDelay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
