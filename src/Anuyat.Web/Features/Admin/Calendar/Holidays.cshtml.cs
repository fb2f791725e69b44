using Anuyat.Domain.Calendar;
using Anuyat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Admin.Calendar;

/// <summary>The holiday calendar of one year: add, move or remove a day, or import a year; every change is previewed first.</summary>
[Authorize(Policy = Accounts.AccountsSetup.Policies.Admin)]
public sealed class HolidaysModel(BusinessCalendar calendar, HolidayEditor editor, AnuyatDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public string? Op { get; set; }

    // Dates are read as ISO text: the Thai culture's default calendar is Buddhist, and the model binder would read
    // 2026-05-01 as B.E. 2026.
    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
    public string? NameTh { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Csv { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public int ShownYear { get; private set; }

    public IReadOnlyList<Holiday> Holidays { get; private set; } = [];

    public IReadOnlySet<DateOnly> ChangedInConsole { get; private set; } = new HashSet<DateOnly>();

    public IReadOnlyCollection<int> Years { get; private set; } = [];

    /// <summary>Set after a preview: the change waits for confirmation.</summary>
    public IReadOnlyList<DeadlineShift>? Preview { get; private set; }

    /// <summary>Set after a change was applied.</summary>
    public IReadOnlyList<DeadlineShift>? Applied { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (Op == "import" && Upload is { Length: > 0 and < 200_000 })
        {
            using var reader = new StreamReader(Upload.OpenReadStream());
            Csv = await reader.ReadToEndAsync(cancellationToken);
        }

        var result = await editor.PreviewAsync(ToRequest(), cancellationToken);
        if (result.IsSuccess)
        {
            Preview = result.Value;
        }
        else
        {
            ModelState.AddErrors(result.Error!);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        var result = await editor.ApplyAsync(AdminForms.Me(User), ToRequest(), cancellationToken);
        if (result.IsSuccess)
        {
            Applied = result.Value;
            ModelState.Clear();
            (Op, Date, To, NameTh, NameEn, Kind, Reason, Csv) = (null, null, null, null, null, null, null, null);
        }
        else
        {
            ModelState.AddErrors(result.Error!);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private HolidayRequest ToRequest() => new(Op, Year ?? ThisYear, AdminForms.IsoDate(Date), AdminForms.IsoDate(To), NameTh, NameEn, Kind, Reason, Csv);

    private int ThisYear => clock.GetUtcNow().Year;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ShownYear = Year ?? ThisYear;
        Holidays = calendar.Holidays.In(ShownYear);
        Years = calendar.Holidays.CoveredYears;
        var first = new DateOnly(ShownYear, 1, 1);
        var last = new DateOnly(ShownYear, 12, 31);
        ChangedInConsole = (await db.HolidayOverrides.AsNoTracking().Where(h => h.Date >= first && h.Date <= last).Select(h => h.Date).ToListAsync(cancellationToken)).ToHashSet();
    }
}
