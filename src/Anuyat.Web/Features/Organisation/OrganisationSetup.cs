using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Organisation;

/// <summary>The city's organisation: districts, sections, offices. Read-only over HTTP; corrected in reference/.</summary>
public static class OrganisationSetup
{
    public static WebApplicationBuilder AddOrganisation(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapOrganisation(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Organisation");
        api.MapGet("/districts", async (AnuyatDbContext db, CancellationToken ct) =>
                await db.Districts.AsNoTracking().OrderBy(d => d.Code)
                    .Select(d => new DistrictResponse(d.Code, d.NameTh, d.NameEn, d.GroupTh, d.GroupEn, d.Pilot))
                    .ToListAsync(ct))
            .WithName("ListDistricts")
            .WithSummary("The districts of the city with their district groups; the BMA OSS pilot districts are flagged.");
        api.MapGet("/sections", async (AnuyatDbContext db, CancellationToken ct) =>
                await db.Sections.AsNoTracking().OrderBy(s => s.Code)
                    .Select(s => new SectionResponse(s.Code, s.NameTh, s.NameEn))
                    .ToListAsync(ct))
            .WithName("ListSections")
            .WithSummary("The sections (ฝ่าย) of a district office; every district has each of them.");
        return app;
    }
}

public sealed record DistrictResponse(string Code, string NameTh, string NameEn, string GroupTh, string GroupEn, bool Pilot);

public sealed record SectionResponse(string Code, string NameTh, string NameEn);
