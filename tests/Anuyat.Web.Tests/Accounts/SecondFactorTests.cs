using System.Net;
using Anuyat.Domain.Accounts;
using Anuyat.Web.Tests.Infrastructure;

namespace Anuyat.Web.Tests.Accounts;

/// <summary>Outside Development, staff reach staff pages only after proving a second factor.</summary>
public sealed class SecondFactorTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task OfficerWithoutSecondFactor_InProduction_IsSentToSetUpAnAuthenticator_ThenGetsIn(Db db)
    {
        await using var app = await AnuyatApp.StartAsync(db, environment: "Production");
        var officer = await TestAccounts.CreateAsync(app, Role.Officer, "1003", "public-works");
        var client = app.NewClient(https: true);
        var signIn = await SignInTests.SignInAsync(client, officer.Email!, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var blocked = await client.GetAsync("/office");

        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.StartsWith("/account/access-denied", blocked.LocationPath(), StringComparison.Ordinal);
        var denied = await client.GetAsync(blocked.LocationPath());
        Assert.Contains("/account/authenticator", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var setup = await client.GetPageAsync("/account/authenticator");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        var enrolled = await client.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);

        var office = await client.GetAsync("/office");
        Assert.Equal(HttpStatusCode.OK, office.StatusCode);
        Assert.Contains("เขตหนองจอก", await office.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficerWithAuthenticator_SigningInAgain_MustEnterTheCodeBeforeReachingTheOffice()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, environment: "Production");
        var officer = await TestAccounts.CreateAsync(app, Role.Approver, "1001", "public-works");
        var first = app.NewClient(https: true);
        await SignInTests.SignInAsync(first, officer.Email!, TestAccounts.Password);
        var setup = await first.GetPageAsync("/account/authenticator");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        await first.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        var second = app.NewClient(https: true);
        var signIn = await SignInTests.SignInAsync(second, officer.Email!, TestAccounts.Password);
        Assert.StartsWith("/account/two-factor", signIn.LocationPath(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/office")).StatusCode);

        var codePage = await second.GetPageAsync(signIn.LocationPath());
        var wrong = await second.SubmitAsync(codePage, new Dictionary<string, string> { ["Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var right = await second.SubmitAsync(await wrong.ReadPageAsync(), new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/office")).StatusCode);
    }

    [Fact]
    public async Task Citizen_CannotReachTheOffice_EvenInDevelopment()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, environment: "Development", settings: new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        var citizen = await TestAccounts.CreateAsync(app);
        var client = app.NewClient();
        await SignInTests.SignInAsync(client, citizen.Email!, TestAccounts.Password);

        var response = await client.GetAsync("/office");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.LocationPath(), StringComparison.Ordinal);
    }
}
