using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>
/// SQLite has one writer at a time. Without a busy timeout on the connection, a writer that finds the database locked
/// gets SQLITE_BUSY at once and Microsoft.Data.Sqlite retries it after a fixed 150 ms sleep: under eight concurrent
/// submissions three quarters of the request threads' time went to those sleeps (bench, issue 11). With SQLite's own
/// busy handler the waiting writer retries after 1, 2, 5, 10 … ms and takes the lock soon after it is released. The
/// limit stays the command timeout (30 s by default), after which the caller gets the same "database is locked" error.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite)
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, checked(sqlite.DefaultTimeout * 1000));
        }
    }
}
