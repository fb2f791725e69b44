using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>How <see cref="ReadOnlyDb"/> connects: the replica when <see cref="IsReplica"/>, else the primary.</summary>
public sealed record ReadOnlyDbOptions(DbContextOptions<AnuyatDbContext> Options, bool IsReplica);

/// <summary>
/// A no-tracking context for dashboard and report reads (docs/scaling.md step 3): on <c>ConnectionStrings:AnuyatReadOnly</c>
/// (an asynchronous replica, seconds behind — fine for counts, never for a citizen's own file) or on the primary when
/// no replica is configured. Saving through it throws; the replica itself refuses writes too.
/// </summary>
public sealed class ReadOnlyDb(ReadOnlyDbOptions options, ITenantContext tenant) : IAsyncDisposable, IDisposable
{
    public AnuyatDbContext Context { get; } = new(options.Options, tenant) { IsReadOnly = true };

    public bool IsReplica => options.IsReplica;

    public void Dispose() => Context.Dispose();

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
