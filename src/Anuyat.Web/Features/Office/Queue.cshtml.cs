using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Office;

/// <summary>
/// The office's work queue: every file of this district and section that the applicant has sent, soonest legal
/// deadline first, with a tab per stage and its count, and claim / release. Nobody sees another office's files.
/// Paged, <see cref="PageSize"/> files a page: a district's closed tab holds tens of thousands of files, and the
/// page was 54 KB at a million applications (issue 11).
/// </summary>
public sealed class QueueModel(AnuyatDbContext db, IServiceDirectory directory, Catalog.CatalogStore catalog, TimeProvider clock) : PageModel
{
    public sealed record TabLink(string Key, string Label, int Count, string Url, bool Current);

    public sealed record Row(Guid Id, string Reference, string Service, string Status, DateOnly? Deadline, DateOnly? Closed, bool Overdue, string? AssignedTo, bool Mine, int RowVersion);

    public sealed record ServiceOption(string Code, string Name);

    /// <summary>Files per page: a morning's work for a section, and a page that stays small on a phone.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    /// <summary>1-based page of the current tab; <c>?p=</c>, since Razor Pages keeps <c>page</c> for its own route value.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Files in the current tab (with the filters): the tab's own count, so paging costs no extra query.</summary>
    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The link to another page of the same tab with the same filters; null past either end.</summary>
    public string? PageUrl(int number) => number < 1 || number > PageCount ? null : QueueUrl(Tab ?? "open", number);

    /// <summary>
    /// Where each row's claim and release forms post: made once per page, not by a routed form per row (50 rows of
    /// route generation were a sixth of the page's processor time at 1,000,000 applications; issue 11).
    /// </summary>
    public string ClaimAction { get; private set; } = string.Empty;

    /// <inheritdoc cref="ClaimAction"/>
    public string ReleaseAction { get; private set; } = string.Empty;

    public string OfficeName { get; private set; } = string.Empty;

