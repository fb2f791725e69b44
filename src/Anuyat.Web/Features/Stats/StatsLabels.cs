using System.Globalization;
using Anuyat.Domain.Common;
using Anuyat.Domain.Organisation;
using Anuyat.Domain.Stats;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Stats;
using Anuyat.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Stats;

/// <summary>Names for the keys of the dashboard's rows, in Thai and English; months in the Buddhist era in Thai.</summary>
public sealed class StatsLabels
{
    private static readonly CultureInfo Thai = CreateThai();
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private StatsLabels(IReadOnlyList<District> districts, IReadOnlyList<Section> sections, CatalogStore catalog)
    {
        Districts = districts;
        Sections = sections;
        Catalog = catalog;
    }

    public IReadOnlyList<District> Districts { get; }

    public IReadOnlyList<Section> Sections { get; }

    public CatalogStore Catalog { get; }

    public IReadOnlyCollection<string> ServiceCodes => Catalog.Catalog.Codes;

    public static async Task<StatsLabels> LoadAsync(AnuyatDbContext db, CatalogStore catalog, CancellationToken ct) =>
        new(await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct), await db.Sections.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct), catalog);

    public BilingualText Name(StatsDimension by, string key)
    {
        switch (by)
        {
            case StatsDimension.Month when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var month):
                var first = StatsCalendar.FirstDay(month).ToDateTime(TimeOnly.MinValue);
                return new(first.ToString("MMM yyyy", Thai), first.ToString("MMM yyyy", English));
            case StatsDimension.District:
                return Districts.FirstOrDefault(d => d.Code == key) is { } d ? new($"{d.NameTh} ({d.Code})", $"{d.NameEn} ({d.Code})") : new(key, key);
            case StatsDimension.DistrictGroup:
                return Districts.FirstOrDefault(d => d.GroupEn == key) is { } g ? new(g.GroupTh, g.GroupEn) : new(key, key);
            case StatsDimension.Section:
                return Sections.FirstOrDefault(s => s.Code == key) is { } s ? new(s.NameTh, s.NameEn) : new(key, key);
            case StatsDimension.Service:
                return Catalog.Catalog.Versions(key) is { Count: > 0 } versions ? versions[^1].Name.ToBilingual() : new(key, key);
            case StatsDimension.Pilot:
                return key == "pilot" ? new("เขตนำร่อง", "Pilot districts") : new("เขตอื่น", "Other districts");
            default:
                return new(key, key);
        }
    }

    /// <summary>
    /// A month as a chart's axis says it, short enough for 360 px: "ต.ค. 66" (the Buddhist year in two digits, as Thai
    /// documents abbreviate it) and "Oct 2023". <paramref name="key"/> is the rollup's month key.
    /// </summary>
    public static BilingualText AxisMonth(string key)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var month))
        {
            return new(key, key);
        }

        var first = StatsCalendar.FirstDay(month).ToDateTime(TimeOnly.MinValue);
        return new(first.ToString("MMM yy", Thai), first.ToString("MMM yyyy", English));
    }

    private static CultureInfo CreateThai()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("th-TH").Clone();
        culture.DateTimeFormat.Calendar = new ThaiBuddhistCalendar();
        return CultureInfo.ReadOnly(culture);
    }
}
