using System.Net;
using System.Text.Json;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Notifications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Anuyat.Infrastructure.Privacy;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Anuyat.Web.Tests.Privacy;

/// <summary>PDPA B.E. 2562: notice, access and portability, retention, and personal data kept out of logs.</summary>
public sealed class PrivacyTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task MyData_SignedInCitizen_GetsTheirAccountProfileAndInboxAsJson_AndNobodyElses(Db db)
    {
        var app = await SharedApps.Get(db);
        var citizen = await TestAccounts.CreateAsync(app);
        var other = await TestAccounts.CreateAsync(app);
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<Account>>();
            var account = (await users.FindByIdAsync(citizen.Id.ToString()))!;
            account.Profile = new ApplicantProfile { NationalId = "3101200145678", FirstName = "สมศรี", LastName = "รักไทย", Source = "self" };
            await users.UpdateAsync(account);
            var outbox = s.GetRequiredService<Outbox>();
            outbox.AddToInbox(citizen.Id, new("ข้อความของฉัน", "My message"), new("เนื้อหา", "Body"));
            outbox.AddToInbox(other.Id, new("ของคนอื่น", "Someone else's"), new("ลับ", "Secret"));
            await s.GetRequiredService<AnuyatDbContext>().SaveChangesAsync();
            return 0;
        });
        var client = app.NewClient();
        await Accounts.SignInTests.SignInAsync(client, citizen.Email!, TestAccounts.Password);

        var response = await client.GetAsync("/account/my-data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("anuyat-my-data-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("anuyat-my-data/1", root.GetProperty("format").GetString());
        Assert.Equal(citizen.Email, root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("3101200145678", root.GetProperty("profile").GetProperty("nationalId").GetString());
        Assert.Equal("สมศรี", root.GetProperty("profile").GetProperty("firstName").GetString());
        var inbox = root.GetProperty("inbox").EnumerateArray().Select(m => m.GetProperty("titleEn").GetString()).ToList();
        Assert.Equal(["My message"], inbox);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("applications").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("documents").ValueKind);
        Assert.DoesNotContain("Secret", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task MyData_Officer_GetsTheirOfficeAndTheActionsRecordedUnderTheirName(Db db)
    {
        var app = await SharedApps.Get(db);
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (officer, officerAccount) = await TestAccounts.ApiClientAsync(app, Anuyat.Domain.Accounts.Role.Officer, "1001", "public-works");
        var id = await Office.CaseworkTests.SubmittedAsync(citizen);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/applications/{id}/accept", null)).StatusCode);

        var response = await officer.GetAsync("/account/my-data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var account = json.RootElement.GetProperty("account");
        Assert.Equal(officerAccount.Id, account.GetProperty("id").GetGuid());
        Assert.Equal("officer", account.GetProperty("role").GetString());
        Assert.Equal("1001", account.GetProperty("office").GetProperty("district").GetString());
        Assert.Equal("public-works", account.GetProperty("office").GetProperty("section").GetString());
        var actions = json.RootElement.GetProperty("actionsRecorded").EnumerateArray().ToList();
        Assert.Contains(actions, a => a.GetProperty("subjectId").GetString() == id.ToString());
    }

    [Fact]
    public async Task MyData_Anonymous_IsSentToSignIn()
    {
        var app = await SharedApps.Get(Db.Sqlite);

        var response = await app.NewClient().GetAsync("/account/my-data");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.LocationPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivacyNotice_ShowsBasisRetentionRightsAndTheUnconfirmedContact()
    {
        var app = await SharedApps.Get(Db.Sqlite);

        var page = await app.NewClient().GetPageAsync("/privacy");

        var text = page.Body!.TextContent;
        Assert.Contains("มาตรา 24(4)", text, StringComparison.Ordinal);
        Assert.Contains("outbox-messages", text, StringComparison.Ordinal);
        Assert.Contains("90 วัน", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/account/my-data']"));
        Assert.Contains("ยังไม่ได้รับการยืนยัน", page.QuerySelector("#contact-unconfirmed")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ShowsThePrivacyNoticeAtThePointOfCollection()
    {
        var app = await SharedApps.Get(Db.Sqlite);

        var page = await app.NewClient().GetPageAsync("/account/register");

        Assert.NotNull(page.QuerySelector(".privacy-notice a[href='/privacy']"));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task RetentionPurge_DeletesOnlyRecordsPastTheirPeriod(Db db)
    {
        var app = await SharedApps.Get(db);
        var citizen = await TestAccounts.CreateAsync(app);
        var now = DateTime.UtcNow;
        var (oldInbox, newInbox, oldSent, oldUnsent, oldUpload) = await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            InboxMessage Inbox(int daysAgo) => new() { Id = Guid.NewGuid(), RecipientAccountId = citizen.Id, TitleTh = "t", TitleEn = "t", BodyTh = "b", BodyEn = "b", CreatedAt = now.AddDays(-daysAgo) };
            OutboxMessage Mail(bool sent) => new() { Id = Guid.NewGuid(), ToAddress = citizen.Email!, Subject = "s", BodyText = "b", CreatedAt = now.AddDays(-100), NextAttemptAt = now.AddDays(-100), SentAt = sent ? now.AddDays(-100) : null };
            var oi = Inbox(800);
            var ni = Inbox(10);
            var os = Mail(sent: true);
            var ou = Mail(sent: false);
            var up = new UploadedFile { Id = Guid.NewGuid(), AccountId = citizen.Id, Sha256 = new string('a', 64), Bytes = 1, ContentType = "application/pdf", OriginalName = "old.pdf", UploadedAt = now.AddDays(-40) };
            context.AddRange(oi, ni, os, ou, up);
            await context.SaveChangesAsync();
            return (oi.Id, ni.Id, os.Id, ou.Id, up.Id);
        });

        await app.WithScopeAsync(s => s.GetRequiredService<RetentionPurge>().RunAsync(CancellationToken.None));

        var left = await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            return (
                OldInbox: await context.InboxMessages.AnyAsync(m => m.Id == oldInbox),
                NewInbox: await context.InboxMessages.AnyAsync(m => m.Id == newInbox),
                OldSent: await context.OutboxMessages.AnyAsync(m => m.Id == oldSent),
                OldUnsent: await context.OutboxMessages.AnyAsync(m => m.Id == oldUnsent),
                OldUpload: await context.UploadedFiles.AnyAsync(u => u.Id == oldUpload));
        });
        Assert.Equal((false, true, false, true, false), left);
    }

    [Fact]
    public void RetentionFile_UnknownRecordType_StopsTheStartNamingIt()
    {
        var folder = Directory.CreateTempSubdirectory("anuyat-retention-").FullName;
        File.WriteAllText(Path.Combine(folder, "retention.json"), """{ "confirmed": false, "rules": [ { "record": "aplications", "keepDays": 10, "why": "typo" } ] }""");

        var e = Assert.Throws<StartupException>(() => PrivacyFiles.ReadRetention(folder));

        Assert.Contains("aplications", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("citizen 3101200145678 signed", "citizen [national-id] signed")]
    [InlineData("id 3-1012-00145-67-8 typed", "id [national-id] typed")]
    [InlineData("mail somsri.r+permits@example.co.th now", "mail [email] now")]
    [InlineData("call 081-234-5678 or 02 123 4567 or +66 81 234 5678", "call [phone] or [phone] or [phone]")]
    [InlineData("application 0195f3c2-8a4b-7c1d-9e2f-3a4b5c6d7e8f reference BKK-1001-2569-000123", "application 0195f3c2-8a4b-7c1d-9e2f-3a4b5c6d7e8f reference BKK-1001-2569-000123")]
    public void Redactor_MasksPersonalDataButNotIds(string input, string expected)
    {
        Assert.Equal(expected, PersonalDataRedactor.Redact(input));
    }

    [Fact]
    public void RedactingLogger_MasksTheMessageAndTheStructuredValues()
    {
        var sink = new CapturingProvider();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerProvider>(sink);
        services.AddPersonalDataRedaction();
        services.AddLogging();
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("test");

        logger.LogWarning("Sign-in for {Email} with ID {NationalId} account {AccountId}", "somsri@example.test", "3101200145678", Guid.Empty);

        var (message, values) = Assert.Single(sink.Entries);
        Assert.Equal("Sign-in for [email] with ID [national-id] account 00000000-0000-0000-0000-000000000000", message);
        Assert.Equal("[email]", values["Email"]);
        Assert.Equal("[national-id]", values["NationalId"]);
        Assert.Equal(Guid.Empty, values["AccountId"]);
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public List<(string Message, Dictionary<string, object?> Values)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Add((formatter(state, exception), ((IEnumerable<KeyValuePair<string, object?>>)state!).ToDictionary(p => p.Key, p => p.Value)));
        }
    }
}