    public IReadOnlyList<TabLink> Tabs { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<ServiceOption> Services { get; private set; } = [];

    /// <summary>The stages in which the office holds the file; a deficient file waits on the applicant.</summary>
    private static readonly ApplicationStatus[] OverdueStatuses = [ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.Inspection];

    private static readonly (string Key, string Th, string En, ApplicationStatus[] Statuses)[] TabDefinitions =
    [
        ("open", "ยังไม่เสร็จ", "Open", [ApplicationStatus.Submitted, ApplicationStatus.Deficient, ApplicationStatus.InReview, ApplicationStatus.Inspection, ApplicationStatus.AwaitingPayment]),
        ("intake", "รอตรวจความครบถ้วน", "Completeness check", [ApplicationStatus.Submitted]),
        ("deficient", "รอผู้ยื่นส่งเอกสาร", "With the applicant", [ApplicationStatus.Deficient]),
        ("review", "อยู่ระหว่างพิจารณา", "In review", [ApplicationStatus.InReview, ApplicationStatus.Inspection]),
        ("payment", "รอชำระเงิน", "Awaiting payment", [ApplicationStatus.AwaitingPayment]),
        ("overdue", "เกินกำหนด", "Overdue", OverdueStatuses),
        ("closed", "เสร็จสิ้น", "Closed", [ApplicationStatus.Issued, ApplicationStatus.Refused, ApplicationStatus.Withdrawn, ApplicationStatus.Lapsed]),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var me = CurrentUser.From(User)!;
        if (me.DistrictCode is null || me.SectionCode is null)
        {
            return NotFound();
        }

        await LoadAsync(me, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostClaimAsync(Guid id, int rowVersion, CancellationToken cancellationToken) =>
        ChangeAsync(id, rowVersion, (application, me) => application.AssignTo(me.AccountId, clock.GetUtcNow().UtcDateTime), cancellationToken);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, int rowVersion, CancellationToken cancellationToken) =>
        ChangeAsync(id, rowVersion, (application, _) => application.Release(clock.GetUtcNow().UtcDateTime), cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, int rowVersion, Func<PermitApplication, CurrentUser, Anuyat.Domain.Common.Result<PermitApplication>> change, CancellationToken cancellationToken)
    {
        var me = CurrentUser.From(User)!;
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id && a.DistrictCode == me.DistrictCode && a.SectionCode == me.SectionCode, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }

        if (application.RowVersion != rowVersion)
        {
            ModelState.AddModelError(string.Empty, T($"คำขอ {application.Reference} ถูกเปลี่ยนโดยผู้อื่นแล้ว รายการด้านล่างเป็นข้อมูลล่าสุด", $"{application.Reference} was changed by someone else; the list below is up to date"));
            await LoadAsync(me, cancellationToken);
            return Page();
        }

        var result = change(application, me);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, T(result.Error!.Message));
            await LoadAsync(me, cancellationToken);
            return Page();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, T("มีผู้อื่นเปลี่ยนคำขอนี้พร้อมกัน รายการด้านล่างเป็นข้อมูลล่าสุด", "Someone else changed this application at the same time; the list below is up to date"));
            db.ChangeTracker.Clear();
            await LoadAsync(me, cancellationToken);
            return Page();
        }

        return Redirect(QueueUrl(Tab ?? "open", PageNumber));
    }

    private async Task LoadAsync(CurrentUser me, CancellationToken cancellationToken)
    {
        // Names from the reference files held in memory (the rows were synced from the same files at start): two
        // queries fewer per page view (issue 11); the database answers for a code the files do not hold.
        var district = catalog.Districts.FirstOrDefault(d => d.Code == me.DistrictCode) ?? await db.Districts.AsNoTracking().FirstAsync(d => d.Code == me.DistrictCode, cancellationToken);
        var section = catalog.Sections.FirstOrDefault(s => s.Code == me.SectionCode) ?? await db.Sections.AsNoTracking().FirstAsync(s => s.Code == me.SectionCode, cancellationToken);
        OfficeName = T($"{section.NameTh} สำนักงานเขต{district.NameTh}", $"{section.NameEn}, {district.NameEn} District Office");

        var today = ApplicationsApi.BangkokToday(clock);
        var office = db.Applications.AsNoTracking().Where(a => a.DistrictCode == me.DistrictCode && a.SectionCode == me.SectionCode && a.Status != ApplicationStatus.Draft);
        if (!string.IsNullOrEmpty(Service))
        {
            office = office.Where(a => a.ServiceCode == Service);
        }

        if (Mine)
        {
            office = office.Where(a => a.AssignedTo == me.AccountId);
        }

        // One query for every tab's count, the overdue tab folded in (it was a second scan of the office's files).
        var counts = await office.GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), PastDeadline = g.Count(a => a.LegalDeadline < today) })
            .ToListAsync(cancellationToken);
        var overdueCount = counts.Where(c => OverdueStatuses.Contains(c.Status)).Sum(c => c.PastDeadline);
        var current = TabDefinitions.FirstOrDefault(t => t.Key == Tab);
        if (current.Key is null)
        {
            Tab = "open";
            current = TabDefinitions[0];
        }

        Tabs = [.. TabDefinitions.Select(t => new TabLink(
            t.Key,
            T(t.Th, t.En),
            t.Key == "overdue" ? overdueCount : counts.Where(c => t.Statuses.Contains(c.Status)).Sum(c => c.Count),
            QueueUrl(t.Key, 1),
            t.Key == Tab))];
        Total = Tabs.First(t => t.Current).Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);

        ClaimAction = QueueUrl(current.Key, PageNumber) + "&handler=Claim";
        ReleaseAction = QueueUrl(current.Key, PageNumber) + "&handler=Release";

        var statuses = current.Statuses;
        var query = Tab == "overdue" ? Overdue(office, today) : office.Where(a => statuses.Contains(a.Status));

        // Open work: soonest legal deadline first; files without one last, newest first. Closed files: the most recently
        // closed first, which is what an officer looks for there, and an order the (office, ClosedAt, Id) index gives
        // without sorting the office's whole history (3,000 files at 1,000,000 applications: 23 ms of SQLite a page;
        // issue 11). The id breaks ties, so a file never shows on two pages or on none.
        // Only the columns the list shows: the answers and the rest of the file stay in the database (bench: issue 11).
        var ordered = Tab == "closed"
            ? query.Where(a => a.ClosedAt != null).OrderByDescending(a => a.ClosedAt).ThenByDescending(a => a.Id)
            : query.OrderBy(a => a.LegalDeadline == null).ThenBy(a => a.LegalDeadline).ThenByDescending(a => a.UpdatedAt).ThenBy(a => a.Id);
        var files = await ordered
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.Reference, a.ServiceCode, a.ServiceVersion, a.Status, a.LegalDeadline, a.ClosedAt, a.AssignedTo, a.RowVersion })
            .ToListAsync(cancellationToken);
        var assigneeIds = files.Where(f => f.AssignedTo is not null).Select(f => f.AssignedTo!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Rows = [.. files.Select(a =>
        {
            var service = directory.Version(a.ServiceCode, a.ServiceVersion);
            return new Row(
                a.Id,
                a.Reference,
                service is null ? a.ServiceCode : T(service.NameTh, service.NameEn),
                T(a.Status.Describe()),
                a.LegalDeadline,
                a.ClosedAt is { } closed ? ApplicationClock.BangkokDate(closed) : null,
                a.LegalDeadline < today && !a.Status.IsClosed() && a.Status != ApplicationStatus.Deficient,
                a.AssignedTo is { } assignee ? names.GetValueOrDefault(assignee) : null,
                a.AssignedTo == me.AccountId,
                a.RowVersion);
        })];

        // The section's services come from the catalog, not from a DISTINCT over every file the office ever had
        // (that scan grew with the office's history and was the queue's slowest query at 100,000 files; issue 11).
        Services = [.. catalog.Catalog.Codes
            .Select(code => catalog.Catalog.Versions(code)[^1])
            .Where(d => d.Section == me.SectionCode)
            .Select(d => new ServiceOption(d.Code, T(d.Name.Th, d.Name.En)))
            .OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>The queue's address for a tab and page, keeping the service and "mine" filters.</summary>
    private string QueueUrl(string tab, int page) =>
        $"/office/queue?tab={Uri.EscapeDataString(tab)}" + (string.IsNullOrEmpty(Service) ? "" : "&service=" + Uri.EscapeDataString(Service)) + (Mine ? "&mine=true" : "") + (page > 1 ? $"&p={page}" : "");

    /// <summary>Files the office still holds past their legal deadline (not those waiting on the applicant).</summary>
    private static IQueryable<PermitApplication> Overdue(IQueryable<PermitApplication> office, DateOnly today) =>
        office.Where(a => a.LegalDeadline < today && OverdueStatuses.Contains(a.Status));
}
