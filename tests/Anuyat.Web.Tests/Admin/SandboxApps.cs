using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Tests.Admin;

/// <summary>The app started as the training sandbox: its own data directory and, on PostgreSQL, a database named for the sandbox.</summary>
public static class SandboxApps
{
    public static async Task<AnuyatApp> StartAsync(Db db, int applications, IDictionary<string, string?>? extra = null, bool kestrel = false)
    {
        var settings = new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>())
        {
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:Applications"] = applications.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (db == Db.Postgres)
        {
            // The sandbox refuses a PostgreSQL database whose name does not say sandbox; AnuyatApp takes a given
            // connection string as already migrated.
            var connection = await TestPostgres.CreateDatabaseAsync("anuyat_sandbox_");
            var options = new DbContextOptionsBuilder<AnuyatDbContext>();
            DatabaseSetup.Configure(options, DatabaseProvider.Postgres, connection);
            await using var context = new AnuyatDbContext(options.Options);
            await DatabaseMigrator.MigrateAsync(context);
            settings["ConnectionStrings:Anuyat"] = connection;
        }

        return await AnuyatApp.StartAsync(db, settings: settings, kestrel: kestrel);
    }
}
