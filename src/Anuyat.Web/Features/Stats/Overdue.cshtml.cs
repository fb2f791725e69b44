using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Common;
using Anuyat.Domain.Stats;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Stats;

/// <summary>
/// The files behind the dashboard's "overdue" number: open, with the office, past the legal deadline, received in the
/// range. Admins and the strategy office see the city; an officer or approver sees only their own district and section,
/// whatever the link asked for. A page of rows is read from the applications (by the queue's index), not the rollups.
/// </summary>
[Authorize(Policy = AccountsSetup.Policies.OverdueReaders)]
public sealed class OverdueModel(ReadOnlyDb replica, CatalogStore catalog, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    private static readonly ApplicationStatus[] WithTheOffice = [ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.Inspection];

    public sealed record Row(Guid Id, string Reference, BilingualText Service, BilingualText District, BilingualText Section, DateOnly Received, DateOnly Deadline, int DaysLate, string? CaseUrl);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Count { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public DateOnly Today { get; private set; }

    public BilingualText? Scope { get; private set; }

    public string? PreviousUrl { get; private set; }

    public string? NextUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = CurrentUser.From(User)!;
        var labels = await StatsLabels.LoadAsync(replica.Context, catalog, ct);
        Today = ApplicationsApi.BangkokToday(clock);
        var (query, errors) = StatsQuery.Parse(Request.Query, Today, [.. StatsQuery.Dimensions.Keys], labels.Districts, labels.Sections, labels.ServiceCodes, []);
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, T(message));
            }
        }

        var to = StatsCalendar.MonthKey(Today);
        query ??= new StatsQuery(new Infrastructure.Stats.StatsFilter(StatsQuery.AddMonths(to, -11), to), Infrastructure.Stats.StatsDimension.District, 1, PageSize);
        var f = query.Filter;
        PageNumber = query.Page;

        var files = replica.Context.Applications.AsNoTracking().Where(a => WithTheOffice.Contains(a.Status) && a.LegalDeadline < Today);
        if (me.Role is Role.Officer or Role.Approver)
        {
            // An officer's scope still applies: the office they belong to replaces whatever office the link named.
            f = f with { DistrictGroup = null, District = me.DistrictCode, Pilot = null, Section = me.SectionCode };
            files = files.Where(a => a.DistrictCode == me.DistrictCode && a.SectionCode == me.SectionCode);
            Scope = labels.Districts.FirstOrDefault(d => d.Code == me.DistrictCode) is { } own ? new($"เฉพาะสำนักงานเขต{own.NameTh}", $"Only {own.NameEn} district office") : null;
        }

        // Received in the range, in Bangkok months, like the dashboard.
        var fromUtc = StatsCalendar.FirstDay(f.FromMonth).ToDateTime(TimeOnly.MinValue) - StatsCalendar.BangkokOffset;
        var toUtc = StatsCalendar.FirstDay(StatsCalendar.NextMonth(f.ToMonth)).ToDateTime(TimeOnly.MinValue) - StatsCalendar.BangkokOffset;
        fromUtc = DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc);
        toUtc = DateTime.SpecifyKind(toUtc, DateTimeKind.Utc);
        files = files.Where(a => a.SubmittedAt >= fromUtc && a.SubmittedAt < toUtc);
        var districts = labels.Districts
            .Where(d => (f.District is null || d.Code == f.District) && (f.DistrictGroup is null || d.GroupEn == f.DistrictGroup) && (f.Pilot is null || d.Pilot == f.Pilot))
            .Select(d => d.Code)
            .ToList();
        if (districts.Count < labels.Districts.Count)
        {
            files = files.Where(a => districts.Contains(a.DistrictCode));
        }

        if (f.Section is { } section)
        {
            files = files.Where(a => a.SectionCode == section);
        }

        if (f.Service is { } service)
        {
            files = files.Where(a => a.ServiceCode == service);
        }

        Count = await files.CountAsync(ct);
        var page = await files.OrderBy(a => a.LegalDeadline).ThenBy(a => a.Reference)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.Reference, a.ServiceCode, a.DistrictCode, a.SectionCode, a.SubmittedAt, a.LegalDeadline })
            .ToListAsync(ct);
        var mayOpen = me.Role is Role.Officer or Role.Approver;
        Rows = [.. page.Select(a => new Row(
            a.Id,
            a.Reference,
            labels.Name(Infrastructure.Stats.StatsDimension.Service, a.ServiceCode),
            labels.Name(Infrastructure.Stats.StatsDimension.District, a.DistrictCode),
            labels.Name(Infrastructure.Stats.StatsDimension.Section, a.SectionCode),
            StatsCalendar.BangkokDate(a.SubmittedAt!.Value),
            a.LegalDeadline!.Value,
            Today.DayNumber - a.LegalDeadline!.Value.DayNumber,
            mayOpen ? $"/office/applications/{a.Id}" : null))];

        var baseQuery = string.Join('&', Request.Query.Where(q => q.Key != "page").Select(q => q.Key + "=" + Uri.EscapeDataString(q.Value.ToString())));
        string PageUrl(int n) => "/dashboard/overdue?" + (baseQuery.Length > 0 ? baseQuery + "&" : string.Empty) + "page=" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        PreviousUrl = PageNumber > 1 ? PageUrl(PageNumber - 1) : null;
        NextUrl = PageNumber * PageSize < Count ? PageUrl(PageNumber + 1) : null;
        return Page();
    }
}
