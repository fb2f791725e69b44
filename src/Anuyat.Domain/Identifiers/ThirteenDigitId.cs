namespace Anuyat.Domain.Identifiers;

/// <summary>
/// The check digit shared by the Thai national ID and the 13-digit juristic person / tax ID: digits 1–12 weighted
/// 13 down to 2, check = (11 − sum mod 11) mod 10, which must equal digit 13 (FACTS.md §6.1).
/// </summary>
public static class ThirteenDigitId
{
    public static bool HasValidCheckDigit(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length != 13 || !Typed.AllAsciiDigits(digits))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (digits[i] - '0') * (13 - i);
        }

        return (11 - (sum % 11)) % 10 == digits[12] - '0';
    }

    /// <summary>The usual written form 1-2345-67890-12-1.</summary>
    public static string Format(string digits) =>
        $"{digits[..1]}-{digits[1..5]}-{digits[5..10]}-{digits[10..12]}-{digits[12..]}";
}
