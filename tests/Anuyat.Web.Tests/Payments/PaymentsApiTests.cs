using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Payments;
using Anuyat.Domain.Payments.ThaiQr;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Infrastructure;
using Anuyat.Web.Tests.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Payments;

/// <summary>Invoice, the bank's signed callback, receipt and permit, on both databases (API.md).</summary>
public sealed class PaymentsApiTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Approval_IssuesAnInvoiceFromTheFeeRules_WithABillPaymentQr_ForTheOwnerOnly(Db db)
    {
        var app = await PaymentApps.Get(db);
        var file = await ApprovedFile.CreateAsync(app);
        var (stranger, _) = await TestAccounts.ApiClientAsync(app);

        var invoice = await file.InvoiceAsync();

        // ข.1 for a 2-storey 140 m² house: licence 20.00 + plan check 140 m² × 0.50 = 90.00 baht.
        Assert.Equal(9000, invoice.GetProperty("amountSatang").GetInt64());
        Assert.Equal("open", invoice.GetProperty("status").GetString());
        var number = invoice.GetProperty("number").GetString()!;
        Assert.Matches(@"^1001-INV-25\d\d-\d{6}$", number);
        var decoded = ThaiQrDecoder.Decode(invoice.GetProperty("thaiQrPayload").GetString());
        Assert.True(decoded.IsSuccess);
        Assert.Equal(PaymentApps.BillerId, decoded.Value.BillerId);
        Assert.Equal(file.Reference.Replace("-", string.Empty, StringComparison.Ordinal), decoded.Value.Reference1);
        Assert.Equal(DocumentNumber.DigitsOf(number), decoded.Value.Reference2);
        Assert.Equal(9000, decoded.Value.AmountSatang);
        Assert.Equal(["licence", "planCheck"], invoice.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{file.Id}/invoice")).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Callback_Signed_PaysTheInvoice_IssuesThePermit_AndTheSameCallbackTwiceIsOnePayment(Db db)
    {
        var app = await PaymentApps.Get(db);
        var file = await ApprovedFile.CreateAsync(app);
        var invoice = await file.InvoiceAsync();
        var body = BankCallbacks.Body(BankCallbacks.NewTransactionId(), invoice.GetProperty("reference1").GetString()!, invoice.GetProperty("reference2").GetString()!, 9000);
        var bank = app.NewClient();

        var first = await BankCallbacks.SendAsync(bank, body);
        var again = await BankCallbacks.SendAsync(bank, body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Matches(@"^1001-RCT-25\d\d-\d{6}$", answer.GetProperty("receiptNumber").GetString());
        var permitNumber = answer.GetProperty("permitNumber").GetString()!;
        Assert.Matches(@"^1001-PMT-25\d\d-\d{6}$", permitNumber);
        var payments = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Payments.CountAsync(p => p.ApplicationId == file.Id));
        Assert.Equal(1, payments);
        Assert.Equal("paid", (await file.InvoiceAsync()).GetProperty("status").GetString());
        Assert.Equal("issued", (await file.Citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{file.Id}")).GetProperty("status").GetString());

        // The permit: public facts for anyone, the PDF for the holder and the district's officers only.
        var permit = await app.NewClient().GetFromJsonAsync<JsonElement>($"/api/v1/permits/{permitNumber}");
        Assert.Equal("valid", permit.GetProperty("status").GetString());
        Assert.Equal("building-permit-k1", permit.GetProperty("serviceCode").GetString());
        Assert.Equal("1001", permit.GetProperty("districtCode").GetString());
        var pdf = await file.Citizen.GetAsync($"/api/v1/permits/{permitNumber}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal(permit.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        Assert.Equal(HttpStatusCode.OK, (await file.Officer.GetAsync($"/api/v1/permits/{permitNumber}/pdf")).StatusCode);
        var (stranger, _) = await TestAccounts.ApiClientAsync(app);
        var (otherDistrict, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1003", "public-works");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/permits/{permitNumber}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherDistrict.GetAsync($"/api/v1/permits/{permitNumber}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/api/v1/permits/1001-PMT-2500-999999")).StatusCode);

        // The permit reads back with the holder's Thai name, its number and the site.
        var text = PdfTools.Text(bytes);
        Assert.Contains("สมหญิง ใจดี", text, StringComparison.Ordinal);
        Assert.Contains(permitNumber, text, StringComparison.Ordinal);
        Assert.Contains("ราชดำเนินกลาง", text, StringComparison.Ordinal);
        Assert.Contains("บ้านเดี่ยว", text, StringComparison.Ordinal);
        var png = db == Db.Sqlite
            ? Path.Combine(RepositoryRoot.Path, "docs", "screens", "permits-permit-page1.png")
            : Path.Combine(Path.GetTempPath(), $"anuyat-permit-{Guid.NewGuid():N}.png");
        PdfTools.PagePng(bytes, 1, 110, png);
        Assert.Equal([$"https://localhost/verify/{permitNumber}"], PdfTools.DecodeQr(png));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Callback_ForgedOrStale_Is401_IsAudited_AndChangesNothing(Db db)
    {
        var app = await PaymentApps.Get(db);
        var file = await ApprovedFile.CreateAsync(app);
        var invoice = await file.InvoiceAsync();
        var (ref1, ref2) = (invoice.GetProperty("reference1").GetString()!, invoice.GetProperty("reference2").GetString()!);
        var bank = app.NewClient();
        var forgedTx = BankCallbacks.NewTransactionId();
        var staleTx = BankCallbacks.NewTransactionId();

        var forged = await BankCallbacks.SendAsync(bank, BankCallbacks.Body(forgedTx, ref1, ref2, 9000), secret: "not-the-secret");
        var unsigned = await BankCallbacks.SendAsync(bank, BankCallbacks.Body(forgedTx, ref1, ref2, 9000), secret: null);
        var stale = await BankCallbacks.SendAsync(bank, BankCallbacks.Body(staleTx, ref1, ref2, 9000, DateTimeOffset.UtcNow.AddMinutes(-6)));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal("open", (await file.InvoiceAsync()).GetProperty("status").GetString());
        var refused = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().AuditEvents
            .Where(e => e.Action == "payments.callback-refused" && e.SubjectId == staleTx).CountAsync());
        Assert.Equal(1, refused);
        var payments = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Payments.CountAsync(p => p.TransactionId == forgedTx || p.TransactionId == staleTx));
        Assert.Equal(0, payments);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Callback_WithAWrongAmountOrUnknownReference_Is422_AndChangesNothing(Db db)
    {
        var app = await PaymentApps.Get(db);
        var file = await ApprovedFile.CreateAsync(app);
        var invoice = await file.InvoiceAsync();
        var (ref1, ref2) = (invoice.GetProperty("reference1").GetString()!, invoice.GetProperty("reference2").GetString()!);
        var bank = app.NewClient();

        var wrongAmount = await BankCallbacks.SendAsync(bank, BankCallbacks.Body(BankCallbacks.NewTransactionId(), ref1, ref2, 8999));
        var unknownRef = await BankCallbacks.SendAsync(bank, BankCallbacks.Body(BankCallbacks.NewTransactionId(), ref1, "99999999999999", 9000));
        var wrongRef1 = await BankCallbacks.SendAsync(bank, BankCallbacks.Body(BankCallbacks.NewTransactionId(), "10010000000000", ref2, 9000));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongAmount.StatusCode);
        Assert.Contains("amount-mismatch", await wrongAmount.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownRef.StatusCode);
        Assert.Contains("unknown-reference", await unknownRef.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongRef1.StatusCode);
        Assert.Equal("open", (await file.InvoiceAsync()).GetProperty("status").GetString());
        Assert.Equal("awaiting-payment", (await file.Citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{file.Id}")).GetProperty("status").GetString());
        var payments = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().Payments.CountAsync(p => p.ApplicationId == file.Id));
        Assert.Equal(0, payments);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Callback_ReusingATransactionIdForAnotherInvoice_IsAConflict(Db db)
    {
        var app = await PaymentApps.Get(db);
        var first = await ApprovedFile.CreateAsync(app);
        var second = await ApprovedFile.CreateAsync(app);
        var a = await first.InvoiceAsync();
        var b = await second.InvoiceAsync();
        var tx = BankCallbacks.NewTransactionId();
        var bank = app.NewClient();

        var paid = await BankCallbacks.SendAsync(bank, BankCallbacks.Body(tx, a.GetProperty("reference1").GetString()!, a.GetProperty("reference2").GetString()!, 9000));
        var reused = await BankCallbacks.SendAsync(bank, BankCallbacks.Body(tx, b.GetProperty("reference1").GetString()!, b.GetProperty("reference2").GetString()!, 9000));

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("open", (await second.InvoiceAsync()).GetProperty("status").GetString());
    }
}
