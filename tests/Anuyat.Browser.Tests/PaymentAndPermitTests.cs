using Anuyat.Domain.Accounts;
using Anuyat.Web.Tests.Infrastructure;
using Anuyat.Web.Tests.Payments;
using Microsoft.Playwright;

namespace Anuyat.Browser.Tests;

/// <summary>
/// An approved ข.1 in a real browser: the invoice with its Thai QR, the development bank simulator's signed callback,
/// the receipt and permit downloads, and the permit's verification page — valid, then revoked by the approver.
/// </summary>
public sealed class PaymentAndPermitTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task ApprovedBuildingPermit_PaidByThaiQr_IsIssued_VerifiesValid_ThenRevoked()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, "Development", PaymentApps.Settings, kestrel: true);
        var file = await ApprovedFile.CreateAsync(app, app.ServerAddress);

        // The citizen on a phone, in Thai: the application page leads to the invoice with its QR code.
        var phone = await browser.NewPageAsync(app.ServerAddress!);
        await SignInAsync(phone, file.CitizenAccount.Email!);
        await phone.GotoAsync($"/applications/{file.Id}");
        await phone.ClickAsync("#payment-link");
        Assert.Equal("90.00", (await phone.TextContentAsync("#invoice-total"))?.Trim());
        Assert.True(await phone.EvaluateAsync<bool>("() => { const i = document.querySelector('#invoice-qr'); return i.complete && i.naturalWidth > 100; }"));
        var invoiceNumber = (await phone.TextContentAsync("#invoice-number"))!.Trim();
        await Browser.ScreenshotAsync(phone, "payments-invoice-360-th");

        // The bank (development simulator) confirms the payment with a signed callback.
        var bank = await browser.NewPageAsync(app.ServerAddress!, phone: false);
        await bank.GotoAsync("/dev/bank-simulator");
        await bank.ClickAsync($"button[data-invoice='{invoiceNumber}']");
        Assert.Contains("HTTP 200", await bank.TextContentAsync("#simulator-outcome"), StringComparison.Ordinal);

        // Back on the phone: paid, with the receipt and the permit to download.
        await phone.ReloadAsync();
        Assert.Equal("ชำระแล้ว", (await phone.TextContentAsync("#invoice-status"))?.Trim());
        var receipt = await phone.RunAndWaitForDownloadAsync(() => phone.ClickAsync("#receipt-link"));
        Assert.StartsWith("receipt-1001-RCT-", receipt.SuggestedFilename, StringComparison.Ordinal);
        var permitNumber = (await phone.TextContentAsync("#permit-number"))!.Trim();
        var permit = await phone.RunAndWaitForDownloadAsync(() => phone.ClickAsync("#permit-link"));
        Assert.Equal($"permit-{permitNumber}.pdf", permit.SuggestedFilename);
        await Browser.ScreenshotAsync(phone, "payments-paid-360-th");

        // The permit's QR code opens the verification page: anyone, not signed in, sees "valid".
        var neighbour = await browser.NewPageAsync(app.ServerAddress!);
        await neighbour.GotoAsync($"/verify/{permitNumber}");
        Assert.Equal("valid", await neighbour.GetAttributeAsync("#verify-status", "data-status"));
        await Browser.ScreenshotAsync(neighbour, "permits-verify-valid-360-th");

        // The approver revokes it with reasons on the office's permit page; the same link now says "revoked".
        var desk = await browser.NewPageAsync(app.ServerAddress!, phone: false);
        var approver = await TestAccounts.CreateAsync(app, Role.Approver, "1001", "public-works");
        await SignInAsync(desk, approver.Email!);
        await desk.GotoAsync($"/office/permits/{permitNumber}");
        await desk.FillAsync("#reasons", "ก่อสร้างผิดไปจากแบบที่ได้รับอนุญาต");
        await desk.ClickAsync("form button.button-warning");
        Assert.Equal("ถูกเพิกถอนแล้ว", (await desk.TextContentAsync("#permit-standing"))?.Trim());
        await neighbour.ReloadAsync();
        Assert.Equal("revoked", await neighbour.GetAttributeAsync("#verify-status", "data-status"));
        await Browser.ScreenshotAsync(neighbour, "permits-verify-revoked-360-th");

        // The public register, on a desktop, in English.
        await desk.GotoAsync("/language/en");
        await desk.GotoAsync("/permits?district=1001");
        Assert.Contains(permitNumber, await desk.TextContentAsync("#register"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(desk, "permits-register-1280-en");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }
}
