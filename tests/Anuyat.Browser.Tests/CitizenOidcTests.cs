using Anuyat.Web.Tests.Infrastructure;

namespace Anuyat.Browser.Tests;

/// <summary>
/// A citizen signs in through the development OpenID Connect provider (the stand-in for ThaiD: code flow with PKCE,
/// RS256 ID token, userinfo), and finds their profile filled from its claims.
/// </summary>
public sealed class CitizenOidcTests(Browser browser) : IClassFixture<Browser>
{
    private static async Task<AnuyatApp> StartWithDevProviderAsync()
    {
        // The client reads the provider's discovery document over HTTP, so the authority is this app's own address.
        var port = AnuyatApp.FreePort();
        return await AnuyatApp.StartAsync(Db.Sqlite, "Development", new Dictionary<string, string?>
        {
            ["Oidc:Authority"] = $"http://127.0.0.1:{port}/dev-idp",
            ["Oidc:ClientId"] = "anuyat-dev",
            ["Oidc:ClientSecret"] = "dev-secret-not-for-production",
            ["Oidc:Source"] = "oidc-dev",
            ["Oidc:RequireHttpsMetadata"] = "false",
            ["Demo:Seed"] = "false",
        }, kestrel: true, port: port);
    }

    [Fact]
    public async Task SignInWithDevProvider_NewCitizen_SeesProfilePrefilledFromClaims()
    {
        await using var app = await StartWithDevProviderAsync();
        var page = await browser.NewPageAsync(app.ServerAddress!);

        await page.GotoAsync("/account/sign-in");
        await Browser.ScreenshotAsync(page, "trust-sign-in-th-360");
        await page.ClickAsync("#oidc-sign-in");
        Assert.Contains("/dev-idp/authorize", page.Url, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", page.Url, StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "trust-dev-idp-th-360");
        await page.CheckAsync("#person-dev-somsri");
        await page.ClickAsync("button[type=submit]");

        Assert.EndsWith("/account/profile", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("สมศรี รักไทย", (await page.TextContentAsync("#profile-name"))?.Trim());
        Assert.Equal("X-XXXX-XXXXX-67-8", (await page.TextContentAsync("#profile-national-id"))?.Trim());
        var address = (await page.TextContentAsync("#profile-address"))!;
        Assert.Contains("45/7", address, StringComparison.Ordinal);
        Assert.Contains("ซอยสุขุมวิท 31", address, StringComparison.Ordinal);
        Assert.Contains("แขวงคลองตันเหนือ", address, StringComparison.Ordinal);
        Assert.Contains("เขตวัฒนา", address, StringComparison.Ordinal);
        Assert.Contains("10110", address, StringComparison.Ordinal);
        Assert.Contains("2522", (await page.TextContentAsync("#profile-birth-date"))!, StringComparison.Ordinal);
        Assert.Equal("สมศรี", await page.InputValueAsync("#Input_FirstName"));
        Assert.Equal("1039", await page.InputValueAsync("#Input_DistrictCode"));
        await Browser.ScreenshotAsync(page, "trust-profile-th-360");

        // The person corrects the road; the profile is now theirs ("self") and the change shows.
        await page.FillAsync("#Input_Road", "สุขุมวิท 31");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("ถนนสุขุมวิท 31", (await page.TextContentAsync("#profile-address"))!, StringComparison.Ordinal);
        Assert.Equal("คุณกรอกหรือแก้ไขเอง", (await page.TextContentAsync("#profile-source"))?.Trim());
    }

    [Fact]
    public async Task SignInWithDevProvider_PidWithWrongCheckDigit_IsRefused()
    {
        await using var app = await StartWithDevProviderAsync();
        var page = await browser.NewPageAsync(app.ServerAddress!);

        await page.GotoAsync("/account/sign-in/oidc");
        await page.CheckAsync("#person-dev-badpid");
        await page.ClickAsync("button[type=submit]");

        Assert.EndsWith("/account/sign-in", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("เลขประจำตัวประชาชนที่ไม่ถูกต้อง", await page.TextContentAsync("#oidc-failed"), StringComparison.Ordinal);
        await page.GotoAsync("/account/profile");
        Assert.EndsWith("/account/sign-in", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }
}
