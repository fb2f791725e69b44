using System.Collections.Concurrent;

namespace Anuyat.Infrastructure.Platform;

/// <summary>One background worker's latest round, as this instance saw it.</summary>
public sealed record WorkerRun(string Name, DateTime LastRunAt, bool Succeeded, string? Note);

/// <summary>
/// Where background workers say they ran, for the administrator's system page. In memory and per instance: it
/// answers "is this instance's worker alive", not "what did the cluster do".
/// </summary>
public sealed class WorkerRegistry(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, WorkerRun> _runs = new(StringComparer.Ordinal);

    public void Report(string name, bool succeeded = true, string? note = null) =>
        _runs[name] = new WorkerRun(name, clock.GetUtcNow().UtcDateTime, succeeded, note);

    public IReadOnlyList<WorkerRun> All => [.. _runs.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];
}
