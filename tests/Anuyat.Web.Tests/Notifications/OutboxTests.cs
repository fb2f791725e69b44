using System.Net;
using System.Net.Sockets;
using Anuyat.Infrastructure.Notifications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;

namespace Anuyat.Web.Tests.Notifications;

/// <summary>Delivery through a real SMTP server (netDumbster) started by the test on a free local port.</summary>
public sealed class OutboxTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Worker_MessageEnqueuedInCommittedTransaction_IsDeliveredOnceWithSubjectAndRecipient(Db db)
    {
        using var smtp = SimpleSmtpServer.Start(FreePort());
        await using var app = await StartAppAsync(db, smtp);
        var subject = $"Committed {Guid.NewGuid():N}";
        var to = TestAccounts.NewEmail("citizen");

        var id = await app.WithScopeAsync(async s =>
        {
            var message = s.GetRequiredService<Outbox>().EnqueueEmail(to, "en", subject, "Your application was received.");
            await s.GetRequiredService<AnuyatDbContext>().SaveChangesAsync();
            return message.Id;
        });

        var sent = await WaitForSentAsync(app, id);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
        var received = smtp.ReceivedEmail.Where(m => m.Headers["Subject"] == subject).ToList();
        var only = Assert.Single(received);
        Assert.Equal(to, only.ToAddresses.Single().Address);
        Assert.Contains("Your application was received.", only.MessageParts[0].BodyData, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Worker_MessageEnqueuedInRolledBackTransaction_SendsNothing(Db db)
    {
        using var smtp = SimpleSmtpServer.Start(FreePort());
        await using var app = await StartAppAsync(db, smtp);
        var rolledBack = $"Rolled back {Guid.NewGuid():N}";
        await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            await context.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await context.Database.BeginTransactionAsync();
                s.GetRequiredService<Outbox>().EnqueueEmail("someone@test.anuyat", "th", rolledBack, "ไม่ควรถูกส่ง");
                await context.SaveChangesAsync();
                await transaction.RollbackAsync();
            });
            return 0;
        });

        // A message committed afterwards is delivered; by then the worker has had every chance to send the other one.
        var marker = await app.WithScopeAsync(async s =>
        {
            var message = s.GetRequiredService<Outbox>().EnqueueEmail("marker@test.anuyat", "th", "Marker", "marker");
            await s.GetRequiredService<AnuyatDbContext>().SaveChangesAsync();
            return message.Id;
        });
        await WaitForSentAsync(app, marker);

        Assert.DoesNotContain(smtp.ReceivedEmail, m => m.Headers["Subject"] == rolledBack);
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().OutboxMessages.AnyAsync(m => m.Subject == rolledBack)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Processors_TwoClaimersOnOneDatabaseAtOnce_DeliverEachMessageExactlyOnce(Db db)
    {
        using var smtp = SimpleSmtpServer.Start(FreePort());
        await using var database = await IsolatedDatabase.CreateAsync(db);
        const int count = 40;
        await using (var context = database.NewContext())
        {
            var outbox = new Outbox(context, TimeProvider.System);
            for (var i = 0; i < count; i++)
            {
                outbox.EnqueueEmail($"person{i}@test.anuyat", "th", $"Message {i:D3}", "body");
            }

            await context.SaveChangesAsync();
        }

        var options = new OutboxOptions { BatchSize = 3 };
        var sender = new SmtpEmailSender(new SmtpSettings("127.0.0.1", smtp.Configuration.Port, "office@test.anuyat", null, null));
        var workers = Enumerable.Range(0, 2)
            .Select(_ => new OutboxProcessor(database.Services.GetRequiredService<IServiceScopeFactory>(), sender, TimeProvider.System, options, NullLogger<OutboxProcessor>.Instance))
            .ToList();
        var claimedBy = new int[2];

        await Task.WhenAll(workers.Select((worker, index) => Task.Run(async () =>
        {
            int claimed;
            while ((claimed = await worker.RunOnceAsync(CancellationToken.None)) > 0)
            {
                claimedBy[index] += claimed;
            }
        })));

        var subjects = smtp.ReceivedEmail.Select(m => m.Headers["Subject"]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"Message {i:D3}"), subjects);
        Assert.Equal(count, claimedBy.Sum());
        await using var check = database.NewContext();
        Assert.Equal(count, await check.OutboxMessages.CountAsync(m => m.SentAt != null && m.Attempts == 1 && m.LockedBy == null));
    }

    [Fact]
    public async Task Worker_TwoAppInstancesOnOnePostgresDatabase_SendEachMessageOnce()
    {
        using var smtp = SimpleSmtpServer.Start(FreePort());
        await using var first = await StartAppAsync(Db.Postgres, smtp);
        await using var second = await StartAppAsync(Db.Postgres, smtp, first.ConnectionString);
        const int count = 30;
        var tag = Guid.NewGuid().ToString("N")[..8];

        // Half the messages are written through each instance; both workers drain the one table.
        var ids = new List<Guid>();
        foreach (var (app, index) in Enumerable.Range(0, count).Select(i => (i % 2 == 0 ? first : second, i)))
        {
            ids.Add(await app.WithScopeAsync(async s =>
            {
                var message = s.GetRequiredService<Outbox>().EnqueueEmail($"p{index}@test.anuyat", "th", $"{tag} {index:D2}", "body");
                await s.GetRequiredService<AnuyatDbContext>().SaveChangesAsync();
                return message.Id;
            }));
        }

        foreach (var id in ids)
        {
            await WaitForSentAsync(first, id);
        }

        var subjects = smtp.ReceivedEmail.Select(m => m.Headers["Subject"]).Where(s => s?.StartsWith(tag, StringComparison.Ordinal) == true).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"{tag} {i:D2}"), subjects);
        var attempts = await first.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => m.Attempts).ToListAsync());
        Assert.All(attempts, a => Assert.Equal(1, a));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Processor_SmtpDown_KeepsMessageAndRetriesAfterBackoff(Db db)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        await using var database = await IsolatedDatabase.CreateAsync(db, clock);
        Guid id;
        await using (var context = database.NewContext())
        {
            id = new Outbox(context, clock).EnqueueEmail("citizen@test.anuyat", "th", "Retry me", "body").Id;
            await context.SaveChangesAsync();
        }

        var options = new OutboxOptions { FirstBackoff = TimeSpan.FromSeconds(30) };
        var scopes = database.Services.GetRequiredService<IServiceScopeFactory>();
        var down = new OutboxProcessor(scopes, new SmtpEmailSender(new SmtpSettings("127.0.0.1", FreePort(), "office@test.anuyat", null, null)), clock, options, NullLogger<OutboxProcessor>.Instance);

        Assert.Equal(1, await down.RunOnceAsync(CancellationToken.None));

        var failed = await ReadAsync(database, id);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(30), failed.NextAttemptAt);
        Assert.Contains("unavailable", failed.LastError, StringComparison.Ordinal);
        Assert.Null(failed.LockedUntil);

        using var smtp = SimpleSmtpServer.Start(FreePort());
        var up = new OutboxProcessor(scopes, new SmtpEmailSender(new SmtpSettings("127.0.0.1", smtp.Configuration.Port, "office@test.anuyat", null, null)), clock, options, NullLogger<OutboxProcessor>.Instance);
        Assert.Equal(0, await up.RunOnceAsync(CancellationToken.None)); // not due yet: backoff is respected
        Assert.Equal(0, smtp.ReceivedEmailCount);

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await up.RunOnceAsync(CancellationToken.None));

        var sent = await ReadAsync(database, id);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal("Retry me", Assert.Single(smtp.ReceivedEmail).Headers["Subject"]);
        Assert.Equal(0, await up.RunOnceAsync(CancellationToken.None)); // sent once, never again
    }

    [Fact]
    public async Task Processor_MalformedAddress_FailsThatMessageOnlyAndSendsTheRest()
    {
        using var smtp = SimpleSmtpServer.Start(FreePort());
        await using var database = await IsolatedDatabase.CreateAsync(Db.Sqlite);
        Guid bad;
        await using (var context = database.NewContext())
        {
            var outbox = new Outbox(context, TimeProvider.System);
            bad = outbox.EnqueueEmail("not an address", "th", "Bad", "body").Id;
            outbox.EnqueueEmail("good@test.anuyat", "th", "Good", "body");
            await context.SaveChangesAsync();
        }

        var processor = new OutboxProcessor(
            database.Services.GetRequiredService<IServiceScopeFactory>(),
            new SmtpEmailSender(new SmtpSettings("127.0.0.1", smtp.Configuration.Port, "office@test.anuyat", null, null)),
            TimeProvider.System,
            new OutboxOptions(),
            NullLogger<OutboxProcessor>.Instance);

        Assert.Equal(2, await processor.RunOnceAsync(CancellationToken.None));

        Assert.Equal("Good", Assert.Single(smtp.ReceivedEmail).Headers["Subject"]);
        var failed = await ReadAsync(database, bad);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Processor_WorkerDiedHoldingLease_MessageIsTakenAgainAfterLeaseEnds(Db db)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        await using var database = await IsolatedDatabase.CreateAsync(db, clock);
        Guid id;
        await using (var context = database.NewContext())
        {
            var message = new Outbox(context, clock).EnqueueEmail("citizen@test.anuyat", "en", "Leased", "body");
            message.LockedBy = "dead-worker/1";
            message.LockedUntil = clock.GetUtcNow().UtcDateTime.AddMinutes(5);
            id = message.Id;
            await context.SaveChangesAsync();
        }

        using var smtp = SimpleSmtpServer.Start(FreePort());
        var processor = new OutboxProcessor(
            database.Services.GetRequiredService<IServiceScopeFactory>(),
            new SmtpEmailSender(new SmtpSettings("127.0.0.1", smtp.Configuration.Port, "office@test.anuyat", null, null)),
            clock,
            new OutboxOptions(),
            NullLogger<OutboxProcessor>.Instance);

        Assert.Equal(0, await processor.RunOnceAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await processor.RunOnceAsync(CancellationToken.None));

        Assert.NotNull((await ReadAsync(database, id)).SentAt);
        Assert.Equal(1, smtp.ReceivedEmailCount);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Worker_NoSmtpConfigured_MessageStaysPending(Db db)
    {
        var app = await SharedApps.Get(db);

        var id = await app.WithScopeAsync(async s =>
        {
            var message = s.GetRequiredService<Outbox>().EnqueueEmail("citizen@test.anuyat", "th", "Pending", "body");
            await s.GetRequiredService<AnuyatDbContext>().SaveChangesAsync();
            return message.Id;
        });

        var stored = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Null(stored.SentAt);
        Assert.Equal(0, stored.Attempts);
        Assert.IsType<UnconfiguredEmailSender>(app.Services.GetRequiredService<IEmailSender>());
    }

    private static async Task<AnuyatApp> StartAppAsync(Db db, SimpleSmtpServer smtp, string? sharedDatabase = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "office@test.anuyat",
            ["Notifications:PollInterval"] = "00:00:00.200",
        };
        if (sharedDatabase is not null)
        {
            settings["ConnectionStrings:Anuyat"] = sharedDatabase;
        }

        return await AnuyatApp.StartAsync(db, settings: settings);
    }

    private static async Task<OutboxMessage> WaitForSentAsync(AnuyatApp app, Guid id)
    {
        // Waits for the background worker; the limit only keeps a broken worker from hanging the run.
        for (var i = 0; i < 300; i++)
        {
            var message = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
            if (message.SentAt is not null)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Outbox message {id} was not sent within 30 s.");
    }

    private static async Task<OutboxMessage> ReadAsync(IsolatedDatabase database, Guid id)
    {
        await using var context = database.NewContext();
        return await context.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
