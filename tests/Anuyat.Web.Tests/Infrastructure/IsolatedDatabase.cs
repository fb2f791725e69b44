using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database of its own (SQLite file or PostgreSQL database) with a small service provider over it,
/// for tests that tamper with rows or count everything in a table and so must not share the app's database.
/// </summary>
public sealed class IsolatedDatabase : IAsyncDisposable
{
    private IsolatedDatabase(Db db, string connectionString, string directory, TimeProvider clock)
    {
        Db = db;
        ConnectionString = connectionString;
        Directory = directory;
        Data = new DataDirectory(directory);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddSingleton(Data);
        services.AddAnuyatDatabase(Provider, connectionString);
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditCheckpoints>();
        Services = services.BuildServiceProvider();
    }

    public Db Db { get; }

    public DatabaseProvider Provider => Db == Db.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public string ConnectionString { get; }

    public string Directory { get; }

    public DataDirectory Data { get; }

    public ServiceProvider Services { get; }

    public static async Task<IsolatedDatabase> CreateAsync(Db db, TimeProvider? clock = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "anuyat-iso-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var connectionString = db == Db.Sqlite ? $"Data Source={Path.Combine(directory, "anuyat.db")}" : await TestPostgres.CreateDatabaseAsync();
        var isolated = new IsolatedDatabase(db, connectionString, directory, clock ?? TimeProvider.System);
        await using var context = isolated.NewContext();
        await DatabaseMigrator.MigrateAsync(context);
        return isolated;
    }

    /// <summary>A context of its own (its own connection), as a separate request or app instance would have.</summary>
    public AnuyatDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AnuyatDbContext>();
        DatabaseSetup.Configure(options, Provider, ConnectionString);
        return new AnuyatDbContext(options.Options);
    }

    /// <summary>Runs SQL straight against the database, the way someone with database access would tamper with it.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var context = NewContext();
        await context.Database.ExecuteSqlRawAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }
}
