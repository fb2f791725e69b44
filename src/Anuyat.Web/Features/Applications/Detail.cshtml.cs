using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Applications;

/// <summary>
/// The applicant's view of one application: where it stands in plain words, who holds it (the section, never a
/// person's name), and what they must do now.
/// </summary>
[Authorize]
public sealed partial class DetailModel(AnuyatDbContext db, IServiceDirectory directory, StaffSecondFactor rule, ApplicationClock legalClock, ApplicationEvents events, TimeProvider clock) : PageModel
{
    public PermitApplication Application { get; private set; } = null!;

    public string ServiceName { get; private set; } = string.Empty;

    public string HeldBy { get; private set; } = string.Empty;

    public string WhatNext { get; private set; } = string.Empty;

    public bool CanWithdraw { get; private set; }

    /// <summary>Every action on the file in plain words, oldest first (read from the audit trail).</summary>
    public IReadOnlyList<(DateTime At, string Summary)> Timeline { get; private set; } = [];

    /// <summary>The legal clock, or null for a draft.</summary>
    public Anuyat.Domain.Deadlines.ClockReading? Clock { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, tracking: false, cancellationToken) ? Page() : NotFound();

    /// <summary>The submission receipt PDF (Licensing Facilitation Act s.8: acknowledged in writing).</summary>
    public async Task<IActionResult> OnGetReceiptAsync(Guid id, [FromServices] Anuyat.Infrastructure.Pdf.ReceiptDocument receipts, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracking: false, cancellationToken))
        {
            return NotFound();
        }

        var pdf = await ReceiptEndpoint.RenderAsync(Application, db, directory, legalClock, receipts, new Uri($"{Request.Scheme}://{Request.Host}/applications/{id}"), cancellationToken);
        return pdf is null ? NotFound() : File(pdf.Bytes, "application/pdf", $"receipt-{Application.Reference}.pdf");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracking: true, cancellationToken) || Application.ApplicantAccountId != CurrentUser.From(User)!.AccountId)
        {
            return NotFound();
        }

        var result = Application.Withdraw(clock.GetUtcNow().UtcDateTime);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, T(result.Error!.Message));
            return Page();
        }

        events.Record(CurrentUser.From(User), Application, "withdrawn", new("ผู้ยื่นถอนคำขอแล้ว", "The applicant withdrew the application"));
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var me = CurrentUser.From(User)!;
        var query = tracking ? db.Applications : db.Applications.AsNoTracking();
        var application = await query.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !me.CanSee(application, rule))
        {
            return false;
        }

        Application = application;
        var service = directory.Version(application.ServiceCode, application.ServiceVersion);
        Clock = legalClock.Read(application, service);
        ServiceName = service is null ? application.ServiceCode : T(service.NameTh, service.NameEn);
        // Names from the reference files held in memory (the rows were synced from the same files at start; issue 11).
        var store = HttpContext.RequestServices.GetRequiredService<Catalog.CatalogStore>();
        var district = store.Districts.FirstOrDefault(d => d.Code == application.DistrictCode) ?? await db.Districts.AsNoTracking().FirstAsync(d => d.Code == application.DistrictCode, cancellationToken);
        var section = store.Sections.FirstOrDefault(s => s.Code == application.SectionCode) ?? await db.Sections.AsNoTracking().FirstAsync(s => s.Code == application.SectionCode, cancellationToken);
        HeldBy = application.Status is ApplicationStatus.Draft or ApplicationStatus.Deficient
            ? T("คุณ (ผู้ยื่นคำขอ)", "You (the applicant)")
            : T($"{section.NameTh} สำนักงานเขต{district.NameTh}", $"{section.NameEn}, {district.NameEn} District Office");
        WhatNext = application.Status switch
        {
            ApplicationStatus.Draft => T("กรอกข้อมูลและแนบเอกสารให้ครบ แล้วยื่นคำขอ", "Finish the answers and documents, then send the application."),
            ApplicationStatus.Submitted => T("ไม่ต้องทำอะไร เจ้าหน้าที่กำลังตรวจความครบถ้วน", "Nothing for now: the office is checking the file is complete."),
            ApplicationStatus.Deficient => T("ส่งเอกสารหรือแก้ไขข้อมูลตามบันทึกความบกพร่องภายในวันครบกำหนด", "Send the missing items listed in the deficiency record by the due date."),
            ApplicationStatus.InReview or ApplicationStatus.Inspection => T("ไม่ต้องทำอะไร สำนักงานเขตกำลังพิจารณา", "Nothing for now: the office is considering it."),
            ApplicationStatus.AwaitingPayment => T("ชำระค่าธรรมเนียมเพื่อรับใบอนุญาต", "Pay the fee to receive the permit."),
            ApplicationStatus.Issued => T("ดาวน์โหลดใบอนุญาตได้", "You can download the permit."),
            ApplicationStatus.Refused => T("อ่านเหตุผลด้านล่าง หากไม่เห็นด้วยติดต่อสำนักงานเขต", "Read the reasons below; contact the district office if you disagree."),
            _ => T("คำขอนี้สิ้นสุดแล้ว", "This application is closed."),
        };
        CanWithdraw = application.Status.CanWithdraw() && application.ApplicantAccountId == me.AccountId;
        await LoadAnsweringAsync(application, me, store.Catalog.GetVersion(application.ServiceCode, application.ServiceVersion), cancellationToken);
        var subject = application.Id.ToString("D");
        if (application.IsSynthetic)
        {
            // Generated files have no audit entries; their timeline comes from their own dates.
            Timeline = [.. Demo.SyntheticTimeline.For(application).Select(e => (e.At, T(e.Summary)))];
            return true;
        }

        Timeline = [.. (await db.AuditEvents.AsNoTracking().Where(e => e.SubjectType == ApplicationEvents.SubjectType && e.SubjectId == subject).OrderBy(e => e.Sequence)
            .Select(e => new { e.OccurredAt, e.SummaryTh, e.SummaryEn }).ToListAsync(cancellationToken)).Select(e => (e.OccurredAt, T(e.SummaryTh, e.SummaryEn)))];
        return true;
    }
}
