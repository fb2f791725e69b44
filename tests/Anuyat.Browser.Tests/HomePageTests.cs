using Anuyat.Web.Tests.Infrastructure;

namespace Anuyat.Browser.Tests;

public sealed class HomePageTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task HomePage_InThaiOnAPhone_ThenEnglishOnADesktop_UsesTheThaiFontAndRemembersTheLanguage()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, kestrel: true);

        var phone = await browser.NewPageAsync(app.ServerAddress!, phone: true);
        await phone.GotoAsync("/");
        Assert.Equal("th", await phone.GetAttributeAsync("html", "lang"));
        Assert.Equal("ขออนุญาตกับสำนักงานเขตทางออนไลน์", (await phone.TextContentAsync("h1"))?.Trim());
        var fonts = await Browser.LoadedThaiFontsAsync(phone);
        Assert.Contains("Sarabun", fonts);
        var h1Font = await phone.EvalOnSelectorAsync<string>("h1", "e => getComputedStyle(e).fontFamily");
        Assert.StartsWith("Sarabun", h1Font.Trim('"'), StringComparison.Ordinal);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.fonts.check('700 30px Sarabun', 'ขออนุญาต')"));
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 360px phone");
        await Browser.ScreenshotAsync(phone, "home-th-360");

        await phone.ClickAsync("a.lang");
        Assert.Equal("Apply to your district office online", (await phone.TextContentAsync("h1"))?.Trim());
        await Browser.ScreenshotAsync(phone, "home-en-360");

        var desktop = await browser.NewPageAsync(app.ServerAddress!, phone: false);
        var cookies = await phone.Context.CookiesAsync();
        await desktop.Context.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        await desktop.GotoAsync("/");
        Assert.Equal("en", await desktop.GetAttributeAsync("html", "lang"));
        await Browser.ScreenshotAsync(desktop, "home-en-1280");
        await desktop.ClickAsync("a.lang");
        Assert.Equal("th", await desktop.GetAttributeAsync("html", "lang"));
        await Browser.ScreenshotAsync(desktop, "home-th-1280");
    }

    [Fact]
    public async Task SignInPage_WithWrongPassword_ShowsTheErrorBesideTheFieldAndInTheSummary()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, kestrel: true);
        var page = await browser.NewPageAsync(app.ServerAddress!);

        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", "someone@example.com");
        await page.FillAsync("#Password", "wrong-password-123");
        await page.ClickAsync("button[type=submit]");

        Assert.Equal("อีเมลหรือรหัสผ่านไม่ถูกต้อง", (await page.TextContentAsync(".error-summary li"))?.Trim());
        Assert.Contains("อีเมลหรือรหัสผ่านไม่ถูกต้อง", await page.TextContentAsync("#Email-error"), StringComparison.Ordinal);
        Assert.Equal("someone@example.com", await page.InputValueAsync("#Email"));
        await Browser.ScreenshotAsync(page, "sign-in-error-th-360");
    }
}
