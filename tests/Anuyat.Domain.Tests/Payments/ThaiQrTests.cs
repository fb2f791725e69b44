using Anuyat.Domain.Payments.ThaiQr;

namespace Anuyat.Domain.Tests.Payments;

public class ThaiQrTests
{
    private static readonly ThaiQrOptions PromptPayOrder = new(Order: ThaiQrFieldOrder.CountryBeforeCurrency);

    // FACTS.md §6.2: the four published test vectors.
    private const string PhoneStatic = "00020101021129370016A000000677010111011300668012345675802TH530376463046197";
    private const string PhoneAmount422 = "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469";
    private const string NationalIdStatic = "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A";
    private const string BillPaymentStatic = "00020101021130530016A00000067701011201130000000000001020412340304234553037645802TH6304E5DA";

    [Fact]
    public void PromptPay_PhoneNoAmount_PublishedVector() =>
        Assert.Equal(PhoneStatic, ThaiQrPayload.PromptPay(PromptPayTarget.Mobile("0801234567").Value, null, PromptPayOrder));

    [Fact]
    public void PromptPay_PhoneWithAmount422Satang_PublishedVector() =>
        Assert.Equal(PhoneAmount422, ThaiQrPayload.PromptPay(PromptPayTarget.Mobile("000-000-0000").Value, 422, PromptPayOrder));

    [Fact]
    public void PromptPay_NationalIdNoAmount_PublishedVector() =>
        Assert.Equal(NationalIdStatic, ThaiQrPayload.PromptPay(PromptPayTarget.NationalOrTaxId("1111111111111").Value, null, PromptPayOrder));

    [Fact]
    public void BillPayment_StaticWithTwoReferences_PublishedVectorE5DA() =>
        Assert.Equal(BillPaymentStatic, ThaiQrPayload.BillPayment(BillPaymentTarget.Create("0000000000001", "1234", "2345").Value));

    [Fact]
    public void Crc16_StandardCheckString_29B1() => Assert.Equal(0x29B1, Crc16.CcittFalse("123456789"));

    [Fact]
    public void PromptPay_MobileWithPlus66_SameAsLocalForm() =>
        Assert.Equal(PhoneStatic, ThaiQrPayload.PromptPay(PromptPayTarget.Mobile("+66 80 123 4567").Value, null, PromptPayOrder));

    [Fact]
    public void PromptPay_EWallet_SubTag03()
    {
        var payload = ThaiQrPayload.PromptPay(PromptPayTarget.EWallet("123456789012345").Value);
        Assert.Contains("0315123456789012345", payload, StringComparison.Ordinal);
        Assert.Equal((PromptPayProxyKind.EWallet, "123456789012345"), ThaiQrDecoder.Decode(payload).Value.PromptPay);
    }

    [Theory]
    [InlineData(1, "0.01")]
    [InlineData(5, "0.05")]
    [InlineData(422, "4.22")]
    [InlineData(14500, "145.00")]
    [InlineData(123456789, "1234567.89")]
    public void FormatAmount_Satang_TwoDecimals(long satang, string text) => Assert.Equal(text, ThaiQrPayload.FormatAmount(satang));

