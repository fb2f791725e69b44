using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Web.Tests.Accounts;
using Anuyat.Web.Tests.Infrastructure;
using Anuyat.Web.Tests.Pdf;

namespace Anuyat.Web.Tests.Payments;

/// <summary>The citizen's payment page with its QR image, the public verification page and register, revocation.</summary>
public sealed class PermitPagesTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task InvoicePage_QrImage_DecodesToTheInvoicePayload(Db db)
    {
        var app = await PaymentApps.Get(db);
        var file = await ApprovedFile.CreateAsync(app);
        var invoice = await file.InvoiceAsync();
        var browser = app.NewClient();
        await SignInTests.SignInAsync(browser, file.CitizenAccount.Email!, TestAccounts.Password);

        var page = await browser.GetPageAsync($"/applications/{file.Id}/payment");
        var png = await browser.GetAsync($"/applications/{file.Id}/payment/qr");

        var payload = invoice.GetProperty("thaiQrPayload").GetString()!;
        Assert.Equal(payload, page.QuerySelector("#qr-payload")?.TextContent);
        Assert.Equal("90.00", page.QuerySelector("#invoice-total")?.TextContent);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var path = PdfTools.WriteTemp(await png.Content.ReadAsByteArrayAsync(), ".png");
        try
        {
            Assert.Equal([payload], PdfTools.DecodeQr(path));
        }
        finally
        {
            File.Delete(path);
        }

        var (stranger, strangerAccount) = await TestAccounts.ApiClientAsync(app);
        var strangerBrowser = app.NewClient();
        await SignInTests.SignInAsync(strangerBrowser, strangerAccount.Email!, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerBrowser.GetAsync($"/applications/{file.Id}/payment/qr")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerBrowser.GetAsync($"/applications/{file.Id}/payment")).StatusCode);
        stranger.Dispose();
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Verification_ShowsValidThenRevoked_TellsAGenuineFileFromAnAlteredOne_AndTheRegisterHasNoNames(Db db)
    {
        var app = await PaymentApps.Get(db);
        var file = await ApprovedFile.CreateAsync(app);
        var invoice = await file.InvoiceAsync();
        var paid = await BankCallbacks.SendAsync(app.NewClient(), BankCallbacks.Body(BankCallbacks.NewTransactionId(), invoice.GetProperty("reference1").GetString()!, invoice.GetProperty("reference2").GetString()!, 9000));
        var number = (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("permitNumber").GetString()!;
        var pdf = await file.Citizen.GetByteArrayAsync($"/api/v1/permits/{number}/pdf");
        var anyone = app.NewClient();

        var valid = await anyone.GetPageAsync($"/verify/{number}");
        Assert.Equal("valid", valid.QuerySelector("#verify-status")?.GetAttribute("data-status"));
        Assert.Equal("valid", (await anyone.GetPageAsync($"/verify/{number.ToLowerInvariant()}")).QuerySelector("#verify-status")?.GetAttribute("data-status"));
        Assert.Contains("ราชดำเนินกลาง", valid.QuerySelector(".summary-list")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("1111111111119", valid.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", (await UploadAsync(anyone, number, pdf)).QuerySelector("#file-verdict")?.GetAttribute("data-genuine"));
        var altered = (byte[])pdf.Clone();
        altered[^10] ^= 0x20;
        Assert.Equal("false", (await UploadAsync(anyone, number, altered)).QuerySelector("#file-verdict")?.GetAttribute("data-genuine"));

        var unknown = await anyone.GetPageAsync("/verify/1001-PMT-2500-000000");
        Assert.Contains("ไม่พบใบอนุญาตเลขที่ 1001-PMT-2500-000000", unknown.QuerySelector("#verify-status")?.TextContent, StringComparison.Ordinal);

        var register = await anyone.GetPageAsync($"/permits?district=1001&q={Uri.EscapeDataString(number)}");
        var rows = register.QuerySelectorAll("#register tbody tr");
        Assert.Single(rows);
        Assert.Contains("ถนนราชดำเนินกลาง แขวงบวรนิเวศ", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("140", rows[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("สมหญิง", register.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("99 ", rows[0].TextContent, StringComparison.Ordinal);

        // Only an approver revokes, with reasons; the holder is told; anyone then sees "revoked".
        var byOfficer = await file.Officer.PostAsJsonAsync($"/api/v1/permits/{number}/revocation", new { reasons = "ผิดแบบ" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, byOfficer.StatusCode);
        var withoutReasons = await file.Approver.PostAsJsonAsync($"/api/v1/permits/{number}/revocation", new { reasons = "" });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReasons.StatusCode);
        var revoked = await file.Approver.PostAsJsonAsync($"/api/v1/permits/{number}/revocation", new { reasons = "ก่อสร้างผิดไปจากแบบที่ได้รับอนุญาต" });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/permits/{number}")).GetProperty("status").GetString());
        Assert.Equal("revoked", (await anyone.GetPageAsync($"/verify/{number}")).QuerySelector("#verify-status")?.GetAttribute("data-status"));
        var timeline = (await file.Citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{file.Id}")).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("application.invoice-issued", timeline);
        Assert.Contains("application.paid", timeline);
        Assert.Contains("application.permit-issued", timeline);
        Assert.Contains("application.permit-revoked", timeline);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadAsync(HttpClient client, string number, byte[] pdf)
    {
        var page = await client.GetPageAsync($"/verify/{number}");
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")?.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new("application/pdf");
        form.Add(content, "file", "permit.pdf");
        var response = await client.PostAsync($"/verify/{number}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadPageAsync();
    }
}
