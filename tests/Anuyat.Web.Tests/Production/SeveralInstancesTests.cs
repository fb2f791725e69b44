using System.Globalization;
using System.Net;
using Anuyat.Infrastructure.Notifications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace Anuyat.Web.Tests.Production;

/// <summary>Two app processes on different ports against one PostgreSQL database serve the same people.</summary>
public sealed class SeveralInstancesTests
{
    [Fact]
    public async Task TwoProcesses_OnePostgres_SessionFromOneWorksOnTheOtherAndEachOutboxMessageIsSentOnce()
    {
        using var smtp = SimpleSmtpServer.Start(AppServer.FreePort());
        await using var seed = await AnuyatApp.StartAsync(Db.Postgres); // migrates a fresh database; sends no mail (no SMTP)
        var account = await TestAccounts.CreateAsync(seed);
        var a = await AppServer.StartAsync(Instance(seed, smtp));
        await using var aLifetime = a;
        var b = await AppServer.StartAsync(Instance(seed, smtp));
        await using var bLifetime = b;

        // A person signs in on instance A; the balancer sends their next requests to B.
        using var cookies = new SharedCookies();
        using var onA = new HttpClient(cookies, disposeHandler: false) { BaseAddress = a.Address };
        using var onB = new HttpClient(cookies, disposeHandler: false) { BaseAddress = b.Address };
        var signIn = await onA.SubmitAsync(await onA.GetPageAsync("/account/sign-in"), new Dictionary<string, string> { ["Email"] = account.Email!, ["Password"] = TestAccounts.Password });
        Assert.Equal((HttpStatusCode.Redirect, "/account"), (signIn.StatusCode, signIn.Headers.Location?.OriginalString));

        var accountOnB = await onB.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, accountOnB.StatusCode);
        Assert.Contains(account.Email!, await accountOnB.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form rendered by B (its anti-forgery token) is accepted when posted to A: signing out works across instances.
        var signOutForm = await onB.GetPageAsync("/account");
        var signOut = await onA.SubmitAsync(signOutForm, new Dictionary<string, string>(), "form[action$='sign-out']");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await onB.GetAsync("/account")).StatusCode);

        // Messages waiting in the shared outbox: both workers drain it, each message leaves once.
        const int count = 40;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = await seed.WithScopeAsync(async s =>
        {
            var outbox = s.GetRequiredService<Outbox>();
            var added = Enumerable.Range(0, count).Select(i => outbox.EnqueueEmail($"p{i}@test.anuyat", "th", $"{tag} {i:D2}", "body").Id).ToList();
            await s.GetRequiredService<AnuyatDbContext>().SaveChangesAsync();
            return added;
        });
        await WaitUntilAllSentAsync(seed, ids, a, b);

        var subjects = smtp.ReceivedEmail.Select(m => m.Headers["Subject"]).Where(s => s?.StartsWith(tag, StringComparison.Ordinal) == true).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"{tag} {i:D2}"), subjects);
        var attempts = await seed.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => m.Attempts).ToListAsync());
        Assert.All(attempts, n => Assert.Equal(1, n));
    }

    private static Dictionary<string, string?> Instance(AnuyatApp seed, SimpleSmtpServer smtp) => new()
    {
        ["ANUYAT_DATA"] = Directory.CreateTempSubdirectory("anuyat-instance-").FullName, // nothing on local disk is shared
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Anuyat"] = seed.ConnectionString,
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp__From"] = "office@test.anuyat",
        ["Notifications__PollInterval"] = "00:00:00.200",
        ["RateLimits__SignInPerMinute"] = "100000",
    };

    private static async Task WaitUntilAllSentAsync(AnuyatApp seed, List<Guid> ids, AppServer a, AppServer b)
    {
        // Waits for the two background workers; the limit only keeps a broken worker from hanging the run.
        for (var i = 0; i < 600; i++)
        {
            var pending = await seed.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().OutboxMessages.AsNoTracking().CountAsync(m => ids.Contains(m.Id) && m.SentAt == null));
            if (pending == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The outbox was not drained within 60 s. A: " + a.Output + "\nB: " + b.Output);
    }
}