    [Fact]
    public void FormatAmount_Zero_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => ThaiQrPayload.FormatAmount(0));

    [Fact]
    public void BillPayment_WithAmountAndMerchant_DynamicAscendingTagsAndRoundTrips()
    {
        var target = BillPaymentTarget.Create("010753600031501", "BKK1001256900012", "INV256900007").Value;
        var payload = ThaiQrPayload.BillPayment(target, 2_000, new ThaiQrOptions("PHRA NAKHON DISTRICT", "BANGKOK"));

        var decoded = ThaiQrDecoder.Decode(payload).Value;
        Assert.Equal(["00", "01", "30", "53", "54", "58", "59", "60", "63"], decoded.Fields.Select(f => f.Tag));
        Assert.True(decoded.IsDynamic);
        Assert.Equal(2_000, decoded.AmountSatang);
        Assert.Equal("20.00", decoded["54"]);
        Assert.Equal("764", decoded.Currency);
        Assert.Equal("TH", decoded.Country);
        Assert.Equal("010753600031501", decoded.BillerId);
        Assert.Equal("BKK1001256900012", decoded.Reference1);
        Assert.Equal("INV256900007", decoded.Reference2);
        Assert.Equal("PHRA NAKHON DISTRICT", decoded["59"]);
        Assert.Equal("BANGKOK", decoded["60"]);
        Assert.Matches("^[0-9A-F]{4}$", decoded.Crc);
        Assert.EndsWith("6304" + decoded.Crc, payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PhoneStatic)]
    [InlineData(PhoneAmount422)]
    [InlineData(NationalIdStatic)]
    [InlineData(BillPaymentStatic)]
    public void Decode_PublishedVectors_CrcVerified(string payload) => Assert.True(ThaiQrDecoder.Decode(payload).IsSuccess);

    [Fact]
    public void Decode_AmountVector_ReadsAmountAndPhone()
    {
        var decoded = ThaiQrDecoder.Decode(PhoneAmount422).Value;
        Assert.Equal(422, decoded.AmountSatang);
        Assert.Equal((PromptPayProxyKind.Mobile, "0066000000000"), decoded.PromptPay);
        Assert.Equal("A000000677010111", decoded.Sub("29", "00"));
    }

    [Fact]
    public void Decode_BillPaymentVector_ReadsReferences()
    {
        var decoded = ThaiQrDecoder.Decode(BillPaymentStatic).Value;
        Assert.False(decoded.IsDynamic);
        Assert.Null(decoded.AmountSatang);
        Assert.Equal(("0000000000001", "1234", "2345"), (decoded.BillerId, decoded.Reference1, decoded.Reference2));
    }

    [Fact]
    public void Decode_TamperedAmount_CrcError()
    {
        var tampered = PhoneAmount422.Replace("4.22", "4.23", StringComparison.Ordinal);
        Assert.Equal("thaiqr.crc", ThaiQrDecoder.Decode(tampered).Error?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("000201")]
    [InlineData("00020101021129370016A0000006770101110113006680123456")] // truncated, no CRC
    [InlineData("0002020102116304ABCD")] // payload format must be 01
    [InlineData("hello world")]
    public void Decode_Malformed_MalformedError(string payload) => Assert.Equal("thaiqr.malformed", ThaiQrDecoder.Decode(payload).Error?.Code);

    [Theory]
    [InlineData("0000000000001", "abc", null)] // lower case
    [InlineData("0000000000001", "REF-1", null)] // punctuation
    [InlineData("0000000000001", "123456789012345678901", null)] // 21 characters
    [InlineData("0000000000001", "", null)]
    [InlineData("0000000000001", "1234", "ref2")]
    [InlineData("12345", "1234", null)] // biller ID too short
    public void BillPaymentTarget_InvalidInput_BilingualError(string biller, string ref1, string? ref2)
    {
        var parsed = BillPaymentTarget.Create(biller, ref1, ref2);
        Assert.False(parsed.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Error!.Value.Th));
    }

    [Fact]
    public void BillPaymentTarget_TwentyCharacterReference_Accepted() =>
        Assert.True(BillPaymentTarget.Create("0000000000001", "ABCDEFGHIJ0123456789").IsValid);

    [Theory]
    [InlineData("080123456")]
    [InlineData("1801234567")]
    public void PromptPayTarget_BadMobile_Invalid(string input) => Assert.False(PromptPayTarget.Mobile(input).IsValid);

    [Fact]
    public void PromptPay_MerchantNameTooLong_Throws() =>
        Assert.Throws<ArgumentException>(() => ThaiQrPayload.PromptPay(PromptPayTarget.Mobile("0801234567").Value, null, new ThaiQrOptions(new string('A', 26))));
}
