using System.Text.Json;
using System.Text.Json.Nodes;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Web.Platform;

namespace Anuyat.Web.Features.Catalog;

/// <summary>The service catalog: every permit's citizen's manual as versioned data, over HTTP and as public pages.</summary>
public static class CatalogSetup
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => CatalogStore.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<CatalogStartupCheck>();
        return builder;
    }

    public static WebApplication MapCatalog(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/services").WithTags("Catalog");
        api.MapGet("/", (CatalogStore store) =>
                store.Catalog.AllInForce(store.Today).Select(d => CatalogResponses.Summary(d, store.AvailableIn(d.Code))).ToList())
            .WithName("ListServices")
            .WithSummary("The catalog: every service with the version in force today and the districts where it is open.");
        api.MapGet("/{code}", (string code, int? version, DateOnly? on, CatalogStore store) =>
                Find(store, code, version, on) is { } definition
                    ? Results.Ok(CatalogResponses.Manual(definition, store.AvailableIn(code)))
                    : NotFound(code))
            .WithName("GetService")
            .WithSummary("The citizen's manual: legal basis, steps with durations, documents, fees and the form's fields. ?version=N for a past version, ?on=yyyy-MM-dd for the version in force that day.");
        api.MapPost("/{code}/fee-quote", async (string code, int? version, HttpRequest request, CatalogStore store) =>
            {
                var definition = Find(store, code, version, null);
                if (definition is null)
                {
                    return NotFound(code);
                }

                var answers = await ReadAnswersAsync(request);
                if (answers is null)
                {
                    return ErrorResponses.ValidationProblem(new Dictionary<string, BilingualText[]>
                    {
                        ["answers"] = [new("ต้องส่ง answers เป็นออบเจ็กต์ JSON", "Send answers as a JSON object")],
                    });
                }

                var quote = FeeCalculator.Quote(definition, answers);
                return quote.IsSuccess ? Results.Ok(quote.Value) : ErrorResponses.Problem(quote.Error!);
            })
            .WithName("QuoteFee")
            .WithSummary("Body { answers } → { totalSatang, lines[code, labelTh, labelEn, amountSatang] }, or field errors keyed by path.");
        return app;
    }

    /// <summary>A specific version, the version in force on a date, or the one in force today.</summary>
    public static ServiceDefinition? Find(CatalogStore store, string code, int? version, DateOnly? on) =>
        version is { } v ? store.Catalog.GetVersion(code, v) : store.Catalog.InForce(code, on ?? store.Today);

    private static IResult NotFound(string code) =>
        ErrorResponses.Problem(new NotFoundError("service-not-found", new($"ไม่พบบริการ '{code}'", $"No service '{code}'")));

    private static async Task<JsonObject?> ReadAnswersAsync(HttpRequest request)
    {
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return body is JsonObject o && o["answers"] is JsonObject answers ? answers : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
