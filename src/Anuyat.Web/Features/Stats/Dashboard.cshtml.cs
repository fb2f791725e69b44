using Anuyat.Domain.Common;
using Anuyat.Domain.Stats;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Stats;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Stats;

/// <summary>
/// The strategy office's dashboard: headline figures, the trend by month, a breakdown that drills from district group
/// to district to section to service, and pilot against other districts. Every number comes from the rollups, read once per page.
/// </summary>
[Authorize(Policy = AccountsSetup.Policies.Strategy)]
public sealed class DashboardModel(ReadOnlyDb replica, StatsReader reader, StatsSliceCache cache, CatalogStore catalog, TimeProvider clock) : PageModel
{
    public sealed record Crumb(BilingualText Name, string Url);

    public StatsQuery Query { get; private set; } = null!;

    public StatsLabels Labels { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>When the figures were read from the rollups (UTC); a page may be served from a slice read up to <c>Stats:CacheSeconds</c> ago.</summary>
    public DateTime ReadAt { get; private set; }

    /// <summary>How far behind the events the figures may be, said beside "as of"; nothing when the cache is off.</summary>
    public string Staleness => cache.Lifetime <= TimeSpan.Zero ? string.Empty
        : cache.MaximumAge.TotalSeconds % 60 == 0
            ? T($" (ช้ากว่าเหตุการณ์ได้ไม่เกิน {cache.MaximumAge.TotalMinutes:0} นาที)", $" (at most {cache.MaximumAge.TotalMinutes:0} min behind)")
            : T($" (ช้ากว่าเหตุการณ์ได้ไม่เกิน {cache.MaximumAge.TotalSeconds:0} วินาที)", $" (at most {cache.MaximumAge.TotalSeconds:0} s behind)");

    public StatsFigures Total { get; private set; } = null!;

    public DashboardTable Months { get; private set; } = null!;

    public DashboardTable Breakdown { get; private set; } = null!;

    public DashboardTable Pilot { get; private set; } = null!;

    public IReadOnlyList<Crumb> Crumbs { get; private set; } = [];

    public string FromText => StatsCalendar.FirstDay(Query.Filter.FromMonth).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public string ToText => StatsCalendar.FirstDay(Query.Filter.ToMonth).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public string PilotText => Query.Filter.Pilot switch { true => "pilot", false => "non-pilot", _ => "all" };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>CSV or XLSX of one of the tables shown, with the page's filters.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        if (!ModelStateIsValidAfter(await LoadAsync(ct)))
        {
            return Page();
        }

        var chosen = table switch
        {
            "months" => Months,
            "breakdown" => Breakdown,
            "pilot" => Pilot,
            _ => null,
        };
        if (chosen is null || format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }

        var name = $"anuyat-stats-{chosen.Id}-{FromText}-{ToText}.{format}";
        return format == "csv"
            ? File(DashboardExports.Csv(chosen), "text/csv; charset=utf-8", name)
            : File(DashboardExports.Xlsx(chosen), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>The page's query string with some parameters replaced (null removes one).</summary>
    public string Link(params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["from"] = FromText,
            ["to"] = ToText,
            ["pilot"] = Query.Filter.Pilot is null ? null : PilotText,
            ["districtGroup"] = Query.Filter.DistrictGroup,
            ["district"] = Query.Filter.District,
            ["section"] = Query.Filter.Section,
            ["service"] = Query.Filter.Service,
        };
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return "/dashboard?" + string.Join('&', values.Where(v => v.Value is not null).Select(v => v.Key + "=" + Uri.EscapeDataString(v.Value!)));
    }

    public string ExportLink(string table, string format) => Link(("handler", "export"), ("table", table), ("format", format));

    public string OverdueLink() => Link().Replace("/dashboard?", "/dashboard/overdue?", StringComparison.Ordinal);

    private static bool ModelStateIsValidAfter(bool valid) => valid;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Labels = await StatsLabels.LoadAsync(replica.Context, catalog, ct);
        Today = ApplicationsApi.BangkokToday(clock);
        var (query, errors) = StatsQuery.Parse(Request.Query, Today, [.. StatsQuery.Dimensions.Keys], Labels.Districts, Labels.Sections, Labels.ServiceCodes, ["handler", "table", "format"]);
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, T(message));
            }
        }

        var to = StatsCalendar.MonthKey(Today);
        Query = query ?? new StatsQuery(new StatsFilter(StatsQuery.AddMonths(to, -11), to), StatsDimension.District, 1, StatsQuery.DefaultPageSize);
        var f = Query.Filter;

        // The drill-down: the city by district group, a group by district, a district by section, a section by service.
        var level = f.Section is not null || f.Service is not null ? StatsDimension.Service
            : f.District is not null ? StatsDimension.Section
            : f.DistrictGroup is not null ? StatsDimension.District
            : StatsDimension.DistrictGroup;

        // One read of the slice for the whole page (pilot or not is chosen in memory, because the pilot table compares
        // both); the three tables and the charts are folds of the same rows.
        var slice = await reader.ReadSliceAsync(f with { Pilot = null }, Today, level, ct);
        ReadAt = slice.ReadAt;
        var months = slice.Table(StatsDimension.Month, f.Pilot);
        var breakdown = slice.Table(level, f.Pilot);
        var pilot = slice.Table(StatsDimension.Pilot);
        Total = months.Total;
        Months = ToTable("months", new("รายเดือน", "By month"), months, null);
        Breakdown = ToTable("breakdown", LevelTitle(level), breakdown, level switch
        {
            StatsDimension.DistrictGroup => key => Link(("districtGroup", key)),
            StatsDimension.District => key => Link(("district", key)),
            StatsDimension.Section => key => Link(("section", key)),
            _ => null,
        });
        Pilot = ToTable("pilot", new("เขตนำร่องเทียบกับเขตอื่น", "Pilot districts against the others"), pilot, null);

        var crumbs = new List<Crumb> { new(new("ทั้งกรุงเทพฯ", "All of Bangkok"), Link(("districtGroup", null), ("district", null), ("section", null), ("service", null))) };
        if (f.DistrictGroup is { } g)
        {
            crumbs.Add(new(Labels.Name(StatsDimension.DistrictGroup, g), Link(("district", null), ("section", null), ("service", null))));
        }

        if (f.District is { } d)
        {
            crumbs.Add(new(Labels.Name(StatsDimension.District, d), Link(("section", null), ("service", null))));
        }

        if (f.Section is { } s)
        {
            crumbs.Add(new(Labels.Name(StatsDimension.Section, s), Link(("service", null))));
        }

        if (f.Service is { } sv)
        {
            crumbs.Add(new(Labels.Name(StatsDimension.Service, sv), Link()));
        }

        Crumbs = crumbs;
        return query is not null;
    }

    private DashboardTable ToTable(string id, BilingualText title, StatsTable table, Func<string, string>? drill) => new(
        id,
        title,
        table.By,
        [.. table.Rows.Select(r => new DashboardRow(r.Key, Labels.Name(table.By, r.Key), r.Figures, drill?.Invoke(r.Key)))],
        table.Total);

    private static BilingualText LevelTitle(StatsDimension level) => level switch
    {
        StatsDimension.DistrictGroup => new("ตามกลุ่มเขต", "By district group"),
        StatsDimension.District => new("ตามเขต", "By district"),
        StatsDimension.Section => new("ตามฝ่าย", "By section"),
        _ => new("ตามบริการ", "By service"),
    };
}
