using Anuyat.Infrastructure.Pdf;
using Anuyat.Web.Features.Permits;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anuyat.Web.Features.Payments;

/// <summary>Payments and permits: invoices, Thai QR, the bank's callback, receipts; issued permits, verification, the register.</summary>
public static class PaymentsSetup
{
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PaymentsOptions>().Bind(builder.Configuration.GetSection(PaymentsOptions.Section));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<PermitDocument>();
        builder.Services.AddSingleton<PaymentReceiptDocument>();
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddScoped<PermitIssuance>();
        builder.Services.AddScoped<ApprovalFollowUp>();
        builder.Services.AddScoped<PaymentConfirmation>();
        builder.Services.AddScoped<PermitRevocation>();
        if (!builder.Environment.IsDevelopment())
        {
            // The bank simulator signs callbacks with the real secret: it exists only in Development.
            builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRouteModelConvention("/Payments/BankSimulator", model => model.Selectors.Clear()));
        }

        return builder;
    }

    public static WebApplication MapPayments(this WebApplication app)
    {
        app.MapPaymentsApi();
        app.MapPermitsApi();
        return app;
    }
}
