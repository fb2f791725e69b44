using Anuyat.Domain.Common;

namespace Anuyat.Domain.Identifiers;

/// <summary>
/// A juristic person's registration number, which is also its tax ID (เลขทะเบียนนิติบุคคล / เลขประจำตัวผู้เสียภาษี):
/// 13 digits, starting with 0, with the same check digit as the national ID (FACTS.md §6.1).
/// </summary>
public sealed record JuristicId
{
    private JuristicId(string digits) => Digits = digits;

    public string Digits { get; }

    public string Formatted => ThirteenDigitId.Format(Digits);

    public static Parsed<JuristicId> Parse(string? input)
    {
        var digits = Typed.Digits(input);
        if (digits.Length == 0)
        {
            return new BilingualText("กรอกเลขทะเบียนนิติบุคคล 13 หลัก", "Enter the 13-digit juristic person registration number");
        }

        if (!Typed.AllAsciiDigits(digits) || digits.Length != 13)
        {
            return new BilingualText("เลขทะเบียนนิติบุคคลต้องเป็นตัวเลข 13 หลัก", "The juristic person registration number must be 13 digits");
        }

        if (digits[0] != '0')
        {
            return new BilingualText(
                "เลขทะเบียนนิติบุคคลขึ้นต้นด้วย 0 หากเป็นบุคคลธรรมดาให้ใช้เลขประจำตัวประชาชน",
                "A juristic person registration number starts with 0; for a person, use the national ID number");
        }

        return ThirteenDigitId.HasValidCheckDigit(digits)
            ? new JuristicId(digits)
            : new BilingualText("เลขทะเบียนนิติบุคคลไม่ถูกต้อง ตรวจสอบอีกครั้งว่าพิมพ์ครบทุกหลัก", "This juristic person registration number is not valid; check each digit");
    }

    public override string ToString() => Digits;
}
