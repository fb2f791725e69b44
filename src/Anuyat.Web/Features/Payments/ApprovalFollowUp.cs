using Anuyat.Domain.Applications;
using Anuyat.Domain.Common;
using Anuyat.Domain.Payments;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Permits;

namespace Anuyat.Web.Features.Payments;

/// <summary>
/// What an approval sets off, in the approval's own transaction: the fee invoice when the approved answers cost
/// something, otherwise the permit straight away.
/// </summary>
public sealed class ApprovalFollowUp(AnuyatDbContext db, IServiceDirectory directory, ApplicationEvents events, PermitIssuance permits, TimeProvider clock)
{
    public async Task<DomainError?> AfterApprovalAsync(CurrentUser approver, PermitApplication application, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.Status == ApplicationStatus.Issued)
        {
            var issued = await permits.IssueAsync(application, ct);
            return issued.IsSuccess ? null : issued.Error;
        }

        if (application.Status != ApplicationStatus.AwaitingPayment)
        {
            return null;
        }

        var quote = directory.Fee(application);
        if (!quote.IsSuccess)
        {
            return quote.Error;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = ApplicationClock.BangkokDate(now);
        var key = DocumentNumber.CounterKeyFor(application.DistrictCode, DocumentNumber.Invoice, ThaiFiscalYear.Of(today));
        var number = DocumentNumber.ForInvoice(application.DistrictCode, today, await Counters.NextAsync(db, key, ct));
        var lines = quote.Value.Lines.Where(l => l.AmountSatang > 0).Select(l => new InvoiceLine(l.Code, l.LabelTh, l.LabelEn, l.AmountSatang)).ToList();
        var invoice = Invoice.Issue(Guid.NewGuid(), application.Id, application.Reference, number, lines, now);
        db.Invoices.Add(invoice);
        events.Record(approver, application, "invoice-issued", new(
            $"ออกใบแจ้งชำระค่าธรรมเนียมเลขที่ {invoice.Number} จำนวน {Baht(invoice.AmountSatang)} บาท",
            $"Fee invoice {invoice.Number} issued for THB {Baht(invoice.AmountSatang)}"), new { invoice = invoice.Number, invoice.AmountSatang });
        return null;
    }

    public static string Baht(long satang) => Anuyat.Infrastructure.Pdf.PaymentReceiptDocument.Baht(satang);
}
