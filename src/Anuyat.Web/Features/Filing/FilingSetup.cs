using Anuyat.Infrastructure.Platform;

namespace Anuyat.Web.Features.Filing;

/// <summary>Filing: the citizen's journey from a service page to the confirmation, generated from the catalog.</summary>
public static class FilingSetup
{
    public static WebApplicationBuilder AddFiling(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DraftOpening>();
        builder.Services.Configure<DraftRetention>(builder.Configuration.GetSection(DraftRetention.Section));
        builder.Services.AddSingleton(_ => Subdistricts.Load(Path.Combine(ReferenceFiles.Locate("reference", builder.Configuration["Anuyat:ContentRoot"]), "subdistricts.csv")));
        builder.Services.AddScoped<DraftDuties>();
        if (builder.Configuration.GetValue("Applications:DraftDutiesWorker", true))
        {
            builder.Services.AddHostedService<DraftDutiesWorker>();
        }

        return builder;
    }
}
