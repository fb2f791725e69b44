using Anuyat.Domain.Accounts;
using Anuyat.Domain.Stats;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Anuyat.Infrastructure.Stats;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Anuyat.Web.Platform;

namespace Anuyat.Web.Features.Stats;

/// <summary>
/// The strategy office's view: rollups kept current in the saving transaction (Infrastructure/Stats), the dashboard
/// pages (/dashboard), their CSV and XLSX exports, and <c>GET /api/v1/stats</c>, which returns the pages' numbers.
/// </summary>
public static class StatsSetup
{
    public static readonly string[] ApiDimensions = ["district", "section", "service"];

    public static WebApplicationBuilder AddStats(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RollupRebuilder>();
        builder.Services.AddScoped<StatsReader>();
        builder.Services.AddSingleton(sp => new StatsSliceCache(TimeSpan.FromSeconds(builder.Configuration.GetValue("Stats:CacheSeconds", 60)), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ILogger<StatsSliceCache>>()));
        builder.Services.AddSingleton(_ => DistrictTiles.Load(Path.Combine(ReferenceFiles.Locate("reference", builder.Configuration["Anuyat:ContentRoot"]), "district-tiles.csv")));
        return builder;
    }

    public static WebApplication MapStats(this WebApplication app)
    {
        app.MapGet("/api/v1/stats", GetStatsAsync)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser())
            .WithTags("Stats")
            .WithName("GetStats")
            .WithSummary("The dashboard's numbers by district, section or service over a range of months (admins and the strategy office).");
        return app;
    }

    /// <summary>Admins and the strategy office, with the second factor where staff need it; anyone else gets a 404.</summary>
    public static bool MayRead(CurrentUser? user, StaffSecondFactor secondFactor) =>
        user is { Role: Role.Admin or Role.Strategy } && secondFactor.IsSatisfiedBy(user);

    private static async Task<IResult> GetStatsAsync(HttpContext http, ReadOnlyDb replica, StatsReader reader, CatalogStore catalog, StaffSecondFactor secondFactor, TimeProvider clock, CancellationToken ct)
    {
        if (!MayRead(CurrentUser.From(http.User), secondFactor))
        {
            return ErrorResponses.Problem(new Domain.Common.NotFoundError("not-found", new("ไม่พบหน้านี้", "Not found")));
        }

        var labels = await StatsLabels.LoadAsync(replica.Context, catalog, ct);
        var today = ApplicationsApi.BangkokToday(clock);
        var (query, errors) = StatsQuery.Parse(http.Request.Query, today, ApiDimensions, labels.Districts, labels.Sections, labels.ServiceCodes, []);
        if (query is null)
        {
            return ErrorResponses.ValidationProblem(errors);
        }

        var slice = await reader.ReadSliceAsync(query.Filter, today, query.By, ct);
        var table = slice.Table(query.By);
        var rows = table.Rows.Where(r => r.Figures.Received > 0 || r.Figures.Decided > 0 || r.Figures.InProgress > 0 || r.Figures.Lapsed > 0 || r.Figures.Withdrawn > 0 || r.Figures.DeficiencyRecords > 0).ToList();
        var pageRows = rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r =>
            {
                var name = labels.Name(query.By, r.Key);
                return new StatsRowResponse(r.Key, name.Th, name.En, r.Figures);
            })
            .ToList();
        return Results.Ok(new StatsResponse(
            StatsQuery.Code(query.By),
            StatsCalendar.FirstDay(query.Filter.FromMonth),
            StatsCalendar.FirstDay(StatsCalendar.NextMonth(query.Filter.ToMonth)).AddDays(-1),
            today,
            slice.ReadAt,
            query.Page,
            query.PageSize,
            rows.Count,
            table.Total,
            pageRows));
    }
}

/// <summary>
/// <c>from</c>/<c>to</c> are the first and last day of the whole months counted; <c>asOf</c> is the Bangkok date
/// "overdue" is judged on. Figures: counts, rates 0–1, lead-time percentiles in whole days (upper edge of the
/// histogram bucket), office and applicant time in days per decision. <c>readAt</c> is the instant (UTC) the figures were
/// read from the rollups: answers may come from a slice read up to <c>Stats:CacheSeconds</c> (60) seconds before.
/// </summary>
public sealed record StatsResponse(string GroupBy, DateOnly From, DateOnly To, DateOnly AsOf, DateTime ReadAt, int Page, int PageSize, int TotalRows, StatsFigures Total, IReadOnlyList<StatsRowResponse> Rows);

public sealed record StatsRowResponse(string Key, string NameTh, string NameEn, StatsFigures Figures);
