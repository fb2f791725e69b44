using System.Net;
using Anuyat.Infrastructure.Notifications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Notifications;

public sealed class InboxPageTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Inbox_OwnMessages_ListedInThaiWithBuddhistEraDateAndMarkedRead(Db db)
    {
        var app = await SharedApps.Get(db);
        var (client, account) = await TestAccounts.ApiClientAsync(app);
        var (_, other) = await TestAccounts.ApiClientAsync(app);
        await app.WithScopeAsync(async s =>
        {
            var outbox = s.GetRequiredService<Outbox>();
            outbox.AddToInbox(account.Id, new("ได้รับคำขอแล้ว", "Application received"), new("เจ้าหน้าที่จะตรวจภายใน 7 วัน", "An officer will check it within 7 days"), "/applications/1");
            outbox.AddToInbox(other.Id, new("ข้อความของคนอื่น", "Someone else's message"), new("ไม่ควรเห็น", "Must not be seen"));
            return await s.GetRequiredService<AnuyatDbContext>().SaveChangesAsync();
        });

        var page = await client.GetPageAsync("/inbox");

        var items = page.QuerySelectorAll("ul.inbox li");
        var item = Assert.Single(items);
        Assert.Equal("ได้รับคำขอแล้ว", item.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal("/applications/1", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("เจ้าหน้าที่จะตรวจภายใน 7 วัน", item.TextContent, StringComparison.Ordinal);
        var buddhistYear = (DateTime.UtcNow.AddHours(7).Year + 543).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(buddhistYear, item.QuerySelector("time")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ข้อความของคนอื่น", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().InboxMessages.AllAsync(m => m.RecipientAccountId != account.Id || m.ReadAt != null)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Inbox_InEnglish_ShowsEnglishTitle(Db db)
    {
        var app = await SharedApps.Get(db);
        var (client, account) = await TestAccounts.ApiClientAsync(app);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        await app.WithScopeAsync(async s =>
        {
            s.GetRequiredService<Outbox>().AddToInbox(account.Id, new("ได้รับคำขอแล้ว", "Application received"), new("ข้อความ", "Body"));
            return await s.GetRequiredService<AnuyatDbContext>().SaveChangesAsync();
        });

        var page = await client.GetPageAsync("/inbox");

        Assert.Equal("Application received", page.QuerySelector("ul.inbox li h2")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Inbox_Anonymous_IsSentToSignIn(Db db)
    {
        var app = await SharedApps.Get(db);

        var response = await app.NewClient().GetAsync("/inbox");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
