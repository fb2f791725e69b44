using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Notifications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Tests.Admin;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using netDumbster.smtp;

namespace Anuyat.Browser.Tests;

/// <summary>
/// Issue 10's "done when": an admin invites a Nong Chok (1003) Public Works officer who accepts by the e-mailed link,
/// enrols a second factor and sees only Nong Chok's queue, until the admin deactivates them; and in the training
/// sandbox an officer issues a deficiency record and an approver a decision while the real database stays as it was.
/// </summary>
public sealed partial class AdminConsoleTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task InvitedNongChokOfficer_SignsInWithSecondFactor_SeesOnlyNongChok_ThenDeactivationEndsTheSession()
    {
        using var smtp = SimpleSmtpServer.Start(AnuyatApp.FreePort());
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, kestrel: true, settings: new Dictionary<string, string?>(Smtp(smtp))
        {
            // Every request re-reads the account, so a deactivation ends the session at the next page.
            ["Accounts:SessionCheckInterval"] = "00:00:00",
        });
        var citizen = await TestAccounts.CreateAsync(app);
        var nongChok = await app.WithScopeAsync(s => TestFiles.CreateSubmittedAsync(s, citizen.Id, "ทดสอบ", "1003", 0, TimeSpan.FromHours(3), CancellationToken.None));
        var phraNakhon = await app.WithScopeAsync(s => TestFiles.CreateSubmittedAsync(s, citizen.Id, "ทดสอบ", "1001", 1, TimeSpan.FromHours(2), CancellationToken.None));
        var admin = await TestAccounts.CreateAsync(app, Role.Admin);
        var email = TestAccounts.NewEmail("nongchok-officer");

        // The admin invites the officer.
        var desk = await browser.NewPageAsync(app.ServerAddress!, phone: false);
        desk.SetDefaultTimeout(120_000);
        await SignInEnrolledAsync(desk, app, admin);
        await desk.GotoAsync("/admin/people");
        await desk.FillAsync("#Email", email);
        await desk.FillAsync("#DisplayName", "สมศรี หนองจอก");
        await desk.SelectOptionAsync("#Role", "officer");
        await desk.SelectOptionAsync("#District", "1003");
        await desk.SelectOptionAsync("#Section", "public-works");
        await desk.ClickAsync("h2#invite + form button[type=submit]");
        Assert.Contains(email, await desk.TextContentAsync("main [role=status]"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(desk, "admin-people-invited-th-1280");

        // The invitation arrives through real SMTP; its link sets a password and leads to the authenticator.
        var link = await InvitationLinkAsync(smtp, email);
        var officer = await browser.NewPageAsync(app.ServerAddress!);
        officer.SetDefaultTimeout(120_000);
        await officer.GotoAsync(link.PathAndQuery);
        await officer.FillAsync("#Password", "nong-chok-2569-secret");
        await officer.ClickAsync("main button[type=submit]");
        Assert.EndsWith("/account/authenticator", new Uri(officer.Url).AbsolutePath, StringComparison.Ordinal);
        var key = (await officer.TextContentAsync("#authenticator-key"))!;
        await officer.FillAsync("#Code", Totp.Code(key, DateTimeOffset.UtcNow));
        await officer.ClickAsync("main button[type=submit]");

        // Enrolling renews the account's security stamp, which this app checks at every request: the officer signs
        // in again, now with password and the authenticator's code.
        await officer.Context.ClearCookiesAsync();
        await officer.GotoAsync("/account/sign-in");
        await officer.FillAsync("#Email", email);
        await officer.FillAsync("#Password", "nong-chok-2569-secret");
        await officer.ClickAsync("main button[type=submit]");
        Assert.StartsWith("/account/two-factor", new Uri(officer.Url).AbsolutePath, StringComparison.Ordinal);
        await officer.FillAsync("#Code", Totp.Code(key, DateTimeOffset.UtcNow));
        await officer.ClickAsync("main button[type=submit]");

        // Only Nong Chok's queue.
        await officer.GotoAsync("/office/queue");
        var queue = await officer.TextContentAsync("main");
        Assert.Contains(nongChok.Reference, queue, StringComparison.Ordinal);
        Assert.DoesNotContain(phraNakhon.Reference, queue, StringComparison.Ordinal);
        await officer.GotoAsync($"/office/applications/{phraNakhon.Id}");
        Assert.DoesNotContain(phraNakhon.Reference, await officer.TextContentAsync("main"), StringComparison.Ordinal);
        await officer.GotoAsync("/office/queue");
        await Browser.ScreenshotAsync(officer, "admin-invited-officer-queue-th-360");

        // The admin deactivates them; the officer's open session ends at the next page.
        var id = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await desk.GotoAsync($"/admin/people/{id}");
        await Browser.ScreenshotAsync(desk, "admin-person-th-1280");
        await desk.ClickAsync("form[action$='/deactivate' i] button[type=submit]");
        await officer.GotoAsync("/office/queue");
        Assert.StartsWith("/account/sign-in", new Uri(officer.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain(nongChok.Reference, await officer.TextContentAsync("main"), StringComparison.Ordinal);
        var deactivated = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.False(deactivated.IsActive);
    }

    [Fact]
    public async Task Sandbox_OfficerIssuesADeficiencyRecord_ApproverDecides_TheRealDatabaseIsUnchangedAndNoMailIsSent()
    {
        using var smtp = SimpleSmtpServer.Start(AnuyatApp.FreePort());

        // Both apps are given the same real SMTP server: the sandbox must not use it.
        await using var sandbox = await SandboxApps.StartAsync(Db.Sqlite, applications: 200, extra: Smtp(smtp), kestrel: true);
        await using var real = await AnuyatApp.StartAsync(Db.Sqlite, kestrel: true, settings: new Dictionary<string, string?>(Smtp(smtp))
        {
            ["Sandbox:Url"] = sandbox.ServerAddress!.ToString(),
        });
        var citizen = await TestAccounts.CreateAsync(real);
        await real.WithScopeAsync(s => TestFiles.CreateSubmittedAsync(s, citizen.Id, "ทดสอบ", "1003", 0, TimeSpan.FromHours(3), CancellationToken.None));
        var admin = await TestAccounts.CreateAsync(real, Role.Admin);
        var desk = await browser.NewPageAsync(real.ServerAddress!, phone: false);
        desk.SetDefaultTimeout(120_000);
        await SignInWithSecondFactorAsync(desk, admin.Email!, TestAccounts.Password);
        var before = await SnapshotAsync(real);
        Assert.True(before.Audit.Ok);
        Assert.True(before.Applications > 0 && before.Audit.Count > 0);

        // From the real console to the sandbox, which says on every page what it is.
        await desk.GotoAsync("/admin/sandbox");
        await desk.ClickAsync("#sandbox-link");
        Assert.StartsWith(sandbox.ServerAddress!.ToString(), desk.Url, StringComparison.Ordinal);
        Assert.True(await desk.Locator(".sandbox-banner").IsVisibleAsync());

        // A district and section of the generated files with two sent files waiting for the completeness check; the
        // tour names the one with the soonest legal deadline.
        var (deficient, decided, district, section) = await sandbox.WithScopeAsync(async s =>
        {
            var files = await s.GetRequiredService<AnuyatDbContext>().Applications.AsNoTracking()
                .Where(a => a.Status == ApplicationStatus.Submitted)
                .Select(a => new { a.Id, a.Reference, a.DistrictCode, a.SectionCode, a.LegalDeadline }).ToListAsync();
            var group = files.GroupBy(f => (f.DistrictCode, f.SectionCode)).OrderBy(g => g.Key.SectionCode == "public-works" ? 0 : 1).ThenBy(g => g.Key.DistrictCode, StringComparer.Ordinal).First(g => g.Count() >= 2);
            var two = group.OrderBy(f => f.LegalDeadline).ThenBy(f => f.Reference, StringComparer.Ordinal).Take(2).ToList();
            return (two[0].Id, two[1].Id, group.Key.DistrictCode, group.Key.SectionCode);
        });

        // The demo officer practises: a deficiency record on one file, accept and recommend on another.
        var officer = await browser.NewPageAsync(sandbox.ServerAddress!, phone: false);
        officer.SetDefaultTimeout(120_000);
        await SignInWithSecondFactorAsync(officer, DemoAccounts.StaffEmail(Role.Officer, district, section), DemoAccounts.Password);
        await officer.GotoAsync("/sandbox/tour");
        await officer.ClickAsync("#tour-file");
        Assert.EndsWith($"/office/applications/{deficient}", new Uri(officer.Url).AbsolutePath, StringComparison.Ordinal);
        await officer.CheckAsync("#items input[type=checkbox] >> nth=0");
        await officer.FillAsync("#note", "แบบแปลนยังไม่มีลายมือชื่อสถาปนิก (ฝึกหัด)");
        await officer.FillAsync("#dueDate", Iso(Today().AddDays(15)));
        await officer.ClickAsync("form[action$='/deficiency' i] button[type=submit]");
        Assert.Equal("เจ้าหน้าที่ขอเอกสารหรือข้อมูลเพิ่ม", (await officer.TextContentAsync("main p .tag"))?.Trim());
        await Browser.ScreenshotAsync(officer, "admin-sandbox-deficiency-th-1280");

        await officer.GotoAsync($"/office/applications/{decided}");
        await officer.ClickAsync("form[action$='/accept' i] button");
        await officer.CheckAsync("#rec-approve");
        await officer.FillAsync("#rec-note", "เอกสารครบถ้วน (ฝึกหัด)");
        await officer.ClickAsync("form[action$='/recommend' i] button");

        // The demo approver of the same section decides.
        var approver = await browser.NewPageAsync(sandbox.ServerAddress!, phone: false);
        approver.SetDefaultTimeout(120_000);
        await SignInWithSecondFactorAsync(approver, DemoAccounts.StaffEmail(Role.Approver, district, section), DemoAccounts.Password);
        await approver.GotoAsync($"/office/applications/{decided}");
        await approver.CheckAsync("#dec-approved");
        await approver.ClickAsync("form[action$='/decide' i] button");
        var decidedTag = (await approver.TextContentAsync("main p .tag"))?.Trim();
        Assert.Contains(decidedTag, new[] { ApplicationStatus.AwaitingPayment.Describe().Th, ApplicationStatus.Issued.Describe().Th });

        var (statuses, queued) = await sandbox.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            var st = await context.Applications.AsNoTracking().Where(a => a.Id == deficient || a.Id == decided).ToDictionaryAsync(a => a.Id, a => a.Status);
            return (st, await context.OutboxMessages.AsNoTracking().CountAsync(m => m.SentAt == null));
        });
        Assert.Equal(ApplicationStatus.Deficient, statuses[deficient]);
        Assert.Contains(statuses[decided], new[] { ApplicationStatus.AwaitingPayment, ApplicationStatus.Issued, ApplicationStatus.Decided });

        // The applicant's notices were written in the sandbox's own outbox, and its sender is the one that sends nothing.
        Assert.True(queued > 0);
        Assert.IsType<UnconfiguredEmailSender>(sandbox.Services.GetRequiredService<IEmailSender>());
        Assert.Equal(0, smtp.ReceivedEmailCount);

        var after = await SnapshotAsync(real);
        Assert.Equal(before, after);
    }

    private sealed record Snapshot(int Applications, int Accounts, int Outbox, long LastSequence, string? LastHash, AuditVerification Audit);

    private static Task<Snapshot> SnapshotAsync(AnuyatApp app) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<AnuyatDbContext>();
        var last = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstAsync();
        return new Snapshot(await db.Applications.CountAsync(), await db.Users.CountAsync(), await db.OutboxMessages.CountAsync(), last.Sequence, last.Hash, await AuditVerifier.VerifyAsync(db));
    });

    private static Dictionary<string, string?> Smtp(SimpleSmtpServer smtp) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:From"] = "office@test.anuyat",
        ["Notifications:PollInterval"] = "00:00:00.200",
    };

    /// <summary>Waits for the outbox worker to deliver the invitation; the limit only keeps a broken worker from hanging the run.</summary>
    private static async Task<Uri> InvitationLinkAsync(SimpleSmtpServer smtp, string email)
    {
        for (var i = 0; i < 600; i++)
        {
            var message = smtp.ReceivedEmail.FirstOrDefault(m => m.ToAddresses.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)));
            if (message is not null)
            {
                using var raw = new MemoryStream(Encoding.UTF8.GetBytes(message.Data));
                var text = (await MimeKit.MimeMessage.LoadAsync(raw)).TextBody ?? string.Empty;
                return new Uri(InvitationLink().Match(text).Value);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No invitation reached {email} within 60 s.");
    }

    [GeneratedRegex(@"https?://\S+/invitation\?id=[^\s]+")]
    private static partial Regex InvitationLink();

    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok")));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Staff whose authenticator is already enrolled (key set through Identity) sign in with password and code.</summary>
    private static async Task SignInEnrolledAsync(IPage page, AnuyatApp app, Account account)
    {
        var key = await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<Account>>();
            var a = (await users.FindByIdAsync(account.Id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(a);
            await users.SetTwoFactorEnabledAsync(a, true);
            return (await users.GetAuthenticatorKeyAsync(a))!;
        });
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", account.Email!);
        await page.FillAsync("#Password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.FillAsync("#Code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("main button[type=submit]");
    }

    /// <summary>Signs in with the password, then enrols an authenticator (staff pages need a proved second factor).</summary>
    internal static async Task SignInWithSecondFactorAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.GotoAsync("/account/authenticator");
        var key = (await page.TextContentAsync("#authenticator-key"))!;
        await page.FillAsync("#Code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("main button[type=submit]");
    }
}
