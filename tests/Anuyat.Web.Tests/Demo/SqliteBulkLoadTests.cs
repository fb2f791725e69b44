using Anuyat.Infrastructure.Demo;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Demo;

/// <summary>The fast SQLite load behind <c>demo generate</c>: indexes dropped for a big load come back exactly as they were.</summary>
public sealed class SqliteBulkLoadTests
{
    [Fact]
    public async Task BulkLoad_LargeLoadIntoEmptyTables_DropsTheIndexesAndBuildsTheSameOnesAgain()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AnuyatDbContext>();
            var before = await IndexesAsync(db);
            Assert.Contains(before, i => i.Contains("\"Reference\"", StringComparison.Ordinal));

            var load = await SqliteBulkLoad.BeginAsync(db, ["applications", "application_extensions"], 1_000_000);
            Assert.NotNull(load);
            Assert.Equal(before.Count, load.DroppedIndexes);
            Assert.Empty(await IndexesAsync(db));
            Assert.Equal(0, await PragmaAsync(db, "foreign_keys"));

            await load.DisposeAsync();

            Assert.Equal(before, await IndexesAsync(db));
            Assert.Equal(1, await PragmaAsync(db, "foreign_keys"));
            return 0;
        });
    }

    [Fact]
    public async Task BulkLoad_SmallLoad_KeepsTheIndexes()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AnuyatDbContext>();
            var before = await IndexesAsync(db);

            await using (var load = await SqliteBulkLoad.BeginAsync(db, ["applications", "application_extensions"], 500))
            {
                Assert.Equal(0, load!.DroppedIndexes);
                Assert.Equal(before, await IndexesAsync(db));
            }

            Assert.Equal(before, await IndexesAsync(db));
            return 0;
        });
    }

    private static async Task<List<string>> IndexesAsync(AnuyatDbContext db) =>
        await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('applications', 'application_extensions') ORDER BY name").ToListAsync();

    private static async Task<long> PragmaAsync(AnuyatDbContext db, string name)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
