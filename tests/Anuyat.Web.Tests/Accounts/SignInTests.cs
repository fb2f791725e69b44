using System.Net;
using System.Text.RegularExpressions;
using Anuyat.Web.Tests.Infrastructure;

namespace Anuyat.Web.Tests.Accounts;

public sealed partial class SignInTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task SignIn_WrongPasswordAndUnknownEmail_GiveTheSameMessage(Db db)
    {
        var app = await SharedApps.Get(db);
        var account = await TestAccounts.CreateAsync(app);
        var client = app.NewClient();

        var wrongPassword = await SignInAsync(client, account.Email!, "not-the-password");
        var unknownEmail = await SignInAsync(client, TestAccounts.NewEmail("nobody"), TestAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        var first = ErrorSummary(await wrongPassword.Content.ReadAsStringAsync());
        var second = ErrorSummary(await unknownEmail.Content.ReadAsStringAsync());
        Assert.Equal("อีเมลหรือรหัสผ่านไม่ถูกต้อง", first);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task SignIn_WithRightPassword_RedirectsToAccountPage(Db db)
    {
        var app = await SharedApps.Get(db);
        var account = await TestAccounts.CreateAsync(app);
        var client = app.NewClient();

        var response = await SignInAsync(client, account.Email!, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.Headers.Location?.OriginalString);
        var page = await client.GetStringAsync("/account");
        Assert.Contains(account.Email!, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightOne(Db db)
    {
        var app = await SharedApps.Get(db);
        var account = await TestAccounts.CreateAsync(app);
        var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(client, account.Email!, "wrong-password-" + i);
        }

        var response = await SignInAsync(client, account.Email!, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ระงับชั่วคราว 15 นาที", ErrorSummary(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_OverTheRateLimit_Returns429()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, settings: new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        var client = app.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync("/account/sign-in")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Register_WithShortPasswordAndBadEmail_KeepsWhatWasTypedAndNamesEachField(Db db)
    {
        var app = await SharedApps.Get(db);
        var client = app.NewClient();
        var page = await client.GetPageAsync("/account/register");

        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["DisplayName"] = "สมหญิง ใจดี", ["Email"] = "not-an-email", ["Password"] = "short" });

        var html = await response.ReadPageAsync();
        Assert.Equal("สมหญิง ใจดี", html.QuerySelector("#DisplayName")!.GetAttribute("value"));
        Assert.Equal("not-an-email", html.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.NotNull(html.QuerySelector("#Email-error"));
        Assert.NotNull(html.QuerySelector("#Password-error"));
        Assert.Null(html.QuerySelector("#DisplayName-error"));
        Assert.Equal(2, html.QuerySelectorAll(".error-summary li").Length);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Register_NewCitizen_SignsInAsCitizen(Db db)
    {
        var app = await SharedApps.Get(db);
        var client = app.NewClient();
        var email = TestAccounts.NewEmail("new");
        var page = await client.GetPageAsync("/account/register");

        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["DisplayName"] = "สมชาย ใจดี", ["Email"] = email, ["Password"] = "ten-or-more-chars" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var account = await client.GetStringAsync("/account");
        Assert.Contains("ผู้ยื่นคำขอ", account, StringComparison.Ordinal);
        Assert.Contains(email, account, StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/account/sign-in");
        return await client.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
    }

    private static string ErrorSummary(string html)
    {
        var match = SummaryItem().Match(html);
        return match.Success ? match.Groups[1].Value.Trim() : "(no error summary)";
    }

    [GeneratedRegex("""<div class="error-summary".*?<li><a [^>]*>([^<]*)</a>""", RegexOptions.Singleline)]
    private static partial Regex SummaryItem();
}
