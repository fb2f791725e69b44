using Anuyat.Domain.Common;

namespace Anuyat.Domain.Identifiers;

/// <summary>A Thai national ID number (เลขประจำตัวประชาชน): 13 digits with a mod-11 check digit.</summary>
public sealed record ThaiNationalId
{
    private ThaiNationalId(string digits) => Digits = digits;

    /// <summary>The 13 digits without separators.</summary>
    public string Digits { get; }

    /// <summary>1-2345-67890-12-1.</summary>
    public string Formatted => ThirteenDigitId.Format(Digits);

    /// <summary>Accepts digits with spaces or dashes (and Thai digits).</summary>
    public static Parsed<ThaiNationalId> Parse(string? input)
    {
        var digits = Typed.Digits(input);
        if (digits.Length == 0)
        {
            return new BilingualText("กรอกเลขประจำตัวประชาชน 13 หลัก", "Enter the 13-digit national ID number");
        }

        if (!Typed.AllAsciiDigits(digits) || digits.Length != 13)
        {
            return new BilingualText("เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก", "The national ID number must be 13 digits");
        }

        return ThirteenDigitId.HasValidCheckDigit(digits)
            ? new ThaiNationalId(digits)
            : new BilingualText("เลขประจำตัวประชาชนไม่ถูกต้อง ตรวจสอบอีกครั้งว่าพิมพ์ครบทุกหลัก", "This national ID number is not valid; check each digit");
    }

    public override string ToString() => Digits;
}
