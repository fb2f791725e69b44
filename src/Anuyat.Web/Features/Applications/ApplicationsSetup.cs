using Anuyat.Infrastructure.Pdf;

namespace Anuyat.Web.Features.Applications;

/// <summary>Applications: the citizen's drafts and filed applications, and the API over them.</summary>
public static class ApplicationsSetup
{
    public static WebApplicationBuilder AddApplications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApplicationClock>();
        builder.Services.AddSingleton<IServiceDirectory>(sp => new CatalogServiceDirectory(sp.GetRequiredService<Catalog.CatalogStore>().Catalog));
        builder.Services.AddPdfDocuments();
        builder.Services.AddScoped<ApplicationEvents>();
        builder.Services.AddScoped<ClockDuties>();
        if (builder.Configuration.GetValue("Applications:ClockDutiesWorker", true))
        {
            builder.Services.AddHostedService<ClockDutiesWorker>();
        }
        return builder;
    }

    public static WebApplication MapApplications(this WebApplication app)
    {
        app.MapApplicationsApi().MapReviewApi().MapReceipt().MapSubmissionApi(SubmissionApi.MaxUploadBytes(app)).MapCaseworkApi(SubmissionApi.MaxUploadBytes(app));
        return app;
    }
}
