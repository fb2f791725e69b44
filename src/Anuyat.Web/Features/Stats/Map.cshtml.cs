using System.Globalization;
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
/// The districts on a schematic map, coloured by the share decided on time, with the same figures in a table beside
/// it. Its own page so the dashboard's one read of its slice stays one; the same filters (months, section, service, pilot).
/// </summary>
[Authorize(Policy = AccountsSetup.Policies.Strategy)]
public sealed class MapModel(AnuyatDbContext db, StatsReader reader, CatalogStore catalog, DistrictTiles layout, TimeProvider clock) : PageModel
{
    public DistrictTiles Layout => layout;

    public IReadOnlyList<SvgCharts.Tile> Tiles { get; private set; } = [];

    public DashboardTable Districts { get; private set; } = null!;

    public string RangeText { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var labels = await StatsLabels.LoadAsync(db, catalog, ct);
        var today = ApplicationsApi.BangkokToday(clock);
        var (query, errors) = StatsQuery.Parse(Request.Query, today, [.. StatsQuery.Dimensions.Keys], labels.Districts, labels.Sections, labels.ServiceCodes, []);
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, T(message));
            }
        }

        var to = StatsCalendar.MonthKey(today);
        var filter = query?.Filter ?? new StatsFilter(StatsQuery.AddMonths(to, -11), to);
        var table = await reader.ReadAsync(filter, StatsDimension.District, today, ct);
        var byCode = table.Rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        string DrillUrl(string code) => "/dashboard?" + string.Join('&', new[]
        {
            ("from", StatsCalendar.FirstDay(filter.FromMonth).ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            ("to", StatsCalendar.FirstDay(filter.ToMonth).ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            ("district", code),
        }.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));

        Tiles = [.. labels.Districts
            .Where(d => layout.Tiles.ContainsKey(d.Code))
            .Select(d =>
            {
                var (row, col) = layout.Tiles[d.Code];
                var rate = byCode.TryGetValue(d.Code, out var r) ? r.Figures.OnTimeRate : null;
                return new SvgCharts.Tile(row, col, T(d.NameTh, d.NameEn), rate, rate is { } v ? Math.Round(v * 100).ToString("0", CultureInfo.InvariantCulture) : "–", DrillUrl(d.Code));
            })];
        Districts = new DashboardTable(
            "districts",
            new("ตามเขต", "By district"),
            StatsDimension.District,
            [.. labels.Districts.Select(d => byCode.TryGetValue(d.Code, out var r)
                ? new DashboardRow(d.Code, labels.Name(StatsDimension.District, d.Code), r.Figures, DrillUrl(d.Code))
                : null).OfType<DashboardRow>()],
            table.Total);
        var first = labels.Name(StatsDimension.Month, filter.FromMonth.ToString(CultureInfo.InvariantCulture));
        var last = labels.Name(StatsDimension.Month, filter.ToMonth.ToString(CultureInfo.InvariantCulture));
        RangeText = T($"{first.Th} ถึง {last.Th}", $"{first.En} to {last.En}");
        return Page();
    }
}
