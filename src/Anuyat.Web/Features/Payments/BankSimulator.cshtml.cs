using System.Text;
using System.Text.Json;
using Anuyat.Domain.Payments;
using Anuyat.Infrastructure.Payments;
using Anuyat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anuyat.Web.Features.Payments;

/// <summary>
/// Development only (the route is removed outside Development in <see cref="PaymentsSetup"/>): plays the bank by
/// building the callback body of API.md, signing it with the configured secret, and handing it to the same code the
/// HTTP endpoint uses, so the signature, freshness and matching rules all run.
/// </summary>
[AllowAnonymous]
public sealed class BankSimulatorModel(AnuyatDbContext db, PaymentConfirmation confirmation, IOptions<PaymentsOptions> options, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Invoice> Open { get; private set; } = [];

    public CallbackOutcome? Outcome { get; private set; }

    public string OutcomeText { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPayAsync(Guid invoiceId, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId, ct);
        if (invoice is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            transactionId = "SIM" + Guid.NewGuid().ToString("N")[..17].ToUpperInvariant(),
            billerId = options.Value.BillerId,
            reference1 = invoice.Reference1,
            reference2 = invoice.Reference2,
            amountSatang = invoice.AmountSatang,
            paidAt = now,
            sentAt = now,
        });
        var signature = CallbackSignature.Sign(options.Value.CallbackSecret ?? string.Empty, body);
        Outcome = await confirmation.HandleAsync(body, signature, ct);
        OutcomeText = Encoding.UTF8.GetString(body) + "\n→ " + (Outcome.Body is { } b ? JsonSerializer.Serialize(b) : Outcome.Error?.Code);
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Open = await db.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Open).OrderByDescending(i => i.Number).Take(50).ToListAsync(ct);
}
