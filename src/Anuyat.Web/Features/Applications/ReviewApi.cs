using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Applications;

/// <summary>
/// The office's actions on a file (API.md): accept, the one deficiency record, recommendation, decision, extension.
/// Only staff of the office that holds the file may act; for anyone else the file does not exist (404).
/// </summary>
public static class ReviewApi
{
    public sealed record DeficiencyRequest(string[]? Items, string? Note, DateOnly? DueDate);

    public sealed record RecommendationRequest(string? Outcome, string? Note);

    public sealed record DecisionRequest(string? Outcome, string? Reasons);

    public sealed record ExtensionRequest(string? Reason);

    public static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/accept", AcceptAsync).WithName("AcceptApplication")
            .WithSummary("The officer finds the file complete; review starts.");
        api.MapPost("/{id:guid}/deficiency", DeficiencyAsync).WithName("RecordDeficiency")
            .WithSummary("The one written request for missing items (Licensing Facilitation Act s.8); a second one is refused with 409.");
        api.MapPost("/{id:guid}/recommendation", RecommendAsync).WithName("Recommend")
            .WithSummary("The reviewing officer recommends approve or refuse.");
        api.MapPost("/{id:guid}/decision", DecideAsync).WithName("Decide")
            .WithSummary("The approver decides; a refusal needs reasons; the approver may not be the recommending officer.");
        api.MapPost("/{id:guid}/extension", ExtendAsync).WithName("ExtendDeadline")
            .WithSummary("The approver extends the legal deadline with a written reason, within the service's limit.");
        return api;
    }

    /// <summary>One office action: who may take it, and what it does to the file.</summary>
    public sealed record ReviewAction(string Code, Role[] Roles, Func<PermitApplication, CurrentUser, Result<PermitApplication>> Apply)
    {
        /// <summary>The action's own audit event and notices; when null, the review actions' shared ones.</summary>
        public Func<ApplicationEvents, CurrentUser, PermitApplication, Task>? Record { get; init; }
    }

    public static ReviewAction Accept(TimeProvider clock) =>
        new("accepted", [Role.Officer], (application, _) => application.Accept(Now(clock)));

    /// <summary>"Someone else changed it first", for a form posted with a stale row version.</summary>
    public static ConflictError Stale() => new("changed-by-someone-else", new BilingualText(
        "มีผู้อื่นแก้ไขคำขอนี้ก่อนหน้าคุณ ข้อมูลด้านล่างเป็นข้อมูลล่าสุด",
        "Someone else changed this application first; below is its current state"));

    public static ReviewAction Deficiency(DeficiencyRequest request, IServiceDirectory services, TimeProvider clock) =>
        new("deficiency-recorded", [Role.Officer], (application, user) =>
        {
            var service = services.Version(application.ServiceCode, application.ServiceVersion);
            var items = request.Items ?? [];
            var unknown = items.Where(i => service is null || !service.ChecklistItemCodes.Contains(i)).ToList();
            if (unknown.Count > 0)
            {
                return new ValidationFailed(new Dictionary<string, BilingualText[]>
                {
                    ["items"] = [new($"ไม่มีรายการ {string.Join(", ", unknown)} ในรายการเอกสารของบริการนี้", $"{string.Join(", ", unknown)} is not on this service's checklist")],
                });
            }

            if (request.DueDate is null)
            {
                return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["dueDate"] = [new("ระบุวันครบกำหนด (yyyy-MM-dd)", "Give the due date (yyyy-MM-dd)")] });
            }

            return application.RecordDeficiency(items, request.Note ?? string.Empty, request.DueDate.Value, ApplicationsApi.BangkokToday(clock), user.AccountId, Now(clock));
        });

    public static ReviewAction Recommend(RecommendationRequest request, TimeProvider clock) =>
        new("recommended", [Role.Officer], (application, user) => request.Outcome switch
        {
            "approve" => application.Recommend(RecommendationOutcome.Approve, request.Note ?? string.Empty, user.AccountId, Now(clock)),
            "refuse" => application.Recommend(RecommendationOutcome.Refuse, request.Note ?? string.Empty, user.AccountId, Now(clock)),
            _ => OutcomeError("approve", "refuse"),
        });

    public static ReviewAction Decide(DecisionRequest request, IServiceDirectory services, TimeProvider clock) =>
        new("decided", [Role.Approver], (application, user) =>
        {
            // The fee rules on the approved answers decide: an approval that costs nothing goes straight to issuance.
            var quote = services.Fee(application);
            var chargesFee = quote.IsSuccess ? quote.Value.TotalSatang > 0 : services.Version(application.ServiceCode, application.ServiceVersion)?.ChargesFee ?? false;
            return request.Outcome switch
            {
                "approved" => application.Decide(DecisionOutcome.Approved, request.Reasons ?? string.Empty, chargesFee, user.AccountId, Now(clock)),
                "refused" => application.Decide(DecisionOutcome.Refused, request.Reasons ?? string.Empty, chargesFee, user.AccountId, Now(clock)),
                _ => OutcomeError("approved", "refused"),
            };
        });

    public static ReviewAction Extend(ExtensionRequest request, IServiceDirectory services, TimeProvider clock) =>
        new("extended", [Role.Approver], (application, user) =>
        {
            var extensions = services.Version(application.ServiceCode, application.ServiceVersion)?.Extensions ?? new ExtensionLimit(0, 0);
            return application.Extend(request.Reason ?? string.Empty, extensions, user.AccountId, Now(clock));
        });

    private static Task<IResult> AcceptAsync(Guid id, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, TimeProvider clock, CancellationToken ct) =>
        ActAsync(id, http, db, rule, Accept(clock), ct);

    private static Task<IResult> DeficiencyAsync(Guid id, DeficiencyRequest request, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, [FromServices] IServiceDirectory services, TimeProvider clock, CancellationToken ct) =>
        ActAsync(id, http, db, rule, Deficiency(request, services, clock), ct);

    private static Task<IResult> RecommendAsync(Guid id, RecommendationRequest request, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, TimeProvider clock, CancellationToken ct) =>
        ActAsync(id, http, db, rule, Recommend(request, clock), ct);

    private static Task<IResult> DecideAsync(Guid id, DecisionRequest request, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, [FromServices] IServiceDirectory services, TimeProvider clock, CancellationToken ct) =>
        ActAsync(id, http, db, rule, Decide(request, services, clock), ct);

    private static Task<IResult> ExtendAsync(Guid id, ExtensionRequest request, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, [FromServices] IServiceDirectory services, TimeProvider clock, CancellationToken ct) =>
        ActAsync(id, http, db, rule, Extend(request, services, clock), ct);

    /// <summary>
    /// Loads the file within the caller's office, applies the action, and saves it; a concurrent change by a colleague
    /// is reported as 409 with the fresh state, never overwritten.
    /// </summary>
    public static async Task<IResult> ActAsync(Guid id, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, ReviewAction action, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !user.IsOfficeStaff(application, rule))
        {
            return ApplicationErrors.NotFound();
        }

        var error = await ApplyAsync(db, http.RequestServices, user, application, action, ct);
        return error is null
            ? Results.Ok(new { id = application.Id, reference = application.Reference, status = application.Status.ToCode(), rowVersion = application.RowVersion })
            : ErrorResponses.Problem(error);
    }

    /// <summary>
    /// Applies an office action to a file the caller may act on, with its deadline, audit event and notices, and saves
    /// it; a concurrent change by a colleague is reported, never overwritten. Used by the API and the case page alike.
    /// </summary>
    public static async Task<DomainError?> ApplyAsync(AnuyatDbContext db, IServiceProvider services, CurrentUser user, PermitApplication application, ReviewAction action, CancellationToken ct)
    {
        if (!action.Roles.Contains(user.Role))
        {
            return new RuleViolation("role-required", new BilingualText(
                $"การดำเนินการนี้ต้องทำโดย{(action.Roles.Contains(Role.Approver) ? "ผู้อนุมัติ" : "เจ้าหน้าที่ผู้ตรวจ")}",
                $"This action is for {(action.Roles.Contains(Role.Approver) ? "an approver" : "a reviewing officer")}"));
        }

        var result = action.Apply(application, user);
        if (!result.IsSuccess)
        {
            return result.Error;
        }

        ApplicationsApi.RefreshDeadline(application, services.GetRequiredService<IServiceDirectory>(), services.GetRequiredService<ApplicationClock>());
        var events = services.GetRequiredService<ApplicationEvents>();
        await (action.Record is { } record ? record(events, user, application) : RecordAsync(events, user, application, action.Code));
        if (action.Code == "decided" && application.Decision == DecisionOutcome.Approved)
        {
            // The invoice, or (no fee) the permit itself, is part of the same transaction as the approval.
            var followUp = await services.GetRequiredService<Payments.ApprovalFollowUp>().AfterApprovalAsync(user, application, ct);
            if (followUp is not null)
            {
                return followUp;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("changed-by-someone-else", new BilingualText(
                "มีผู้อื่นแก้ไขคำขอนี้ก่อนหน้าคุณ โปรดโหลดข้อมูลล่าสุดแล้วลองอีกครั้ง",
                "Someone else changed this application first; reload it and try again"));
        }
    }

    /// <summary>The audit event (the applicant's timeline) and, where the applicant must act or learn the result, a notice.</summary>
    private static async Task RecordAsync(ApplicationEvents events, CurrentUser user, PermitApplication application, string actionCode)
    {
        switch ((actionCode, application.Status))
        {
            case ("recommended", _):
                events.Record(user, application, "recommended", new("เจ้าหน้าที่ผู้ตรวจเสนอความเห็นต่อผู้อนุมัติแล้ว", "The reviewing officer has made a recommendation to the approver"));
                break;
            case ("extended", _):
                var extension = application.Extensions[^1];
                events.Record(user, application, "extended", new($"ขยายระยะเวลาพิจารณา {extension.Days} วันทำการ เหตุผล: {extension.Reason}", $"Deadline extended by {extension.Days} working days. Reason: {extension.Reason}"));
                await events.NotifyApplicantAsync(application, new("ขยายระยะเวลาพิจารณาคำขอ", "The deadline for your application was extended"), new($"เหตุผล: {extension.Reason}", $"Reason: {extension.Reason}"));
                break;
            case ("accepted", _):
                events.Record(user, application, "accepted", new("เจ้าหน้าที่ตรวจแล้ว เอกสารครบถ้วน เริ่มพิจารณา", "The file is complete; the office has started to consider it"));
                break;
            case ("deficiency-recorded", _):
                var deficiency = application.Deficiency!;
                events.Record(user, application, "deficiency-recorded", new(
                    $"เจ้าหน้าที่ขอเอกสารหรือข้อมูลเพิ่ม (บันทึกความบกพร่อง) ภายใน {ThaiDates.LongDateTh(deficiency.DueDate)}",
                    $"The office asked for missing items (deficiency record), due {ThaiDates.LongDateEn(deficiency.DueDate)}"), new { deficiency.Items, deficiency.DueDate });
                await events.NotifyApplicantAsync(application,
                    new("สำนักงานเขตขอเอกสารหรือข้อมูลเพิ่ม", "The district office needs missing items"),
                    new($"โปรดส่งรายการ {string.Join(", ", deficiency.Items)} ภายในวันที่ {ThaiDates.LongDateTh(deficiency.DueDate)} หมายเหตุ: {deficiency.Note}",
                        $"Please send {string.Join(", ", deficiency.Items)} by {ThaiDates.LongDateEn(deficiency.DueDate)}. Note: {deficiency.Note}"));
                break;
            case ("decided", ApplicationStatus.Refused):
                events.Record(user, application, "decided", new($"ไม่อนุญาต เหตุผล: {application.DecisionReasons}", $"Refused. Reasons: {application.DecisionReasons}"));
                await events.NotifyApplicantAsync(application, new("ผลการพิจารณา: ไม่อนุญาต", "Decision: refused"), new($"เหตุผล: {application.DecisionReasons}", $"Reasons: {application.DecisionReasons}"));
                break;
            case ("decided", _):
                events.Record(user, application, "decided", new("อนุมัติแล้ว", "Approved"));
                await events.NotifyApplicantAsync(application, new("ผลการพิจารณา: อนุมัติ", "Decision: approved"), application.Status == ApplicationStatus.AwaitingPayment
                    ? new("โปรดชำระค่าธรรมเนียมเพื่อรับใบอนุญาต", "Please pay the fee to receive the permit")
                    : new("ดาวน์โหลดเอกสารได้ที่หน้าคำขอ", "You can download the document from the application page"));
                break;
        }
    }

    private static ValidationFailed OutcomeError(string first, string second) =>
        new(new Dictionary<string, BilingualText[]> { ["outcome"] = [new($"เลือก {first} หรือ {second}", $"Choose {first} or {second}")] });

    private static DateTime Now(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}
