using Anuyat.Domain.Applications;
using Anuyat.Domain.Payments;
using Anuyat.Domain.Permits;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Payments;
using Anuyat.Infrastructure.Pdf;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Permits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anuyat.Web.Features.Payments;

/// <summary>
/// The applicant's fee page: the invoice lines, the Thai QR (an image rendered on the server and the payload as
/// text), and once paid the receipt and the permit. Only those who may see the application see it.
/// </summary>
[Authorize]
public sealed class InvoiceModel(AnuyatDbContext db, StaffSecondFactor rule, IOptions<PaymentsOptions> options, TimeProvider clock) : PageModel
{
    public PermitApplication Application { get; private set; } = null!;

    public Invoice? Invoice { get; private set; }

    public Payment? Payment { get; private set; }

    public Permit? Permit { get; private set; }

    public string? QrPayload { get; private set; }

    public string Kind => options.Value.Kind;

    public bool Paid => Invoice?.Status == InvoiceStatus.Paid;

    public DateOnly Today => ApplicationsApi.BangkokToday(clock);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The QR image as PNG: scanners and banking apps read it from the screen or a print-out.</summary>
    public async Task<IActionResult> OnGetQrAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || QrPayload is null || Paid)
        {
            return NotFound();
        }

        return File(QrImages.Png(QrPayload), "image/png");
    }

    public async Task<IActionResult> OnGetReceiptAsync(Guid id, [FromServices] PaymentReceiptDocument receipts, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Invoice is null || Payment is null)
        {
            return NotFound();
        }

        var district = await db.Districts.AsNoTracking().FirstAsync(d => d.Code == Application.DistrictCode, ct);
        var payer = Permit?.HolderName ?? await db.Users.AsNoTracking().Where(u => u.Id == Application.ApplicantAccountId).Select(u => u.DisplayName).FirstAsync(ct);
        var pdf = receipts.Render(new PaymentReceiptContent(
            Payment.ReceiptNumber,
            new($"สำนักงานเขต{district.NameTh} กรุงเทพมหานคร", $"{district.NameEn} District Office, Bangkok"),
            payer,
            Application.Reference,
            Invoice.Number,
            [.. Invoice.Lines.Select(l => (new Domain.Common.BilingualText(l.LabelTh, l.LabelEn), l.AmountSatang))],
            Payment.AmountSatang,
            Payment.PaidAt,
            ApplicationClock.BangkokDate(Payment.PaidAt),
            Payment.TransactionId));
        return File(pdf.Bytes, "application/pdf", $"receipt-{Payment.ReceiptNumber}.pdf");
    }

    public async Task<IActionResult> OnGetPermitAsync(Guid id, [FromServices] IDocumentStore store, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Permit is null || !CurrentUser.From(User)!.MayDownload(Permit, rule))
        {
            return NotFound();
        }

        var bytes = await PermitsApi.ReadPdfAsync(Permit, store, ct);
        return bytes is null ? NotFound() : File(bytes, "application/pdf", $"permit-{Permit.Number}.pdf");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !CurrentUser.From(User)!.CanSee(application, rule))
        {
            return false;
        }

        Application = application;
        Invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.ApplicationId == id, ct);
        Payment = Invoice is null ? null : await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.InvoiceId == Invoice.Id, ct);
        Permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.ApplicationId == id, ct);
        QrPayload = Invoice is { Status: InvoiceStatus.Open } ? options.Value.QrPayload(Invoice) : null;
        return true;
    }
}
