using Anuyat.Infrastructure.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>
/// SQLite is migrated at start (it is embedded, nobody else owns it). PostgreSQL is migrated only by the explicit
/// <c>db migrate</c> command, so a deployment decides when the schema changes; the app refuses to start on an old schema.
/// </summary>
public static class DatabaseMigrator
{
    public static async Task PrepareAsync(AnuyatDbContext db, DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            await MigrateIfBehindAsync(db, cancellationToken);
            return;
        }

        IReadOnlyList<string> pending;
        try
        {
            pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            throw new StartupException($"ConnectionStrings__Anuyat: cannot reach PostgreSQL ({e.Message.Split('\n')[0]}).", e);
        }

        if (pending.Count > 0)
        {
            throw new StartupException($"The PostgreSQL schema is {pending.Count} migration(s) behind; run the 'db migrate' command first.");
        }
    }

    /// <summary>
    /// The start path for SQLite: <c>Migrate</c> only when the history table and the migrations this build knows differ.
    /// EF's <c>Migrate</c> also validates every migration and diffs the whole model against the snapshot on each call
    /// (a quarter of the start-up's processor time); when the database is current there is nothing for it to do, and
    /// the model-versus-migrations check is a test (MigrationModelTests) and part of the explicit <c>db migrate</c>.
    /// </summary>
    public static async Task MigrateIfBehindAsync(AnuyatDbContext db, CancellationToken cancellationToken = default)
    {
        if (await IsCurrentAsync(db, cancellationToken))
        {
            await UseWriteAheadLogAsync(db, cancellationToken);
            return;
        }

        await MigrateAsync(db, cancellationToken);
    }

    /// <summary>True when every migration this build knows is applied and the database records none it does not know.</summary>
    public static async Task<bool> IsCurrentAsync(AnuyatDbContext db, CancellationToken cancellationToken = default)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        return known.Count > 0 && applied.Count == known.Count && applied.All(known.Contains);
    }

    public static async Task MigrateAsync(AnuyatDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await UseWriteAheadLogAsync(db, cancellationToken);
    }

    private static async Task UseWriteAheadLogAsync(AnuyatDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits; the busy timeout of Microsoft.Data.Sqlite covers the rest.
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            await db.Database.CloseConnectionAsync();
        }
    }
}
