using System.Security.Cryptography;
using System.Text.Json;
using Anuyat.Domain.Common;
using Anuyat.Domain.Payments;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Payments;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Permits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anuyat.Web.Features.Payments;

/// <summary>The bank's confirmation (API.md "Bank callback").</summary>
public sealed record BankCallback(string? TransactionId, string? BillerId, string? Reference1, string? Reference2, long AmountSatang, DateTimeOffset? PaidAt, DateTimeOffset? SentAt);

/// <summary>The answer to the bank: an HTTP status and a body (a problem or the accepted payment).</summary>
public sealed record CallbackOutcome(int Status, DomainError? Error, object? Body);

/// <summary>
/// Handles a bank confirmation: signature (HMAC-SHA256 over the raw body, constant-time), freshness of
/// <c>sentAt</c>, idempotency on the transaction id, and an exact match with an open invoice. A match pays the
/// invoice, issues the receipt number, moves the application to issued and issues the permit, in one transaction.
/// Forged or stale calls are refused with 401 and recorded in the audit trail; a mismatch is 422 and changes nothing.
/// </summary>
public sealed class PaymentConfirmation(
    AnuyatDbContext db,
    IOptions<PaymentsOptions> options,
    AuditTrail audit,
    ApplicationEvents events,
    PermitIssuance permits,
    TimeProvider clock,
    ILogger<PaymentConfirmation> logger)
{
    public const string SubjectType = "payment-callback";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CallbackOutcome> HandleAsync(byte[] body, string? signature, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var settings = options.Value;
        if (!CallbackSignature.IsValid(settings.CallbackSecret, body, signature))
        {
            return await RefuseAsync("bad-signature", null, new("ลายมือชื่อดิจิทัลของธนาคารไม่ถูกต้อง", "The bank's signature is not valid"), ct);
        }

        BankCallback? callback;
        try
        {
            callback = JsonSerializer.Deserialize<BankCallback>(body, Json);
        }
        catch (JsonException)
        {
            callback = null;
        }

        if (callback is null || string.IsNullOrWhiteSpace(callback.TransactionId) || callback.TransactionId.Length > 64 || callback.SentAt is null || callback.PaidAt is null)
        {
            return new CallbackOutcome(StatusCodes.Status400BadRequest, new ValidationFailed(new Dictionary<string, BilingualText[]>
            {
                ["body"] = [new("ต้องมี transactionId, paidAt และ sentAt", "transactionId, paidAt and sentAt are required")],
            }), null);
        }

        var now = clock.GetUtcNow();
        if ((now - callback.SentAt.Value).Duration() > settings.CallbackMaxAge)
        {
            return await RefuseAsync("stale", callback.TransactionId, new("คำยืนยันจากธนาคารหมดอายุแล้ว (sentAt เกิน 5 นาที)", "The bank's confirmation is stale (sentAt is more than 5 minutes off)"), ct);
        }

        // Idempotent on the bank's transaction id: a repeat gets the same answer and changes nothing.
        var existing = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.TransactionId == callback.TransactionId, ct);
        if (existing is not null)
        {
            return await RepeatAsync(existing, callback, ct);
        }

        if (!string.IsNullOrWhiteSpace(settings.BillerId) && !string.Equals(callback.BillerId, settings.BillerId, StringComparison.Ordinal))
        {
            return Unprocessable(new RuleViolation("unknown-biller", new("รหัสผู้รับชำระ (Biller ID) ไม่ถูกต้อง", "The biller ID is not ours")));
        }

        var invoice = callback.Reference2 is { Length: > 0 } reference2 ? await db.Invoices.FirstOrDefaultAsync(i => i.Reference2 == reference2, ct) : null;
        if (invoice is null)
        {
            return Unprocessable(new RuleViolation("unknown-reference", new("ไม่พบใบแจ้งชำระตามเลขอ้างอิง", "No invoice has these references")));
        }

        if (invoice.CheckPayment(callback.Reference1, callback.Reference2, callback.AmountSatang) is { } mismatch)
        {
            return Unprocessable(mismatch);
        }

        var application = await db.Applications.FirstAsync(a => a.Id == invoice.ApplicationId, ct);
        var issued = application.IssueAfterPayment(now.UtcDateTime);
        if (!issued.IsSuccess)
        {
            return Unprocessable(issued.Error!);
        }

        var paidOn = ApplicationClock.BangkokDate(callback.PaidAt.Value.UtcDateTime);
        var receiptKey = DocumentNumber.CounterKeyFor(invoice.DistrictCode, DocumentNumber.Receipt, ThaiFiscalYear.Of(paidOn));
        var receipt = DocumentNumber.ForReceipt(invoice.DistrictCode, paidOn, await Counters.NextAsync(db, receiptKey, ct));
        var payment = Payment.Record(Guid.NewGuid(), callback.TransactionId, invoice, callback.AmountSatang, callback.PaidAt.Value.UtcDateTime, now.UtcDateTime, receipt, Convert.ToHexStringLower(SHA256.HashData(body)));
        invoice.MarkPaid(payment.PaidAt);
        db.Payments.Add(payment);
        events.Record(null, application, "paid", new(
            $"ชำระค่าธรรมเนียม {ApprovalFollowUp.Baht(payment.AmountSatang)} บาทแล้ว ใบเสร็จเลขที่ {payment.ReceiptNumber}",
            $"Fee of THB {ApprovalFollowUp.Baht(payment.AmountSatang)} paid; receipt {payment.ReceiptNumber}"), new { invoice = invoice.Number, receipt = payment.ReceiptNumber, payment.TransactionId });
        var permit = await permits.IssueAsync(application, ct);
        if (!permit.IsSuccess)
        {
            return Unprocessable(permit.Error!);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // A concurrent delivery of the same transaction won the race: answer as for a repeat.
            logger.LogInformation(e, "Concurrent bank callback for transaction {TransactionId}", callback.TransactionId);
            db.ChangeTracker.Clear();
            var winner = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.TransactionId == callback.TransactionId, ct);
            if (winner is null)
            {
                throw;
            }

            return await RepeatAsync(winner, callback, ct);
        }

        return Accepted(payment, invoice.Number, permit.Value.Number);
    }

    private async Task<CallbackOutcome> RepeatAsync(Payment existing, BankCallback callback, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().FirstAsync(i => i.Id == existing.InvoiceId, ct);
        if (existing.AmountSatang != callback.AmountSatang || !string.Equals(invoice.Reference2, callback.Reference2, StringComparison.Ordinal))
        {
            return new CallbackOutcome(StatusCodes.Status409Conflict, new ConflictError("transaction-reused", new(
                "เลขที่รายการนี้ถูกใช้กับการชำระเงินอื่นแล้ว", "This transaction id was already used for a different payment")), null);
        }

        var permit = await db.Permits.AsNoTracking().Where(p => p.ApplicationId == existing.ApplicationId).Select(p => p.Number).FirstOrDefaultAsync(ct);
        return Accepted(existing, invoice.Number, permit);
    }

    private static CallbackOutcome Accepted(Payment payment, string invoiceNumber, string? permitNumber) => new(StatusCodes.Status200OK, null, new
    {
        status = "accepted",
        transactionId = payment.TransactionId,
        invoiceNumber,
        receiptNumber = payment.ReceiptNumber,
        amountSatang = payment.AmountSatang,
        permitNumber,
    });

    private static CallbackOutcome Unprocessable(DomainError error) => new(StatusCodes.Status422UnprocessableEntity, error, null);

    /// <summary>A forged or stale call: 401, and an audit event so a run of them is visible. Nothing else changes.</summary>
    private async Task<CallbackOutcome> RefuseAsync(string reason, string? transactionId, BilingualText message, CancellationToken ct)
    {
        audit.Append(AuditActor.System, "payments.callback-refused", SubjectType, transactionId is { Length: <= 64 } id ? id : "unknown",
            new($"ปฏิเสธคำยืนยันการชำระเงิน: {message.Th}", $"Payment confirmation refused: {message.En}"), new { reason });
        db.ChangeTracker.Entries().Where(e => e.Entity is not AuditEvent).ToList().ForEach(e => e.State = EntityState.Detached);
        await db.SaveChangesAsync(ct);
        return new CallbackOutcome(StatusCodes.Status401Unauthorized, new RuleViolation("callback-refused", message), null);
    }
}
