using AngleSharp.Html.Dom;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Platform;
using Anuyat.Web.Tests.Admin;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Office;

/// <summary>The officer queue pages its files (50 a page) and every page link keeps the tab and the filters.</summary>
public sealed class QueuePagingTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Queue_120FilesAssignedToMe_Page1Shows50_Page3ShowsTheLast20_AndLinksKeepTheFilters(Db db)
    {
        var app = await SharedApps.Get(db);
        var (officer, account, _) = await AdminClients.StaffClientAsync(app, Role.Officer, "1001", "public-works");
        var newestFirst = await AssignedFilesAsync(app, account.Id, 120);
        const string Filters = "service=building-permit-k1&mine=true";

        var page1 = await officer.GetPageAsync($"/office/queue?{Filters}");
        var page2 = await officer.GetPageAsync(Link(page1, "next")!);
        var page3 = await officer.GetPageAsync(Link(page2, "next")!);
        var pastTheEnd = await officer.GetPageAsync($"/office/queue?tab=open&{Filters}&p=99");

        Assert.Equal(newestFirst.Take(50), References(page1));
        Assert.Equal(newestFirst.Skip(50).Take(50), References(page2));
        Assert.Equal(newestFirst.Skip(100), References(page3));
        Assert.Equal(20, References(page3).Count);
        Assert.Equal(References(page3), References(pastTheEnd));
        Assert.Equal($"/office/queue?tab=open&{Filters}&p=2", Link(page1, "next"));
        Assert.Null(Link(page1, "prev"));
        Assert.Equal($"/office/queue?tab=open&{Filters}&p=2", Link(page3, "prev"));
        Assert.Null(Link(page3, "next"));
        Assert.Equal($"/office/queue?tab=open&{Filters}", Link(page2, "prev"));
        Assert.Contains("หน้า 3 จาก 3", page3.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("คำขอที่ 101–120 จาก 120 รายการ", page3.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("120", page1.QuerySelector(".tabs a[aria-current=page] .tag")!.TextContent.Trim());
        Assert.All(page1.QuerySelectorAll(".tabs a").Select(a => a.GetAttribute("href")!), href => Assert.EndsWith($"&{Filters}", href, StringComparison.Ordinal));

        // Releasing a file from page 3 comes back to page 3 of the same tab with the same filters (the form's action
        // carries them; posted as the attribute says, since AngleSharp's resolved action escapes its query).
        var form = page3.QuerySelector("table form")!;
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        var released = await officer.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, released.StatusCode);
        Assert.Equal($"/office/queue?tab=open&{Filters}&p=3", released.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Queue_InEnglish_SaysWhichPageAndHowMany(Db db)
    {
        var app = await SharedApps.Get(db);
        var (officer, account, _) = await AdminClients.StaffClientAsync(app, Role.Officer, "1001", "public-works");
        await AssignedFilesAsync(app, account.Id, 51);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/office/queue?tab=intake&mine=true&p=2");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var page = await (await officer.SendAsync(request)).ReadPageAsync();

        var pager = page.QuerySelector("nav.pager")!.TextContent;
        Assert.Contains("Page 2 of 2", pager, StringComparison.Ordinal);
        Assert.Contains("applications 51–51 of 51", pager, StringComparison.Ordinal);
        Assert.Equal("/office/queue?tab=intake&mine=true", Link(page, "prev"));
        Assert.Single(References(page));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task ClosedTab_ShowsTheMostRecentlyClosedFirst_WithTheDateItClosed(Db db)
    {
        var app = await SharedApps.Get(db);
        var (officer, account, _) = await AdminClients.StaffClientAsync(app, Role.Officer, "1001", "public-works");
        // Filed oldest first, then withdrawn in the opposite order: the first filed is the last closed.
        var filedNewestFirst = await AssignedFilesAsync(app, account.Id, 55);
        var closedNewestFirst = Enumerable.Reverse(filedNewestFirst).ToList();
        var closedOn = await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            var start = s.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(-3);
            for (var i = 0; i < filedNewestFirst.Count; i++)
            {
                var application = await context.Applications.SingleAsync(a => a.Reference == filedNewestFirst[i]);
                Assert.True(application.Withdraw(start.AddMinutes(i)).IsSuccess);
                // Last touched in the opposite order to closing (say, a later note on the file): the tab must follow
                // the closing, not the last change.
                context.Entry(application).Property(a => a.UpdatedAt).CurrentValue = start.AddHours(1).AddMinutes(-i);
            }

            await context.SaveChangesAsync();
            return ApplicationClock.BangkokDate(start.AddMinutes(filedNewestFirst.Count - 1));
        });

        var page1 = await officer.GetPageAsync("/office/queue?tab=closed&mine=true");
        var page2 = await officer.GetPageAsync(Link(page1, "next")!);

        Assert.Equal(closedNewestFirst.Take(50), References(page1));
        Assert.Equal(closedNewestFirst.Skip(50), References(page2));
        Assert.Equal("เสร็จสิ้นเมื่อ", page1.QuerySelector("table thead th")!.TextContent.Trim());
        Assert.Equal(ThaiDates.Date(closedOn), page1.QuerySelector("table tbody tr td")!.TextContent.Trim());
        Assert.Empty(page1.QuerySelectorAll("table form")); // a closed file cannot be claimed
    }

    private static string? Link(IHtmlDocument page, string rel) => page.QuerySelector($"nav.pager a[rel={rel}]")?.GetAttribute("href");

    private static List<string> References(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table tbody tr a[href^='/office/applications/']").Select(a => a.TextContent.Trim())];

    /// <summary>Sent files assigned to the officer, one minute apart; their references, newest first (the queue's order without deadlines).</summary>
    public static Task<List<string>> AssignedFilesAsync(AnuyatApp app, Guid officer, int count) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<AnuyatDbContext>();
        var directory = s.GetRequiredService<IServiceDirectory>();
        var clock = s.GetRequiredService<TimeProvider>();
        var today = ApplicationsApi.BangkokToday(clock);
        var service = directory.InForce(TestFiles.BuildingPermit, today)!;
        var applicant = await TestAccounts.CreateAsync(app);
        var year = ApplicationReference.BuddhistYearOf(today);
        var start = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var references = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var at = start.AddMinutes(i);
            var number = await Counters.NextAsync(db, ApplicationReference.CounterKey("1001", year), CancellationToken.None);
            var application = PermitApplication.Open(Guid.CreateVersion7(), new ApplicationReference("1001", year, number), service.Code, service.Version, service.SectionCode, applicant.Id, applicant.Id, Channel.Online, "{}", at);
            application.Submit(at);
            application.AssignTo(officer, at);
            db.Applications.Add(application);
            references.Add(application.Reference);
        }

        await db.SaveChangesAsync();
        references.Reverse();
        return references;
    });
}
