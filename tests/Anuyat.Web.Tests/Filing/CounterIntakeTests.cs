using System.Net;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Accounts;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Filing;

public sealed class CounterIntakeTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Counter_OfficerFilesForAWalkIn_ApplicationBelongsToTheApplicantWithChannelCounter(Db db)
    {
        var app = await SharedApps.Get(db);
        var officer = await TestAccounts.CreateAsync(app, Role.Officer, "1003", "public-works");
        var client = app.NewClient();
        await SignInTests.SignInAsync(client, officer.Email!, TestAccounts.Password);
        var setup = await client.GetPageAsync("/account/authenticator");
        await client.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp.Code(setup.QuerySelector("#authenticator-key")!.TextContent, DateTimeOffset.UtcNow) });
        var walkIn = TestAccounts.NewEmail("walk-in");

        var counter = await client.GetPageAsync("/office/counter");
        var bad = await client.SubmitAsync(counter, new Dictionary<string, string> { ["ServiceCode"] = "building-permit-k1", ["Email"] = walkIn, ["NationalId"] = "1111111111118" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.NotNull((await bad.ReadPageAsync()).QuerySelector("#NationalId-error"));
        var opened = await client.SubmitAsync(counter, new Dictionary<string, string>
        {
            ["ServiceCode"] = "building-permit-k1",
            ["Email"] = walkIn,
            ["Phone"] = "081-234-5678",
            ["NationalId"] = "1111111111119",
            ["FirstName"] = "มานี",
            ["LastName"] = "มีนา",
        });

        Assert.StartsWith("/drafts/", opened.LocationPath(), StringComparison.Ordinal);
        var id = Guid.Parse(opened.LocationPath()["/drafts/".Length..]);
        var application = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Applications.AsNoTracking().SingleAsync(a => a.Id == id));
        var applicant = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == walkIn));
        Assert.Equal(Channel.Counter, application.Channel);
        Assert.Equal(applicant.Id, application.ApplicantAccountId);
        Assert.Equal(officer.Id, application.FiledByAccountId);
        Assert.Equal("1003", application.DistrictCode);
        Assert.Equal(Role.Citizen, applicant.Role);
        Assert.Contains("1111111111119", application.AnswersJson, StringComparison.Ordinal);
        var tasks = await client.GetPageAsync($"/drafts/{id}");
        Assert.NotNull(tasks.QuerySelector(".task-list"));
        var timeline = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.SubjectId == id.ToString("D")).Select(e => e.SummaryEn).ToListAsync());
        Assert.Contains(timeline, t => t.Contains("channel: counter", StringComparison.Ordinal));
    }
}
