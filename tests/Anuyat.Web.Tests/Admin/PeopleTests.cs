using System.Net;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Accounts;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Admin;

/// <summary>The console's people pages: invitations, scope, deactivation, second-factor reset, and no self-elevation.</summary>
public sealed class PeopleTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Invite_NewOfficer_CreatesAnAccountWithoutPassword_AndQueuesTheLink(Db db)
    {
        var app = await SharedApps.Get(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var email = TestAccounts.NewEmail("invited");

        var response = await Invite(admin, email, "officer", "1003", "public-works");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (account, message, audit) = await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            var a = await context.Users.AsNoTracking().SingleAsync(u => u.Email == email);
            var m = await context.OutboxMessages.AsNoTracking().SingleAsync(o => o.ToAddress == email);
            var e = await context.AuditEvents.AsNoTracking().SingleAsync(x => x.SubjectId == a.Id.ToString() && x.Action == "account.invited");
            return (a, m, e);
        });
        Assert.Equal(Role.Officer, account.Role);
        Assert.Equal("1003", account.DistrictCode);
        Assert.Equal("public-works", account.SectionCode);
        Assert.Null(account.PasswordHash);
        Assert.Contains($"/invitation?id={account.Id:D}&token=", message.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(email, audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Invite_ExistingAddress_IsAFieldError_AndSendsNothing(Db db)
    {
        var app = await SharedApps.Get(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var existing = await TestAccounts.CreateAsync(app, Role.Officer, "1001", "public-works");

        var response = await Invite(admin, existing.Email!, "approver", "1001", "public-works");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("อีเมลนี้มีบัญชีอยู่แล้ว", AdminClients.FieldError(page, "Email"), StringComparison.Ordinal);
        var (role, sent) = await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            return ((await context.Users.SingleAsync(u => u.Id == existing.Id)).Role, await context.OutboxMessages.CountAsync(o => o.ToAddress == existing.Email));
        });
        Assert.Equal(Role.Officer, role);
        Assert.Equal(0, sent);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Invite_UnknownDistrictOrSection_AreFieldErrors(Db db)
    {
        var app = await SharedApps.Get(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var email = TestAccounts.NewEmail("nowhere");

        var response = await Invite(admin, email, "officer", "9999", "no-such-section");

        var page = await response.ReadPageAsync();
        Assert.Contains("ไม่มีเขตรหัส 9999", AdminClients.FieldError(page, "District"), StringComparison.Ordinal);
        Assert.Contains("ไม่มีฝ่ายรหัส no-such-section", AdminClients.FieldError(page, "Section"), StringComparison.Ordinal);
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Users.AnyAsync(u => u.Email == email)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Admin_CannotRaiseOrChangeTheirOwnRights_NorDeactivateThemselves(Db db)
    {
        var app = await SharedApps.Get(db);
        var (admin, me, _) = await AdminClients.StaffClientAsync(app, Role.Admin, "1001", "administration");
        var page = await admin.GetPageAsync($"/admin/people/{me.Id}");

        // A district admin asking to become city-wide (no district) is raising their own rights.
        var change = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Role"] = "admin", ["District"] = "", ["Section"] = "" }, "form[action$='/change']");
        var deactivate = await admin.SubmitAsync(page, new Dictionary<string, string>(), "form[action$='/deactivate']");

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("เปลี่ยนบทบาทหรือขอบเขตของตนเองไม่ได้", AdminClients.FieldError(await change.ReadPageAsync(), "Role"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.Contains("ปิดบัญชีของตนเองไม่ได้", (await deactivate.ReadPageAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var after = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == me.Id));
        Assert.Equal(("1001", "administration", true), (after.DistrictCode, after.SectionCode, after.IsActive));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task ChangeScope_ToAnUnknownDistrict_IsAFieldError_AndAValidOneIsSavedAndAudited(Db db)
    {
        var app = await SharedApps.Get(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var officer = await TestAccounts.CreateAsync(app, Role.Officer, "1001", "public-works");
        var page = await admin.GetPageAsync($"/admin/people/{officer.Id}");

        var bad = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Role"] = "officer", ["District"] = "1099", ["Section"] = "public-works" }, "form[action$='/change']");
        var good = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Role"] = "approver", ["District"] = "1003", ["Section"] = "public-works" }, "form[action$='/change']");

        Assert.Contains("ไม่มีเขตรหัส 1099", AdminClients.FieldError(await bad.ReadPageAsync(), "District"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var (account, audited) = await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            return (await context.Users.AsNoTracking().SingleAsync(u => u.Id == officer.Id),
                await context.AuditEvents.CountAsync(e => e.SubjectId == officer.Id.ToString() && e.Action == "account.scope-changed"));
        });
        Assert.Equal((Role.Approver, "1003"), (account.Role, account.DistrictCode));
        Assert.Equal(1, audited);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task ResetSecondFactor_NeedsAReason_ThenTurnsItOffWithTheReasonAudited(Db db)
    {
        var app = await SharedApps.Get(db);
        var (admin, _, _) = await AdminClients.StaffClientAsync(app);
        var (_, officer, _) = await AdminClients.StaffClientAsync(app, Role.Officer, "1001", "public-works");
        var page = await admin.GetPageAsync($"/admin/people/{officer.Id}");

        var withoutReason = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Reason"] = " " }, "form[action$='/resetsecondfactor']");
        var withReason = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Reason"] = "โทรศัพท์หาย ยืนยันตัวตนกับหัวหน้าฝ่ายแล้ว" }, "form[action$='/resetsecondfactor']");

        Assert.Contains("บอกเหตุผล", AdminClients.FieldError(await withoutReason.ReadPageAsync(), "Reason"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        var (account, details) = await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            return (await context.Users.AsNoTracking().SingleAsync(u => u.Id == officer.Id),
                await context.AuditEvents.Where(e => e.SubjectId == officer.Id.ToString() && e.Action == "account.second-factor-reset").Select(e => e.Details).SingleAsync());
        });
        Assert.False(account.TwoFactorEnabled);
        Assert.Contains("โทรศัพท์หาย", System.Text.Json.JsonDocument.Parse(details).RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Deactivate_EndsTheOpenSessionAtItsNextRequest_AndRevokesApiTokens(Db db)
    {
        await using var app = await AnuyatApp.StartAsync(db, settings: new Dictionary<string, string?> { ["Accounts:SessionCheckInterval"] = "00:00:00" });
        var (admin, _) = await AdminClients.EnrolledStaffClientAsync(app, Role.Admin, null, null);
        var (officerSession, officer) = await AdminClients.EnrolledStaffClientAsync(app, Role.Officer, "1003", "public-works");
        var token = await TestAccounts.TokenAsync(app, officer);
        Assert.Equal(HttpStatusCode.OK, (await officerSession.GetAsync("/office/queue")).StatusCode);

        var page = await admin.GetPageAsync($"/admin/people/{officer.Id}");
        var deactivated = await admin.SubmitAsync(page, new Dictionary<string, string>(), "form[action$='/deactivate']");

        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        var next = await officerSession.GetAsync("/office/queue");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/account/sign-in", next.LocationPath(), StringComparison.Ordinal);
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        var again = await SignInTests.SignInAsync(app.NewClient(), officer.Email!, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // refused like a wrong password
        var revoked = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().ApiTokens.AsNoTracking().Where(t => t.AccountId == officer.Id).Select(t => t.RevokedAt).SingleAsync());
        Assert.NotNull(revoked);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task AdminPages_AreClosedToOfficers(Db db)
    {
        var app = await SharedApps.Get(db);
        var (officer, _, _) = await AdminClients.StaffClientAsync(app, Role.Officer, "1001", "public-works");

        var response = await officer.GetAsync("/admin/people");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.LocationPath(), StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> Invite(HttpClient admin, string email, string role, string district, string section)
    {
        var page = await admin.GetPageAsync("/admin/people");
        return await admin.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Email"] = email,
            ["DisplayName"] = "สมชาย ทดสอบ",
            ["Role"] = role,
            ["District"] = district,
            ["Section"] = section,
        }, "form[action$='/invite']");
    }
}
