using System.Diagnostics;

namespace Anuyat.Bench;

/// <summary>What one load run measured.</summary>
public sealed record LoadResult(string Mode, int Users, double OfferedPerSecond, double AchievedPerSecond, long Completed, long Errors, double P50, double P95, double P99, double Max, string? FirstError)
{
    public string Line => $"{Mode,-6} users {Users,3}  offered {(double.IsNaN(OfferedPerSecond) ? "     -" : OfferedPerSecond.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)),7}/s  achieved {AchievedPerSecond,8:F1}/s  p50 {P50,8:F1} ms  p95 {P95,8:F1} ms  p99 {P99,8:F1} ms  errors {Errors}";
}

/// <summary>
/// Two ways to load a server. <see cref="OpenAsync"/> is the open model: requests are due at a constant rate whether
/// or not earlier ones have come back (as real citizens arrive), and each latency is measured from when the request
/// was due, not from when it could finally be sent, so a stalled server cannot hide its queue (coordinated omission).
/// <see cref="ClosedAsync"/> keeps N users busy back to back, to find the ceiling the open runs are set against.
/// </summary>
public static class LoadGenerator
{
    /// <summary>One request; returns null on success or a short reason.</summary>
    public delegate Task<string?> Request(int user, long sequence, CancellationToken cancellationToken);

    public static async Task<LoadResult> OpenAsync(double ratePerSecond, int users, TimeSpan duration, Request request, CancellationToken cancellationToken = default)
    {
        var histogram = new Histogram();
        long errors = 0;
        string? firstError = null;
        var total = Math.Max(1, (long)(ratePerSecond * duration.TotalSeconds));
        var interval = Stopwatch.Frequency / ratePerSecond;
        using var gate = new SemaphoreSlim(users, users);
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = start + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            var sequence = i;
            inFlight.Add(Task.Run(
                async () =>
                {
                    // Users are connections: a request due while all are busy waits, and that wait is latency.
                    await gate.WaitAsync(cancellationToken);
                    try
                    {
                        var error = await SafeAsync(request, (int)(sequence % users), sequence, cancellationToken);
                        if (error is not null)
                        {
                            Interlocked.Increment(ref errors);
                            Interlocked.CompareExchange(ref firstError, error, null);
                        }
                    }
                    finally
                    {
                        gate.Release();
                        histogram.Record((long)Stopwatch.GetElapsedTime(due).TotalMicroseconds);
                    }
                },
                cancellationToken));
        }

        await Task.WhenAll(inFlight);
        var seconds = clock.Elapsed.TotalSeconds;
        return new LoadResult("open", users, ratePerSecond, histogram.Count / seconds, histogram.Count, errors,
            histogram.PercentileMs(0.50), histogram.PercentileMs(0.95), histogram.PercentileMs(0.99), histogram.MaxMs, firstError);
    }

    public static async Task<LoadResult> ClosedAsync(int users, TimeSpan duration, Request request, CancellationToken cancellationToken = default)
    {
        var histogram = new Histogram();
        long errors = 0;
        long sequence = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, users).Select(user => Task.Run(
            async () =>
            {
                while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
                {
                    var started = Stopwatch.GetTimestamp();
                    var error = await SafeAsync(request, user, Interlocked.Increment(ref sequence), cancellationToken);
                    histogram.Record((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                    if (error is not null)
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, error, null);
                    }
                }
            },
            cancellationToken)).ToList();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        return new LoadResult("closed", users, double.NaN, histogram.Count / seconds, histogram.Count, errors,
            histogram.PercentileMs(0.50), histogram.PercentileMs(0.95), histogram.PercentileMs(0.99), histogram.MaxMs, firstError);
    }

    private static async Task<string?> SafeAsync(Request request, int user, long sequence, CancellationToken cancellationToken)
    {
        try
        {
            return await request(user, sequence, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timeout";
        }
    }
}
