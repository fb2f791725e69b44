using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Accounts;

public sealed class TokenTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task TokenCreateCommand_ForNewCitizen_PrintsOneTokenThatAuthenticatesTheApi(Db db)
    {
        var app = await SharedApps.Get(db);
        var email = TestAccounts.NewEmail("cli");

        var (exitCode, output, error) = await AppProcess.RunAsync(AppProcess.SameDataAs(app), "token", "create", "--email", email, "--role", "citizen");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("anu_", lines[0], StringComparison.Ordinal);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", lines[0]);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("citizen", me.GetProperty("role").GetString());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task TokenCreateCommand_ForOfficerOfUnknownDistrict_ExitsNonZeroNamingTheDistrict(Db db)
    {
        var app = await SharedApps.Get(db);

        var (exitCode, output, error) = await AppProcess.RunAsync(AppProcess.SameDataAs(app), "token", "create", "--email", TestAccounts.NewEmail(), "--role", "officer", "--district", "1099", "--section", "public-works");

        Assert.NotEqual(0, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal("anuyat: no district with code 1099.", error);
    }

    [Fact]
    public async Task TokenCreateCommand_WithUnknownRole_ExitsNonZeroWithOneLine()
    {
        var app = await SharedApps.Get(Db.Sqlite);

        var (exitCode, _, error) = await AppProcess.RunAsync(AppProcess.SameDataAs(app), "token", "create", "--email", TestAccounts.NewEmail(), "--role", "mayor");

        Assert.Equal(2, exitCode);
        Assert.Equal("anuyat: --role: expected citizen, officer, approver, admin or strategy, not 'mayor'.", error);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Api_WithOfficerToken_ReportsRoleAndOfficeScope(Db db)
    {
        var app = await SharedApps.Get(db);
        var (client, account) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1003", "public-works");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(account.Id, me.GetProperty("accountId").GetGuid());
        Assert.Equal("officer", me.GetProperty("role").GetString());
        Assert.Equal("1003", me.GetProperty("districtCode").GetString());
        Assert.Equal("public-works", me.GetProperty("sectionCode").GetString());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Api_WithoutTokenOrWithUnknownToken_Returns401(Db db)
    {
        var app = await SharedApps.Get(db);
        var anonymous = app.NewClient();
        var forged = app.NewClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "anu_" + new string('x', 43));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Api_AfterTokenRevoked_Returns401(Db db)
    {
        var app = await SharedApps.Get(db);
        var account = await TestAccounts.CreateAsync(app);
        var (token, plain) = await app.WithScopeAsync(s => s.GetRequiredService<ApiTokenService>().CreateAsync(account.Id, "to revoke"));
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await app.WithScopeAsync(s => s.GetRequiredService<ApiTokenService>().RevokeAsync(account.Id, token.Id));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Tokens_AreStoredOnlyAsHashes(Db db)
    {
        var app = await SharedApps.Get(db);
        var account = await TestAccounts.CreateAsync(app);
        var plain = await TestAccounts.TokenAsync(app, account);

        var stored = await app.WithScopeAsync(s => s.GetRequiredService<ApiTokenService>().ListAsync(account.Id));

        var token = Assert.Single(stored);
        Assert.NotEqual(plain, token.TokenHash);
        Assert.Equal(ApiTokenService.Hash(plain), token.TokenHash);
        Assert.DoesNotContain(plain, token.TokenHash, StringComparison.Ordinal);
    }
}
