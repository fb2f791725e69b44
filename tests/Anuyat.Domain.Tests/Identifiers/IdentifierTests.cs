using Anuyat.Domain.Identifiers;

namespace Anuyat.Domain.Tests.Identifiers;

public class ThaiNationalIdTests
{
    [Theory]
    [InlineData("1-2345-67890-12-1", "1234567890121")]
    [InlineData("1111111111119", "1111111111119")]
    [InlineData(" 1 2345 67890 12 1 ", "1234567890121")]
    [InlineData("๑๑๑๑๑๑๑๑๑๑๑๑๙", "1111111111119")]
    public void Parse_ValidCheckDigit_NormalisedDigits(string input, string digits)
    {
        var parsed = ThaiNationalId.Parse(input);
        Assert.True(parsed.IsValid);
        Assert.Equal(digits, parsed.Value.Digits);
    }

    [Fact]
    public void Parse_Valid_FormattedWithDashes() => Assert.Equal("1-2345-67890-12-1", ThaiNationalId.Parse("1234567890121").Value.Formatted);

    [Theory]
    [InlineData("1111111111111", "not valid")] // PromptPay's test value fails the checksum
    [InlineData("1234567890122", "not valid")]
    [InlineData("123456789012", "13 digits")]
    [InlineData("12345678901234", "13 digits")]
    [InlineData("12345678901a1", "13 digits")]
    [InlineData("", "Enter")]
    [InlineData(null, "Enter")]
    public void Parse_Invalid_BilingualError(string? input, string english)
    {
        var parsed = ThaiNationalId.Parse(input);
        Assert.False(parsed.IsValid);
        Assert.Contains(english, parsed.Error!.Value.En, StringComparison.Ordinal);
        Assert.Contains("เลขประจำตัวประชาชน", parsed.Error!.Value.Th, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => parsed.Value);
    }
}

public class JuristicIdTests
{
    [Theory]
    [InlineData("0107536000315")]
    [InlineData("0-1075-36000-31-5")]
    public void Parse_PublishedExample_Valid(string input) => Assert.Equal("0107536000315", JuristicId.Parse(input).Value.Digits);

    [Fact]
    public void Parse_WrongCheckDigit_Invalid() => Assert.Contains("not valid", JuristicId.Parse("0107536000316").Error!.Value.En, StringComparison.Ordinal);

    [Fact]
    public void Parse_PersonalIdWithValidChecksum_PointsToNationalId() =>
        Assert.Contains("national ID", JuristicId.Parse("1234567890121").Error!.Value.En, StringComparison.Ordinal);
}

public class ThaiPhoneNumberTests
{
    [Theory]
    [InlineData("081-234-5678", "0812345678", PhoneKind.Mobile)]
    [InlineData("+66 81 234 5678", "0812345678", PhoneKind.Mobile)]
    [InlineData("+66 0812345678", "0812345678", PhoneKind.Mobile)]
    [InlineData("66812345678", "0812345678", PhoneKind.Mobile)]
    [InlineData("0066 81 234 5678", "0812345678", PhoneKind.Mobile)]
    [InlineData("0612345678", "0612345678", PhoneKind.Mobile)]
    [InlineData("09 1234 5678", "0912345678", PhoneKind.Mobile)]
    [InlineData("02 123 4567", "021234567", PhoneKind.Landline)]
    [InlineData("(02) 123-4567", "021234567", PhoneKind.Landline)]
    [InlineData("053 123 456", "053123456", PhoneKind.Landline)]
    public void Parse_ThaiNumber_Normalised(string input, string national, PhoneKind kind)
    {
        var phone = ThaiPhoneNumber.Parse(input).Value;
        Assert.Equal(national, phone.National);
        Assert.Equal(kind, phone.Kind);
        Assert.Equal("+66" + national[1..], phone.E164);
    }

    [Fact]
    public void Parse_BangkokLandline_Flagged()
    {
        Assert.True(ThaiPhoneNumber.Parse("021234567").Value.IsBangkokLandline);
        Assert.False(ThaiPhoneNumber.Parse("053123456").Value.IsBangkokLandline);
    }

    [Theory]
    [InlineData("0712345678")] // 10 digits but not a mobile prefix
    [InlineData("08123456789")]
    [InlineData("081234567")]
    [InlineData("12345")]
    [InlineData("08l2345678")]
    [InlineData("")]
    public void Parse_NotAThaiNumber_BilingualError(string input)
    {
        var parsed = ThaiPhoneNumber.Parse(input);
        Assert.False(parsed.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Error!.Value.Th));
        Assert.False(string.IsNullOrWhiteSpace(parsed.Error!.Value.En));
    }
}

public class ThaiPostcodeTests
{
    [Theory]
    [InlineData("10200", true)]
    [InlineData(" 10 330 ", true)]
    [InlineData("50200", false)]
    public void Parse_FiveDigits_Valid(string input, bool bangkok) => Assert.Equal(bangkok, ThaiPostcode.Parse(input).Value.IsBangkok);

    [Theory]
    [InlineData("1020")]
    [InlineData("102000")]
    [InlineData("00100")]
    [InlineData("99999")]
    [InlineData("1O200")]
    public void Parse_NotAPostcode_Invalid(string input) => Assert.False(ThaiPostcode.Parse(input).IsValid);

    [Fact]
    public void ParseBangkok_ChiangMaiPostcode_RefusedNamingTen() =>
        Assert.Contains("10", ThaiPostcode.ParseBangkok("50200").Error!.Value.En, StringComparison.Ordinal);

    [Fact]
    public void ParseBangkok_PhraNakhon_Valid() => Assert.Equal("10200", ThaiPostcode.ParseBangkok("10200").Value.Value);
}

public class BuddhistEraTests
{
    [Theory]
    [InlineData(2569, 2026, true)]
    [InlineData(2401, 1858, true)]
    [InlineData(2026, 2026, false)]
    [InlineData(2400, 2400, false)]
    public void NormaliseYear_AboveThreshold_ConvertedFromBuddhistEra(int typed, int year, bool wasBuddhist) =>
        Assert.Equal((year, wasBuddhist), BuddhistEra.NormaliseYear(typed));

    [Fact]
    public void ToBuddhist_2026_2569() => Assert.Equal(2569, BuddhistEra.ToBuddhist(2026));

    [Theory]
    [InlineData("25/11/2569", 2026, 11, 25)]
    [InlineData("25/11/2026", 2026, 11, 25)]
    [InlineData("1/6/2569", 2026, 6, 1)]
    [InlineData("29/02/2567", 2024, 2, 29)] // 2567 B.E. = 2024, a leap year
    [InlineData("05-12-2569", 2026, 12, 5)]
    [InlineData("2026-11-25", 2026, 11, 25)] // an HTML date input
    [InlineData("2569-11-25", 2026, 11, 25)]
    public void ParseDate_EitherEra_GregorianDate(string input, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), BuddhistEra.ParseDate(input).Value);

    [Theory]
    [InlineData("29/02/2569", "does not exist")] // 2026 is not a leap year
    [InlineData("31/04/2026", "does not exist")]
    [InlineData("2026-02-30", "does not exist")]
    [InlineData("25/11/69", "day/month/year")]
    [InlineData("25 November 2026", "day/month/year")]
    [InlineData("", "Enter")]
    public void ParseDate_Invalid_BilingualError(string input, string english)
    {
        var parsed = BuddhistEra.ParseDate(input);
        Assert.False(parsed.IsValid);
        Assert.Contains(english, parsed.Error!.Value.En, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Error!.Value.Th));
    }
}
