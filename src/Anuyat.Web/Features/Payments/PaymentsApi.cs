using Anuyat.Domain.Payments;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anuyat.Web.Features.Payments;

/// <summary>The invoice for the owner, and the bank's confirmation callback (API.md).</summary>
public static class PaymentsApi
{
    /// <summary>A callback body is small; anything larger is not from the bank.</summary>
    public const int MaxCallbackBytes = 16 * 1024;

    public static WebApplication MapPaymentsApi(this WebApplication app)
    {
        app.MapGroup("/api/v1/applications").WithTags("Payments")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser())
            .MapGet("/{id:guid}/invoice", GetInvoiceAsync).WithName("GetInvoice")
            .WithSummary("The fee invoice of an approved application, with its Thai QR payload (owner only; others 404).");

        app.MapPost("/api/v1/payments/callback", CallbackAsync).WithTags("Payments").WithName("PaymentCallback")
            .AllowAnonymous().DisableAntiforgery()
            .WithSummary("The bank confirms a payment: HMAC-SHA256 of the raw body in X-Signature, sentAt within 5 minutes, idempotent on transactionId.");
        return app;
    }

    public static object InvoiceBody(Invoice invoice, PaymentsOptions options) => new
    {
        number = invoice.Number,
        amountSatang = invoice.AmountSatang,
        status = invoice.Status == InvoiceStatus.Paid ? "paid" : "open",
        thaiQrPayload = invoice.Status == InvoiceStatus.Open ? options.QrPayload(invoice) : null,
        reference1 = invoice.Reference1,
        reference2 = invoice.Reference2,
        lines = invoice.Lines.Select(l => new { code = l.Code, labelTh = l.LabelTh, labelEn = l.LabelEn, amountSatang = l.AmountSatang }),
        issuedAt = invoice.IssuedAt,
        paidAt = invoice.PaidAt,
    };

    private static async Task<IResult> GetInvoiceAsync(Guid id, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, IOptions<PaymentsOptions> options, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !user.CanSee(application, rule))
        {
            return ApplicationErrors.NotFound();
        }

        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.ApplicationId == id, ct);
        return invoice is null
            ? ErrorResponses.Problem(new Domain.Common.NotFoundError("invoice-not-found", new("คำขอนี้ยังไม่มีใบแจ้งชำระ", "This application has no invoice")))
            : Results.Ok(InvoiceBody(invoice, options.Value));
    }

    private static async Task<IResult> CallbackAsync(HttpContext http, PaymentConfirmation confirmation, CancellationToken ct)
    {
        // The signature covers the exact bytes sent, so the body is read raw, never re-serialised.
        using var buffer = new MemoryStream();
        var read = new byte[8192];
        int n;
        while ((n = await http.Request.Body.ReadAsync(read, ct)) > 0)
        {
            buffer.Write(read, 0, n);
            if (buffer.Length > MaxCallbackBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
        }

        var outcome = await confirmation.HandleAsync(buffer.ToArray(), http.Request.Headers[Infrastructure.Payments.CallbackSignature.HeaderName].FirstOrDefault(), ct);
        return outcome.Error switch
        {
            null => Results.Json(outcome.Body, statusCode: outcome.Status),
            var error when outcome.Status == StatusCodes.Status401Unauthorized =>
                Results.Problem(title: Text.T(error.Message), statusCode: outcome.Status, extensions: new Dictionary<string, object?> { ["code"] = error.Code }),
            var error => ErrorResponses.Problem(error),
        };
    }
}
