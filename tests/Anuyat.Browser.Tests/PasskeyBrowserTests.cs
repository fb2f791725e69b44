using Anuyat.Domain.Accounts;
using Anuyat.Web.Tests.Infrastructure;

namespace Anuyat.Browser.Tests;

/// <summary>
/// An officer adds a passkey and signs in with it in Chromium, with the DevTools virtual authenticator (CDP
/// <c>WebAuthn.addVirtualAuthenticator</c>: a platform authenticator with user verification) standing in for the
/// laptop's fingerprint reader. WebAuthn needs a domain name, so the page is opened on http://localhost.
/// </summary>
public sealed class PasskeyBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Officer_AddsAPasskeyInTheBrowser_ThenSignsInWithItAlone()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, "Development", new Dictionary<string, string?> { ["Demo:Seed"] = "false" }, kestrel: true);
        var officer = await TestAccounts.CreateAsync(app, Role.Officer, "1001", "public-works");
        var page = await browser.NewPageAsync(new Uri($"http://localhost:{app.ServerAddress!.Port}"), phone: false);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", officer.Email!);
        await page.FillAsync("#Password", TestAccounts.Password);
        await page.ClickAsync("main form:not([data-passkey-get]) button[type=submit]");
        await page.GotoAsync("/account/passkeys");
        await page.FillAsync("#name", "โน้ตบุ๊กที่สำนักงาน");
        await page.ClickAsync("#passkey-add");
        await page.WaitForSelectorAsync("#passkey-added");
        Assert.Contains("โน้ตบุ๊กที่สำนักงาน", await page.TextContentAsync("#passkey-list"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "trust-passkeys-desktop-th");

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/account/sign-in?returnUrl=%2Foffice");
        Assert.True(await page.IsVisibleAsync("#passkey-sign-in-button"));
        await page.ClickAsync("#passkey-sign-in-button");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/office");

        Assert.Equal("/office", new Uri(page.Url).AbsolutePath);
    }
}
