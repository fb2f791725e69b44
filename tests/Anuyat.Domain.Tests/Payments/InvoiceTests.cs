using Anuyat.Domain.Common;
using Anuyat.Domain.Payments;
using Anuyat.Domain.Payments.ThaiQr;

namespace Anuyat.Domain.Tests.Payments;

public sealed class InvoiceTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-09-30", 2569)]
    [InlineData("2026-10-01", 2570)]
    [InlineData("2026-12-31", 2570)]
    [InlineData("2027-01-01", 2570)]
    [InlineData("2027-09-30", 2570)]
    [InlineData("2027-10-01", 2571)]
    public void FiscalYear_StartsOnTheFirstOfOctober(string day, int expected) =>
        Assert.Equal(expected, ThaiFiscalYear.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void InvoiceNumber_OnTheFirstOfOctober_BelongsToTheNewFiscalYear()
    {
        var number = DocumentNumber.ForInvoice("1001", new DateOnly(2026, 10, 1), 1);

        Assert.Equal("1001-INV-2570-000001", number.ToString());
        Assert.Equal("inv:1001:2570", number.CounterKey);
        Assert.Equal("10012570000001", DocumentNumber.DigitsOf(number.ToString()));
    }

    [Fact]
    public void PermitNumber_FollowsTheCalendarYear_NotTheFiscalYear()
    {
        Assert.Equal("1003-PMT-2569-000042", DocumentNumber.ForPermit("1003", new DateOnly(2026, 12, 31), 42).ToString());
        Assert.Equal("1003-RCT-2570-000042", DocumentNumber.ForReceipt("1003", new DateOnly(2026, 12, 31), 42).ToString());
    }

    [Fact]
    public void Issue_SumsTheLines_AndTakesTheReferencesAsDigits()
    {
        var invoice = NewInvoice();

        Assert.Equal(9000, invoice.AmountSatang);
        Assert.Equal("10012569000123", invoice.Reference1);
        Assert.Equal("10012570000007", invoice.Reference2);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
    }

    [Fact]
    public void BillPaymentPayload_ForAnInvoice_DecodesToItsBillerReferencesAndAmount()
    {
        var invoice = NewInvoice();
        var target = BillPaymentTarget.Create("099400016550101", invoice.Reference1, invoice.Reference2);

        var payload = ThaiQrPayload.BillPayment(target.Value, invoice.AmountSatang);
        var decoded = ThaiQrDecoder.Decode(payload);

        Assert.True(decoded.IsSuccess);
        Assert.Equal("099400016550101", decoded.Value.BillerId);
        Assert.Equal("10012569000123", decoded.Value.Reference1);
        Assert.Equal("10012570000007", decoded.Value.Reference2);
        Assert.Equal(9000, decoded.Value.AmountSatang);
        Assert.Contains("540590.00", payload, StringComparison.Ordinal);
        Assert.True(decoded.Value.IsDynamic);
        Assert.Equal(Crc16.Hex(payload[..^4]), payload[^4..]);
    }

    [Fact]
    public void CheckPayment_WithTheExactAmountAndReferences_Passes()
    {
        var invoice = NewInvoice();

        Assert.Null(invoice.CheckPayment("10012569000123", "10012570000007", 9000));
    }

    [Theory]
    [InlineData("10012569000123", "10012570000007", 8999, "amount-mismatch")]
    [InlineData("10012569000123", "10012570000007", 9001, "amount-mismatch")]
    [InlineData("10012569000999", "10012570000007", 9000, "unknown-reference")]
    [InlineData("10012569000123", null, 9000, "unknown-reference")]
    public void CheckPayment_WithAWrongAmountOrReference_IsRefused(string ref1, string? ref2, long amount, string code)
    {
        var error = NewInvoice().CheckPayment(ref1, ref2, amount);

        Assert.IsType<RuleViolation>(error);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void CheckPayment_OnAPaidInvoice_IsRefused()
    {
        var invoice = NewInvoice();
        invoice.MarkPaid(Now);

        Assert.Equal("invoice-not-open", invoice.CheckPayment("10012569000123", "10012570000007", 9000)?.Code);
    }

    private static Invoice NewInvoice() => Invoice.Issue(
        Guid.NewGuid(),
        Guid.NewGuid(),
        "1001-2569-000123",
        DocumentNumber.ForInvoice("1001", new DateOnly(2026, 11, 26), 7),
        [new InvoiceLine("licence", "ค่าธรรมเนียมใบอนุญาต", "Licence fee", 2000), new InvoiceLine("planCheck", "ค่าตรวจแบบ", "Plan-check fee", 7000)],
        Now);
}
