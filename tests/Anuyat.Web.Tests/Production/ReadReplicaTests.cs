using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Infrastructure;
using Anuyat.Web.Tests.Stats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Anuyat.Web.Tests.Production;

/// <summary>
/// The dashboard's reads on a read replica (docs/scaling.md step 3). The "replica" here is the same database reached
/// through a connection that PostgreSQL makes read-only, so the test proves both halves: the dashboard and the stats
/// API work through it, and nothing can be written through it.
/// </summary>
public sealed class ReadReplicaTests
{
    [Fact]
    public async Task Dashboard_ReadsTheReplica_AndAWriteThroughItFails()
    {
        var primary = await TestPostgres.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<AnuyatDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, primary);
        await using (var context = new AnuyatDbContext(options.Options))
        {
            await DatabaseMigrator.MigrateAsync(context);
        }

        var replica = primary + ";Options='-c default_transaction_read_only=on'";
        await using var app = await AnuyatApp.StartAsync(Db.Postgres, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Anuyat"] = primary,
            ["ConnectionStrings:AnuyatReadOnly"] = replica,
        });
        await StatsSeed.RunAsync(app, seed: 7, StatsSeed.CatalogOffices, applications: 12, steps: 40, new DateTime(2025, 12, 1, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc));

        var (api, _) = await TestAccounts.ApiClientAsync(app, Role.Strategy);
        var stats = await api.GetFromJsonAsync<JsonElement>("/api/v1/stats?groupBy=district&from=2025-12-01&to=2026-11-30");
        var received = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().StatsRollups.SumAsync(r => (long)r.Received));
        Assert.True(received > 0);
        Assert.Equal(received, stats.GetProperty("total").GetProperty("received").GetInt64());
        var page = await StatsApiTests.StaffClientAsync(app, Role.Strategy);
        var dashboard = await page.GetAsync("/dashboard?from=2025-12&to=2026-11");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("table-months", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var overdue = await page.GetAsync("/dashboard/overdue");
        Assert.Equal(HttpStatusCode.OK, overdue.StatusCode);

        await app.WithScopeAsync(async s =>
        {
            var reader = s.GetRequiredService<ReadOnlyDb>();
            Assert.True(reader.IsReplica);
            Assert.Equal("on", (await reader.Context.Database.SqlQueryRaw<string>("SELECT current_setting('default_transaction_read_only') AS \"Value\"").ToListAsync())[0]);
            Assert.Equal("off", (await s.GetRequiredService<AnuyatDbContext>().Database.SqlQueryRaw<string>("SELECT current_setting('default_transaction_read_only') AS \"Value\"").ToListAsync())[0]);

            // The database refuses a write on the replica connection; the context refuses to save at all.
            var refused = await Assert.ThrowsAnyAsync<PostgresException>(() => reader.Context.Database.ExecuteSqlRawAsync("INSERT INTO counters (tenant_id, \"Key\", \"Value\") VALUES ('bma', 'replica-write', 1)"));
            Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
            reader.Context.Counters.Add(new Counter { Key = "replica-write", Value = 1 });
            await Assert.ThrowsAsync<InvalidOperationException>(() => reader.Context.SaveChangesAsync());
            Assert.False(await s.GetRequiredService<AnuyatDbContext>().Counters.AnyAsync(c => c.Key == "replica-write"));
            return 0;
        });
    }
}
