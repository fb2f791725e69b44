using System.Net.Http.Json;
using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Filing;
using Anuyat.Web.Tests.Applications;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Anuyat.Web.Tests.Filing;

public sealed class DraftDutiesTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task DraftDuties_UntouchedDraft_WarnedOnceThenDeletedAfterTheWarningPeriod(Db db)
    {
        var app = await SharedApps.Get(db);
        var (client, account) = await TestAccounts.ApiClientAsync(app);
        var id = await ApplicationJourneyTests.CreateAsync(client, ApplicationJourneyTests.SmallHouse);
        await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Applications.Where(a => a.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.UpdatedAt, DateTime.UtcNow.AddDays(-80))));

        var first = await RunAsync(app, TimeSpan.Zero);
        var again = await RunAsync(app, TimeSpan.FromDays(1));

        Assert.True(first.Warned >= 1);
        var warnings = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().AuditEvents.CountAsync(e => e.SubjectId == id.ToString("D") && e.Action == DraftDuties.WarningAction));
        Assert.Equal(1, warnings);
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().InboxMessages.AnyAsync(m => m.RecipientAccountId == account.Id && m.Link == $"/applications/{id}")));
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Applications.AnyAsync(a => a.Id == id)), "kept during the warning period");
        Assert.True(await ExistsAsync(app, id), $"not deleted one day after the warning ({again.Purged} purged elsewhere)");

        await RunAsync(app, TimeSpan.FromDays(15));

        Assert.False(await ExistsAsync(app, id));
        Assert.Equal(1, await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().AuditEvents.CountAsync(e => e.SubjectId == id.ToString("D") && e.Action == "application.draft-purged")));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task DraftDuties_DraftSavedAfterTheWarning_IsKept(Db db)
    {
        var app = await SharedApps.Get(db);
        var (client, _) = await TestAccounts.ApiClientAsync(app);
        var id = await ApplicationJourneyTests.CreateAsync(client, ApplicationJourneyTests.SmallHouse);
        await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Applications.Where(a => a.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.UpdatedAt, DateTime.UtcNow.AddDays(-80))));
        await RunAsync(app, TimeSpan.Zero);

        var put = await client.PutAsJsonAsync($"/api/v1/applications/{id}/answers", new { answers = new { applicantType = "person" } });
        put.EnsureSuccessStatusCode();
        await RunAsync(app, TimeSpan.FromDays(15));

        Assert.True(await ExistsAsync(app, id));
        Assert.Equal(ApplicationStatus.Draft, await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    private static Task<bool> ExistsAsync(AnuyatApp app, Guid id) =>
        app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Applications.AnyAsync(a => a.Id == id));

    private static Task<DraftDuties.Outcome> RunAsync(AnuyatApp app, TimeSpan ahead) =>
        app.WithScopeAsync(s => new DraftDuties(
            s.GetRequiredService<AnuyatDbContext>(),
            s.GetRequiredService<ApplicationEvents>(),
            Options.Create(new DraftRetention { DraftRetentionDays = 90, DraftWarningDays = 14 }),
            new Ahead(ahead),
            NullLogger<DraftDuties>.Instance).RunAsync(CancellationToken.None));

    private sealed class Ahead(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
