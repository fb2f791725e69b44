using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Foundation;

/// <summary>
/// The model the running app builds (with its Identity options and tenancy) must be the model the migrations were made
/// from; otherwise `db migrate` refuses with "pending model changes" on a deployment while the tests, which migrate
/// with a context made outside the app, stay green.
/// </summary>
public sealed class MigrationModelTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task AppContext_ComparedWithItsMigrations_HasNoPendingModelChanges(Db db)
    {
        var app = await SharedApps.Get(db);

        var pending = await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<AnuyatDbContext>().Database.HasPendingModelChanges()));

        Assert.False(pending, "the app's model differs from the Initial migration: run scripts/add-migration.sh Initial --reset");
    }
}
