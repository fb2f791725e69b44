using System.Globalization;
using System.Text.RegularExpressions;
using Anuyat.Domain.Common;

namespace Anuyat.Domain.Payments.ThaiQr;

/// <summary>A Thai QR payload read back into its data objects, with its CRC verified.</summary>
public sealed class DecodedThaiQr(IReadOnlyList<TlvField> fields, IReadOnlyDictionary<string, IReadOnlyList<TlvField>> templates)
{
    /// <summary>The top-level data objects in payload order.</summary>
    public IReadOnlyList<TlvField> Fields { get; } = fields;

    public string? this[string tag] => Fields.FirstOrDefault(f => f.Tag == tag)?.Value;

    /// <summary>The nested data objects of a template (tags 26–51 and 62); empty when absent.</summary>
    public IReadOnlyList<TlvField> Template(string tag) => templates.TryGetValue(tag, out var sub) ? sub : [];

    public string? Sub(string tag, string subTag) => Template(tag).FirstOrDefault(f => f.Tag == subTag)?.Value;

    public bool IsDynamic => this["01"] == "12";

    public long? AmountSatang => this["54"] is { } text ? ThaiQrDecoder.ParseAmount(text) : null;

    public string? Currency => this["53"];

    public string? Country => this["58"];

    public string? BillerId => Sub("30", "01");

    public string? Reference1 => Sub("30", "02");

    public string? Reference2 => Sub("30", "03");

    /// <summary>The PromptPay proxy (tag 29) and its kind, or null.</summary>
    public (PromptPayProxyKind Kind, string Value)? PromptPay =>
        Template("29").FirstOrDefault(f => f.Tag is "01" or "02" or "03") is { } proxy
            ? ((PromptPayProxyKind)int.Parse(proxy.Tag, CultureInfo.InvariantCulture), proxy.Value)
            : null;

    public string? Crc => this["63"];
}

/// <summary>Reads a Thai QR payload (e.g. for tests and the development bank simulator) and checks its CRC.</summary>
public static partial class ThaiQrDecoder
{
    public static Result<DecodedThaiQr> Decode(string? payload)
    {
        var fields = payload is null ? null : Tlv.TryDecode(payload);
        if (payload is null || fields is null || fields.Count < 2 || fields[0] != new TlvField("00", "01"))
        {
            return Malformed();
        }

        var crc = fields[^1];
        if (crc.Tag != "63" || !CrcPattern().IsMatch(crc.Value) || fields.Take(fields.Count - 1).Any(f => f.Tag == "63"))
        {
            return Malformed();
        }

        if (!string.Equals(Crc16.Hex(payload[..^4]), crc.Value, StringComparison.OrdinalIgnoreCase))
        {
            return new RuleViolation("thaiqr.crc", new BilingualText(
                "รหัสตรวจสอบ (CRC) ของ QR ไม่ตรงกับข้อมูล ข้อมูลอาจถูกแก้ไขหรืออ่านผิด",
                "The QR payload's checksum (CRC) does not match: it was altered or misread"));
        }

        var templates = new Dictionary<string, IReadOnlyList<TlvField>>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var tag = int.Parse(field.Tag, CultureInfo.InvariantCulture);
            if (tag is (>= 26 and <= 51) or 62)
            {
                var sub = Tlv.TryDecode(field.Value);
                if (sub is null)
                {
                    return Malformed();
                }

                templates[field.Tag] = sub;
            }
        }

        if (fields.FirstOrDefault(f => f.Tag == "54") is { } amount && ParseAmount(amount.Value) is null)
        {
            return Malformed();
        }

        return new DecodedThaiQr(fields, templates);
    }

    /// <summary>"4.22" → 422 satang; null when the text is not an amount.</summary>
    public static long? ParseAmount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = AmountPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var baht = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var fraction = match.Groups[2].Value.PadRight(2, '0');
        return (baht * 100) + int.Parse(fraction, CultureInfo.InvariantCulture);
    }

    private static RuleViolation Malformed() => new("thaiqr.malformed", new BilingualText(
        "ข้อมูล QR ไม่อยู่ในรูปแบบ Thai QR Payment", "This is not a well-formed Thai QR payment payload"));

    [GeneratedRegex("^[0-9A-Fa-f]{4}$")]
    private static partial Regex CrcPattern();

    [GeneratedRegex("^([0-9]{1,10})(?:\\.([0-9]{1,2}))?$")]
    private static partial Regex AmountPattern();
}
