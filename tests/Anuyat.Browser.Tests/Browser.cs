using Anuyat.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Anuyat.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download). One browser per test class; each test opens its
/// own context so cookies never leak between journeys.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public static string ScreensFolder { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "docs", "screens")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException("Chromium is missing: run scripts/test.sh (it installs chromium and fonts-thai-tlwg) or apt-get install -y chromium fonts-thai-tlwg.");
        }

        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh context at a phone's width (360 × 740) or a desktop's (1280 × 900).</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, bool phone = true)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            Locale = "th-TH",
        });
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreensFolder, name + ".png"), FullPage = true });

    /// <summary>True when the page's Thai text is drawn with a Thai web or system font, not fallback boxes.</summary>
    public static async Task<string[]> LoadedThaiFontsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            async () => {
              await document.fonts.ready;
              return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('"', ''));
            }
            """);
}
