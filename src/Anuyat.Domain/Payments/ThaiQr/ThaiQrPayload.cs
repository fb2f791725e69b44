using System.Globalization;

namespace Anuyat.Domain.Payments.ThaiQr;

/// <summary>In which order the fixed trailing tags are written; both are valid, since EMVCo fixes only 00 first and 63 last.</summary>
public enum ThaiQrFieldOrder
{
    /// <summary>Ascending tag numbers (53 currency, 54 amount, 58 country, 59, 60): the EMVCo specification's order.</summary>
    Ascending,

    /// <summary>58 country, then 53 currency, then 54 amount: the order of the widely used promptpay-qr generator.</summary>
    CountryBeforeCurrency,
}

/// <summary>Optional parts of a Thai QR payload.</summary>
/// <param name="MerchantName">Tag 59, up to 25 printable ASCII characters.</param>
/// <param name="City">Tag 60, up to 15 printable ASCII characters.</param>
public sealed record ThaiQrOptions(string? MerchantName = null, string? City = null, ThaiQrFieldOrder Order = ThaiQrFieldOrder.Ascending);

/// <summary>
/// Builds EMVCo merchant-presented QR payloads per the Bank of Thailand Thai QR Code standard (FACTS.md §6.2).
/// A payload with an amount is dynamic (tag 01 = 12, one payment); without, static (11).
/// </summary>
public static class ThaiQrPayload
{
    public const string PromptPayAid = "A000000677010111";
    public const string BillPaymentAid = "A000000677010112";
    public const string CurrencyThb = "764";
    public const string CountryThailand = "TH";

    public static string PromptPay(PromptPayTarget target, long? amountSatang = null, ThaiQrOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var merchant = Tlv.Encode([
            new TlvField("00", PromptPayAid),
            new TlvField(((int)target.Kind).ToString("D2", CultureInfo.InvariantCulture), target.Value),
        ]);
        return Build(new TlvField("29", merchant), amountSatang, options ?? new ThaiQrOptions());
    }

    public static string BillPayment(BillPaymentTarget target, long? amountSatang = null, ThaiQrOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var fields = new List<TlvField>
        {
            new("00", BillPaymentAid),
            new("01", target.BillerId),
            new("02", target.Reference1),
        };
        if (target.Reference2 is not null)
        {
            fields.Add(new TlvField("03", target.Reference2));
        }

        return Build(new TlvField("30", Tlv.Encode(fields)), amountSatang, options ?? new ThaiQrOptions());
    }

    /// <summary>Satang as the tag 54 amount: baht with exactly two decimals, e.g. 422 → "4.22".</summary>
    public static string FormatAmount(long satang)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(satang, 1);
        var text = string.Create(CultureInfo.InvariantCulture, $"{satang / 100}.{satang % 100:D2}");
        return text.Length <= 13 ? text : throw new ArgumentOutOfRangeException(nameof(satang), "The amount does not fit in 13 characters.");
    }

    private static string Build(TlvField merchantAccount, long? amountSatang, ThaiQrOptions options)
    {
        CheckText(options.MerchantName, 25, nameof(options.MerchantName));
        CheckText(options.City, 15, nameof(options.City));

        var fields = new List<TlvField>
        {
            new("00", "01"),
            new("01", amountSatang is null ? "11" : "12"),
            merchantAccount,
        };
        var currency = new TlvField("53", CurrencyThb);
        var country = new TlvField("58", CountryThailand);
        TlvField? amount = amountSatang is { } satang ? new TlvField("54", FormatAmount(satang)) : null;
        if (options.Order == ThaiQrFieldOrder.CountryBeforeCurrency)
        {
            fields.Add(country);
            fields.Add(currency);
            AddIfPresent(fields, amount);
        }
        else
        {
            fields.Add(currency);
            AddIfPresent(fields, amount);
            fields.Add(country);
        }

        AddIfPresent(fields, options.MerchantName is null ? null : new TlvField("59", options.MerchantName));
        AddIfPresent(fields, options.City is null ? null : new TlvField("60", options.City));

        var body = Tlv.Encode(fields) + "6304";
        return body + Crc16.Hex(body);
    }

    private static void AddIfPresent(List<TlvField> fields, TlvField? field)
    {
        if (field is not null)
        {
            fields.Add(field);
        }
    }

    private static void CheckText(string? value, int maxLength, string name)
    {
        if (value is not null && (value.Length is 0 || value.Length > maxLength || value.Any(c => c is < ' ' or > '~')))
        {
            throw new ArgumentException($"{name} must be 1 to {maxLength} printable ASCII characters.", name);
        }
    }
}
