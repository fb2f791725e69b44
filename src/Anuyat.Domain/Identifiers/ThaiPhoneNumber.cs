using Anuyat.Domain.Common;

namespace Anuyat.Domain.Identifiers;

public enum PhoneKind
{
    Mobile,
    Landline,
}

/// <summary>
/// A Thai phone number in national form: mobile 06/08/09 + 8 digits, or a fixed line 0 + 8 digits (Bangkok 02 + 7
/// digits; provinces 03x, 04x, 05x, 07x + 6). +66 / 66 in front is read as the leading 0.
/// </summary>
public sealed record ThaiPhoneNumber
{
    private ThaiPhoneNumber(string national, PhoneKind kind)
    {
        National = national;
        Kind = kind;
    }

    /// <summary>The number as dialled in Thailand, e.g. 0812345678.</summary>
    public string National { get; }

    public PhoneKind Kind { get; }

    /// <summary>E.164, e.g. +66812345678 (for SMS gateways).</summary>
    public string E164 => "+66" + National[1..];

    public bool IsBangkokLandline => Kind == PhoneKind.Landline && National.StartsWith("02", StringComparison.Ordinal);

    public static Parsed<ThaiPhoneNumber> Parse(string? input)
    {
        var text = Typed.Digits(input, keepPlus: true);
        if (text.Length == 0)
        {
            return new BilingualText("กรอกหมายเลขโทรศัพท์", "Enter a phone number");
        }

        if (text.StartsWith("+66", StringComparison.Ordinal))
        {
            text = "0" + text[3..];
        }
        else if (text.StartsWith("0066", StringComparison.Ordinal))
        {
            text = "0" + text[4..];
        }
        else if (text.StartsWith("66", StringComparison.Ordinal) && text.Length is 10 or 11)
        {
            text = "0" + text[2..];
        }

        // "+66 0812…" is a common slip: the 0 typed after the country code is dropped.
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = text[1..];
        }

        if (!Typed.AllAsciiDigits(text))
        {
            return new BilingualText("หมายเลขโทรศัพท์ต้องเป็นตัวเลขเท่านั้น", "A phone number may contain only digits");
        }

        if (text.Length == 10 && text[0] == '0' && text[1] is '6' or '8' or '9')
        {
            return new ThaiPhoneNumber(text, PhoneKind.Mobile);
        }

        if (text.Length == 9 && text[0] == '0' && text[1] is '2' or '3' or '4' or '5' or '7')
        {
            return new ThaiPhoneNumber(text, PhoneKind.Landline);
        }

        return new BilingualText(
            "หมายเลขโทรศัพท์ไม่ถูกต้อง มือถือ 10 หลักขึ้นต้นด้วย 06 08 หรือ 09 โทรศัพท์บ้าน 9 หลัก เช่น 02 123 4567",
            "This is not a Thai phone number: a mobile has 10 digits starting 06, 08 or 09; a landline 9 digits, e.g. 02 123 4567");
    }

    public override string ToString() => National;
}
