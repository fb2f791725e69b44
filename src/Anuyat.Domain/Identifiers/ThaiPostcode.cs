using Anuyat.Domain.Common;

namespace Anuyat.Domain.Identifiers;

/// <summary>A Thai postcode: 5 digits whose first two name the province (10–96); Bangkok's are 10xxx.</summary>
public sealed record ThaiPostcode
{
    private ThaiPostcode(string value) => Value = value;

    public string Value { get; }

    public bool IsBangkok => Value.StartsWith("10", StringComparison.Ordinal);

    public static Parsed<ThaiPostcode> Parse(string? input)
    {
        var digits = Typed.Digits(input);
        if (digits.Length == 0)
        {
            return new BilingualText("กรอกรหัสไปรษณีย์", "Enter the postcode");
        }

        if (digits.Length != 5 || !Typed.AllAsciiDigits(digits))
        {
            return new BilingualText("รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลัก", "A postcode is 5 digits");
        }

        var province = (digits[0] - '0') * 10 + (digits[1] - '0');
        return province is < 10 or > 96
            ? new BilingualText("ไม่มีรหัสไปรษณีย์นี้ในประเทศไทย", "This is not a Thai postcode")
            : new ThaiPostcode(digits);
    }

    /// <summary>For a site in Bangkok: a valid postcode that starts with 10.</summary>
    public static Parsed<ThaiPostcode> ParseBangkok(string? input)
    {
        var parsed = Parse(input);
        return !parsed.IsValid || parsed.Value.IsBangkok
            ? parsed
            : new BilingualText("รหัสไปรษณีย์ในกรุงเทพมหานครขึ้นต้นด้วย 10", "Bangkok postcodes start with 10");
    }

    public override string ToString() => Value;
}
