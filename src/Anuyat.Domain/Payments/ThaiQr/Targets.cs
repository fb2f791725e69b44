using System.Text.RegularExpressions;
using Anuyat.Domain.Common;
using Anuyat.Domain.Identifiers;

namespace Anuyat.Domain.Payments.ThaiQr;

/// <summary>Which PromptPay proxy a credit transfer (tag 29) is addressed to; the value is the sub-tag.</summary>
public enum PromptPayProxyKind
{
    /// <summary>Sub-tag 01: a mobile number, written "0066" + the number without its leading 0 (13 digits).</summary>
    Mobile = 1,

    /// <summary>Sub-tag 02: a national ID or a juristic tax ID (13 digits).</summary>
    NationalOrTaxId = 2,

    /// <summary>Sub-tag 03: an e-wallet ID (15 digits).</summary>
    EWallet = 3,
}

/// <summary>The receiver of a PromptPay credit transfer (Thai QR tag 29, FACTS.md §6.2).</summary>
public sealed partial record PromptPayTarget
{
    private PromptPayTarget(PromptPayProxyKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public PromptPayProxyKind Kind { get; }

    /// <summary>The proxy as written in the payload (a mobile number already in its "0066…" form).</summary>
    public string Value { get; }

    /// <summary>A PromptPay mobile number: 10 digits starting with 0, or +66 followed by 9 digits.</summary>
    public static Parsed<PromptPayTarget> Mobile(string? input)
    {
        var digits = Typed.Digits(input, keepPlus: true);
        if (digits.StartsWith("+66", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }

        return digits.Length == 10 && digits[0] == '0' && Typed.AllAsciiDigits(digits)
            ? new PromptPayTarget(PromptPayProxyKind.Mobile, "0066" + digits[1..])
            : new BilingualText("หมายเลขพร้อมเพย์ต้องเป็นเบอร์มือถือ 10 หลักขึ้นต้นด้วย 0", "A PromptPay mobile number has 10 digits starting with 0");
    }

    /// <summary>
    /// A national ID or tax ID registered with PromptPay. The check digit is deliberately not verified here: the
    /// PromptPay registry decides which IDs exist, and the published test vectors use 1111111111111.
    /// </summary>
    public static Parsed<PromptPayTarget> NationalOrTaxId(string? input)
    {
        var digits = Typed.Digits(input);
        return digits.Length == 13 && Typed.AllAsciiDigits(digits)
            ? new PromptPayTarget(PromptPayProxyKind.NationalOrTaxId, digits)
            : new BilingualText("เลขประจำตัวสำหรับพร้อมเพย์ต้องเป็นตัวเลข 13 หลัก", "A PromptPay ID must be 13 digits");
    }

    public static Parsed<PromptPayTarget> EWallet(string? input)
    {
        var digits = Typed.Digits(input);
        return digits.Length == 15 && Typed.AllAsciiDigits(digits)
            ? new PromptPayTarget(PromptPayProxyKind.EWallet, digits)
            : new BilingualText("เลขวอลเล็ตพร้อมเพย์ต้องเป็นตัวเลข 15 หลัก", "A PromptPay e-wallet ID must be 15 digits");
    }
}

/// <summary>
/// A Bill Payment (Thai QR tag 30): the biller ID the acquiring bank issued (a 13-digit tax ID plus a 2-digit
/// suffix, or 13 digits) and the references the bank passes back to the biller with the payment.
/// </summary>
public sealed partial record BillPaymentTarget
{
    private BillPaymentTarget(string billerId, string reference1, string? reference2)
    {
        BillerId = billerId;
        Reference1 = reference1;
        Reference2 = reference2;
    }

    public string BillerId { get; }

    public string Reference1 { get; }

    public string? Reference2 { get; }

    /// <summary>References are 1–20 characters of upper-case A–Z and 0–9 (BOT Thai QR standard, Bill Payment).</summary>
    public static Parsed<BillPaymentTarget> Create(string? billerId, string? reference1, string? reference2 = null)
    {
        var biller = Typed.Digits(billerId);
        if (!BillerIdPattern().IsMatch(biller))
        {
            return new BilingualText("Biller ID ต้องเป็นตัวเลข 13 หรือ 15 หลัก", "The biller ID must be 13 or 15 digits");
        }

        if (reference1 is null || !ReferencePattern().IsMatch(reference1))
        {
            return new BilingualText(
                "เลขอ้างอิง 1 ต้องเป็นตัวอักษรภาษาอังกฤษพิมพ์ใหญ่หรือตัวเลข ไม่เกิน 20 ตัว",
                "Reference 1 must be 1 to 20 upper-case letters or digits");
        }

        if (reference2 is not null && !ReferencePattern().IsMatch(reference2))
        {
            return new BilingualText(
                "เลขอ้างอิง 2 ต้องเป็นตัวอักษรภาษาอังกฤษพิมพ์ใหญ่หรือตัวเลข ไม่เกิน 20 ตัว",
                "Reference 2 must be 1 to 20 upper-case letters or digits");
        }

        return new BillPaymentTarget(biller, reference1, reference2);
    }

    [GeneratedRegex("^([0-9]{13}|[0-9]{15})$")]
    private static partial Regex BillerIdPattern();

    [GeneratedRegex("^[A-Z0-9]{1,20}$")]
    private static partial Regex ReferencePattern();
}
