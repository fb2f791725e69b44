using Anuyat.Domain.Common;

namespace Anuyat.Domain.Payments;

public enum InvoiceStatus
{
    /// <summary>Waiting for the bank's confirmation.</summary>
    Open,

    /// <summary>Paid in full; a receipt was issued.</summary>
    Paid,
}

/// <summary>One line of an invoice, in both languages, in satang.</summary>
public sealed record InvoiceLine(string Code, string LabelTh, string LabelEn, long AmountSatang);

/// <summary>
/// The fee invoice an approval produces (the fee rules of the service version the application follows, applied to
/// the approved answers). The references are what the bank passes back with the payment: reference 1 is the
/// application reference, reference 2 the invoice number, both as digits.
/// </summary>
public sealed class Invoice
{
    private Invoice()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>e.g. 1001-INV-2570-000001 (<see cref="DocumentNumber"/>).</summary>
    public string Number { get; private set; } = string.Empty;

    public string DistrictCode { get; private set; } = string.Empty;

    public long AmountSatang { get; private set; }

    public List<InvoiceLine> Lines { get; private set; } = [];

    public string Reference1 { get; private set; } = string.Empty;

    public string Reference2 { get; private set; } = string.Empty;

    public InvoiceStatus Status { get; private set; }

    public DateTime IssuedAt { get; private set; }

    public DateTime? PaidAt { get; private set; }

    public static Invoice Issue(Guid id, Guid applicationId, string applicationReference, DocumentNumber number, IReadOnlyList<InvoiceLine> lines, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var total = lines.Sum(l => l.AmountSatang);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 1, nameof(lines));
        return new Invoice
        {
            Id = id,
            ApplicationId = applicationId,
            Number = number.ToString(),
            DistrictCode = number.DistrictCode,
            AmountSatang = total,
            Lines = [.. lines],
            Reference1 = DocumentNumber.DigitsOf(applicationReference),
            Reference2 = DocumentNumber.DigitsOf(number.ToString()),
            Status = InvoiceStatus.Open,
            IssuedAt = now,
        };
    }

    /// <summary>Whether a bank's confirmation settles this invoice: open, same references, exactly the amount due.</summary>
    public DomainError? CheckPayment(string? reference1, string? reference2, long amountSatang)
    {
        if (Status != InvoiceStatus.Open)
        {
            return new RuleViolation("invoice-not-open", new BilingualText("ใบแจ้งชำระนี้ชำระแล้ว", "This invoice has already been paid"));
        }

        if (!string.Equals(reference1, Reference1, StringComparison.Ordinal) || !string.Equals(reference2, Reference2, StringComparison.Ordinal))
        {
            return new RuleViolation("unknown-reference", new BilingualText("เลขอ้างอิงไม่ตรงกับใบแจ้งชำระที่ค้างชำระ", "The references do not match an open invoice"));
        }

        // Partial or excess payments are not matched automatically: the cashier settles them by hand.
        return amountSatang == AmountSatang ? null
            : new RuleViolation("amount-mismatch", new BilingualText("จำนวนเงินไม่ตรงกับยอดที่ต้องชำระ", "The amount does not match the amount due"));
    }

    public void MarkPaid(DateTime paidAt)
    {
        Status = InvoiceStatus.Paid;
        PaidAt = paidAt;
    }
}

/// <summary>A payment the bank confirmed, once per bank transaction id, with the receipt it produced.</summary>
public sealed class Payment
{
    private Payment()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The bank's transaction id: a second confirmation of the same transaction is the same payment.</summary>
    public string TransactionId { get; private set; } = string.Empty;

    public Guid InvoiceId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public long AmountSatang { get; private set; }

    /// <summary>When the payer paid, as the bank states it.</summary>
    public DateTime PaidAt { get; private set; }

    /// <summary>When the confirmation reached us.</summary>
    public DateTime ReceivedAt { get; private set; }

    /// <summary>The receipt's running number, e.g. 1001-RCT-2570-000001.</summary>
    public string ReceiptNumber { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the callback body, so a replay with different content is told apart from a true repeat.</summary>
    public string BodySha256 { get; private set; } = string.Empty;

    public static Payment Record(Guid id, string transactionId, Invoice invoice, long amountSatang, DateTime paidAt, DateTime receivedAt, DocumentNumber receipt, string bodySha256)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new Payment
        {
            Id = id,
            TransactionId = transactionId,
            InvoiceId = invoice.Id,
            ApplicationId = invoice.ApplicationId,
            AmountSatang = amountSatang,
            PaidAt = paidAt,
            ReceivedAt = receivedAt,
            ReceiptNumber = receipt.ToString(),
            BodySha256 = bodySha256,
        };
    }
}
