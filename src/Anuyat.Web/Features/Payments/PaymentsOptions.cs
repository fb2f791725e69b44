using Anuyat.Domain.Payments;
using Anuyat.Domain.Payments.ThaiQr;

namespace Anuyat.Web.Features.Payments;

/// <summary>
/// Configuration section <c>Payments</c>. Which bank acquires BMA's Bill Payment and its biller ID are not known
/// (FACTS.md §6.2 [NC]): a deployment sets them; without a biller ID the QR is a PromptPay transfer to
/// <see cref="PromptPayId"/>; with neither, the invoice shows no QR and is paid at the counter.
/// </summary>
public sealed class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary>The Bill Payment biller ID the acquiring bank issued (13 or 15 digits).</summary>
    public string? BillerId { get; set; }

    /// <summary>The PromptPay proxy (13-digit tax ID) for deployments without a biller ID.</summary>
    public string? PromptPayId { get; set; }

    /// <summary>The shared secret of the bank's callback signature (HMAC-SHA256). Without it every callback is refused.</summary>
    public string? CallbackSecret { get; set; }

    /// <summary>How old a callback's <c>sentAt</c> may be (API.md: 5 minutes), either way, to allow for clock skew.</summary>
    public TimeSpan CallbackMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The Thai QR payload of an open invoice, or null when no payment target is configured.</summary>
    public string? QrPayload(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (!string.IsNullOrWhiteSpace(BillerId))
        {
            var target = BillPaymentTarget.Create(BillerId, invoice.Reference1, invoice.Reference2);
            return target.IsValid ? ThaiQrPayload.BillPayment(target.Value, invoice.AmountSatang) : null;
        }

        if (!string.IsNullOrWhiteSpace(PromptPayId))
        {
            var target = PromptPayTarget.NationalOrTaxId(PromptPayId);
            return target.IsValid ? ThaiQrPayload.PromptPay(target.Value, invoice.AmountSatang) : null;
        }

        return null;
    }

    /// <summary>"Bill Payment" or "PromptPay": what the citizen's banking app will show.</summary>
    public string Kind => !string.IsNullOrWhiteSpace(BillerId) ? "bill-payment" : "promptpay";
}
