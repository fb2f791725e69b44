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
            await MigrateAsync(db, cancellationToken);
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

    public static async Task MigrateAsync(AnuyatDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
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
