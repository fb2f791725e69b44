using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Admin.Sandbox;
using Anuyat.Web.Features.Demo;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Anuyat.Web.Tests.Admin;

/// <summary>The training sandbox is filled by the demo generator (the same one as <c>demo generate</c>), and a reset gives the same files again.</summary>
public sealed class SandboxTests
{
    private static readonly string[] PilotDistricts = ["1001", "1003", "1007", "1020", "1022", "1041"];

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task FirstStart_FillsTheSandboxFromTheDemoGenerator_InThePilotDistricts_WithOpenFilesAndDemoStaff(Db db)
    {
        await using var app = await SandboxApps.StartAsync(db, applications: 80);

        var (rows, officer) = await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            var r = await context.Applications.AsNoTracking().Select(a => new { a.IsSynthetic, a.Reference, a.Status, a.ApplicantAccountId }).ToListAsync();
            var o = await context.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == DemoAccounts.StaffEmail(Role.Officer, "1003", "public-works"));
            return (r, o);
        });

        Assert.Equal(80, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsSynthetic));
        Assert.All(rows, r => Assert.Contains(r.Reference[..4], PilotDistricts));
        Assert.Contains(rows, r => r.Status == ApplicationStatus.Submitted);
        Assert.NotNull(officer);
        var applicantEmails = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Users.AsNoTracking()
            .Where(u => u.Role == Role.Citizen && u.Email!.EndsWith("@" + DemoGenerator.EmailDomain)).CountAsync());
        Assert.True(applicantEmails > 0);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Reset_EmptiesWhatWasDone_AndGeneratesTheSameFilesAgain(Db db)
    {
        await using var app = await SandboxApps.StartAsync(db, applications: 40);
        var before = await ReferencesAsync(app);
        var citizen = await TestAccounts.CreateAsync(app);
        await app.WithScopeAsync(s => TestFiles.CreateSubmittedAsync(s, citizen.Id, "practice", "1003", 0, TimeSpan.FromHours(1), CancellationToken.None));
        Assert.Equal(41, (await ReferencesAsync(app)).Count);

        var made = await app.WithScopeAsync(s => SandboxReset.ResetAsync(s, NullLogger.Instance, CancellationToken.None));

        Assert.Equal(40, made);
        Assert.Equal(before, await ReferencesAsync(app));
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Users.AnyAsync(u => u.Id == citizen.Id)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Reset_OutsideTheSandbox_Refuses_AndDeletesNothing(Db db)
    {
        var app = await SharedApps.Get(db);
        var citizen = await TestAccounts.CreateAsync(app);

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithScopeAsync(s => SandboxReset.ResetAsync(s, NullLogger.Instance, CancellationToken.None)));

        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Users.AnyAsync(u => u.Id == citizen.Id)));
    }

    private static Task<List<string>> ReferencesAsync(AnuyatApp app) => app.WithScopeAsync(async s =>
        (await s.GetRequiredService<AnuyatDbContext>().Applications.AsNoTracking().Select(a => a.Reference).ToListAsync()).Order(StringComparer.Ordinal).ToList());
}
