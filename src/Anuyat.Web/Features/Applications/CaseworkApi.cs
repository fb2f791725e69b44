using System.Globalization;
using System.Text.Json.Nodes;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Applications;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Pdf;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Catalog;
using Anuyat.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Features.Applications.ReviewApi;

namespace Anuyat.Web.Features.Applications;

/// <summary>
/// The office's casework beyond the review decisions: assignment to a colleague, internal notes, the verified ticks of
/// the checklist, the reason for a delay, the site inspection; and the deficiency record as a PDF and what changed
/// since it. Officers act only on their own office's files; for anyone else the file does not exist (404).
/// </summary>
public static class CaseworkApi
{
    public sealed record AssignRequest(Guid? AssigneeId);

    public sealed record NoteRequest(string? Text);

    public sealed record NoteResponse(Guid Id, string Text, string Author, DateTime CreatedAt);

    public sealed record VerifiedRequest(string[]? Items);

    public sealed record DelayReasonRequest(string? Reason);

    public sealed record InspectionRequest(DateOnly? Date, string? Slot);

    public sealed record RescheduleRequest(DateOnly? Date, string? Slot, string? Reason);

    public sealed record InspectionResultRequest(string? Outcome, string? Notes);

    /// <summary>What the applicant changed in answering the deficiency record.</summary>
    public sealed record ChangesResponse(IReadOnlyList<ChangedDocument> DocumentsAdded, IReadOnlyList<string> AnswersChanged);

    public sealed record ChangedDocument(Guid Id, string Item, string Name, DateTime AttachedAt);

    public static RouteGroupBuilder MapCaseworkApi(this RouteGroupBuilder api, long maxUploadBytes)
    {
        api.MapPost("/{id:guid}/assign", AssignAsync).WithName("AssignApplication")
            .WithSummary("Officer: `{ assigneeId }` gives the file to a colleague of the same district and section.");
        api.MapGet("/{id:guid}/notes", NotesAsync).WithName("ListCaseNotes")
            .WithSummary("Officer: the office's internal notes on the file (never shown to the applicant).");
        api.MapPost("/{id:guid}/notes", AddNoteAsync).WithIdempotency().WithName("AddCaseNote")
            .WithSummary("Officer: `{ text }` adds an internal note.");
        api.MapPost("/{id:guid}/verified", VerifyAsync).WithName("SetVerifiedItems")
            .WithSummary("Officer: `{ items: [codes] }` — the checklist items verified against the documents.");
        api.MapPost("/{id:guid}/delay-reason", DelayReasonAsync).WithName("RecordDelayReason")
            .WithSummary("Officer: `{ reason }` — why the file is late; the next 7-day delay notice carries it (s.10).");
        api.MapPost("/{id:guid}/inspection", ScheduleAsync).WithName("ScheduleInspection")
            .WithSummary("Officer: `{ date, slot: morning|afternoon }` books the site inspection (services with an inspection step).");
        api.MapPost("/{id:guid}/inspection/reschedule", RescheduleEndpointAsync).WithName("RescheduleInspection")
            .WithSummary("Applicant: `{ date, slot, reason }` moves the inspection, once (a second request → 409).");
        api.MapPost("/{id:guid}/inspection/result", ResultAsync).WithName("RecordInspectionResult")
            .WithSummary("Officer (inspector): `{ outcome: passed|failed, notes }`; the file returns to review.");
        api.MapPost("/{id:guid}/inspection/photos", PhotoAsync)
            .WithMetadata(new RequestSizeLimitAttribute(maxUploadBytes + (64 * 1024)))
            .DisableAntiforgery()
            .WithIdempotency()
            .WithName("AddInspectionPhoto")
            .WithSummary("Officer (inspector): multipart `file` (JPEG or PNG), checked like every upload. → 201");
        api.MapGet("/{id:guid}/deficiency/pdf", DeficiencyPdfAsync).WithName("GetDeficiencyRecordPdf")
            .WithSummary("Applicant and officers: the deficiency record as a PDF (Licensing Facilitation Act s.8).");
        api.MapGet("/{id:guid}/changes", ChangesAsync).WithName("GetChangesSinceDeficiency")
            .WithSummary("Officer: documents added and answers changed since the deficiency record.");
        return api;
    }

    // ---- Actions (shared by the API and the case page) ----

    public static ReviewAction Assign(Guid assignee, string assigneeName, TimeProvider clock) =>
        new("assigned", [Role.Officer, Role.Approver], (application, _) => application.AssignTo(assignee, Now(clock)))
        {
            Record = (events, user, application) =>
            {
                events.RecordInternal(user, application, "assigned", new($"มอบหมายงานให้ {assigneeName}", $"Assigned to {assigneeName}"), new { assignee });
                return Task.CompletedTask;
            },
        };

    public static ReviewAction Verify(string[] items, IServiceDirectory services, TimeProvider clock) =>
        new("verified", [Role.Officer, Role.Approver], (application, _) =>
            application.SetVerifiedItems(items, services.Version(application.ServiceCode, application.ServiceVersion)?.ChecklistItemCodes ?? new HashSet<string>(), Now(clock)))
        {
            Record = (events, user, application) =>
            {
                events.RecordInternal(user, application, "verified", new($"ตรวจเอกสารแล้ว {application.VerifiedItems.Count} รายการ", $"{application.VerifiedItems.Count} checklist item(s) verified"), new { items = application.VerifiedItems });
                return Task.CompletedTask;
            },
        };

    public static ReviewAction DelayReason(string? reason, TimeProvider clock) =>
        new("delay-reason", [Role.Officer, Role.Approver], (application, _) => application.RecordDelayReason(reason ?? string.Empty, Now(clock)))
        {
            Record = (events, user, application) =>
            {
                events.Record(user, application, "delay-reason", new($"สำนักงานเขตบันทึกเหตุที่ล่าช้า: {application.DelayReason}", $"The office recorded why the decision is late: {application.DelayReason}"));
                return Task.CompletedTask;
            },
        };

    public static ReviewAction ScheduleInspection(DateOnly? date, string? slot, CatalogStore catalog, ApplicationClock legalClock, TimeProvider clock) =>
        new("inspection-scheduled", [Role.Officer], (application, user) =>
        {
            var error = ParseDateAndSlot(date, slot);
            if (error is not null || !InspectionSlots.TryParse(slot, out var parsed))
            {
                return error!;
            }

            var inspects = HasInspection(catalog.Catalog.GetVersion(application.ServiceCode, application.ServiceVersion));
            return application.ScheduleInspection(inspects, date!.Value, parsed, legalClock.Today, legalClock.Calendar, user.AccountId, Now(clock));
        })
        {
            Record = async (events, user, application) =>
            {
                var (th, en) = When(application.Inspection!);
                events.Record(user, application, "inspection-scheduled", new($"นัดตรวจสถานที่ {th}", $"Site inspection booked for {en}"), new { application.Inspection!.Date, slot = application.Inspection.Slot.ToCode() });
                await events.NotifyApplicantAsync(application,
                    new("นัดตรวจสถานที่", "Your site inspection is booked"),
                    new($"เจ้าหน้าที่จะตรวจสถานที่ {th} หากไม่สะดวก ขอเลื่อนได้หนึ่งครั้งที่หน้าคำขอ", $"The inspector will visit on {en}. If that does not suit you, you may ask once to move it on the application page."));
            },
        };

    public static ReviewAction RecordInspection(string? outcome, string? notes, TimeProvider clock) =>
        new("inspection-recorded", [Role.Officer], (application, user) => outcome switch
        {
            "passed" => application.RecordInspectionResult(InspectionOutcome.Passed, notes ?? string.Empty, user.AccountId, Now(clock)),
            "failed" => application.RecordInspectionResult(InspectionOutcome.Failed, notes ?? string.Empty, user.AccountId, Now(clock)),
            _ => new ValidationFailed(new Dictionary<string, BilingualText[]> { ["outcome"] = [new("เลือก passed หรือ failed", "Choose passed or failed")] }),
        })
        {
            Record = (events, user, application) =>
            {
                var passed = application.Inspection!.Outcome == InspectionOutcome.Passed;
                events.Record(user, application, "inspection-recorded", passed
                    ? new("ตรวจสถานที่แล้ว ผลการตรวจผ่าน", "Site inspected: passed")
                    : new($"ตรวจสถานที่แล้ว ผลการตรวจไม่ผ่าน: {application.Inspection.Notes}", $"Site inspected: not passed: {application.Inspection.Notes}"));
                return Task.CompletedTask;
            },
        };

    /// <summary>A service has an inspection when its manual has a step for an inspector.</summary>
    public static bool HasInspection(ServiceDefinition? definition) =>
        definition?.Steps.Any(s => string.Equals(s.Role, "inspector", StringComparison.Ordinal)) ?? false;

    /// <summary>The applicant's one request to move the inspection (the caller saves).</summary>
    public static async Task<Result<PermitApplication>> RescheduleAsync(ApplicationEvents events, CurrentUser user, PermitApplication application, DateOnly? date, string? slot, string? reason, ApplicationClock legalClock, TimeProvider clock)
    {
        var error = ParseDateAndSlot(date, slot);
        if (error is not null || !InspectionSlots.TryParse(slot, out var parsed))
        {
            return error!;
        }

        var result = application.RequestReschedule(date!.Value, parsed, reason ?? string.Empty, legalClock.Today, legalClock.Calendar, Now(clock));
        if (!result.IsSuccess)
        {
            return result;
        }

        var (th, en) = When(application.Inspection!);
        events.Record(user, application, "inspection-rescheduled", new($"ผู้ยื่นขอเลื่อนวันตรวจสถานที่เป็น {th}", $"The applicant moved the site inspection to {en}"), new { application.Inspection!.Date, slot = application.Inspection.Slot.ToCode() });
        await events.NotifyApplicantAsync(application, new("เลื่อนวันตรวจสถานที่แล้ว", "Your site inspection was moved"), new($"วันตรวจใหม่: {th}", $"New date: {en}"));
        return application;
    }

    private static ValidationFailed? ParseDateAndSlot(DateOnly? date, string? slot)
    {
        var errors = new Dictionary<string, BilingualText[]>();
        if (date is null)
        {
            errors["date"] = [new("ระบุวันตรวจ (yyyy-MM-dd)", "Give the inspection date (yyyy-MM-dd)")];
        }

        if (!InspectionSlots.TryParse(slot, out _))
        {
            errors["slot"] = [new("เลือกช่วงเวลา morning หรือ afternoon", "Choose the slot: morning or afternoon")];
        }

        return errors.Count > 0 ? new ValidationFailed(errors) : null;
    }

    private static (string Th, string En) When(InspectionAppointment inspection) => (
        $"{PdfDates.Thai(inspection.Date)} {inspection.Slot.Describe().Th}",
        $"{inspection.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, {inspection.Slot.Describe().En}");

    // ---- Colleagues and notes ----

    /// <summary>Staff of the same district and section who can take the file (officers and approvers).</summary>
    public static Task<List<Account>> ColleaguesAsync(AnuyatDbContext db, PermitApplication application, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.DistrictCode == application.DistrictCode && u.SectionCode == application.SectionCode && (u.Role == Role.Officer || u.Role == Role.Approver))
            .OrderBy(u => u.DisplayName).ToListAsync(ct);

    /// <summary>The assignee must work in the office that holds the file; anyone else is refused, naming the rule.</summary>
    public static async Task<Result<Account>> FindColleagueAsync(AnuyatDbContext db, PermitApplication application, Guid? assigneeId, CancellationToken ct)
    {
        var colleague = assigneeId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == assigneeId, ct);
        if (colleague is null || colleague.DistrictCode != application.DistrictCode || colleague.SectionCode != application.SectionCode || colleague.Role is not (Role.Officer or Role.Approver))
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]>
            {
                ["assigneeId"] = [new("มอบหมายได้เฉพาะเจ้าหน้าที่ของฝ่ายเดียวกันในเขตเดียวกัน", "A file can be assigned only to staff of the same section in the same district")],
            });
        }

        return colleague;
    }

    public static async Task<List<NoteResponse>> ReadNotesAsync(AnuyatDbContext db, Guid applicationId, CancellationToken ct) =>
        await db.CaseNotes.AsNoTracking().Where(n => n.ApplicationId == applicationId).OrderByDescending(n => n.CreatedAt)
            .Join(db.Users, n => n.AuthorId, u => u.Id, (n, u) => new NoteResponse(n.Id, n.Text, u.DisplayName, n.CreatedAt))
            .ToListAsync(ct);

    /// <summary>Adds an internal note (the caller saves); the audit records that a note was written, not its text.</summary>
    public static Result<CaseNote> AddNote(AnuyatDbContext db, ApplicationEvents events, CurrentUser user, PermitApplication application, string? text, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["text"] = [new("เขียนบันทึก", "Write the note")] });
        }

        if (text.Length > 4000)
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["text"] = [new("บันทึกยาวได้ไม่เกิน 4,000 ตัวอักษร", "A note can be at most 4,000 characters")] });
        }

        var note = new CaseNote { Id = Guid.CreateVersion7(), ApplicationId = application.Id, AuthorId = user.AccountId, Text = text.Trim(), CreatedAt = now };
        db.CaseNotes.Add(note);
        events.RecordInternal(user, application, "note-added", new("เจ้าหน้าที่เพิ่มบันทึกภายใน", "An officer added an internal note"), new { note = note.Id });
        return note;
    }

    // ---- What changed since the deficiency record ----

    public static async Task<ChangesResponse?> ChangesSinceDeficiencyAsync(AnuyatDbContext db, PermitApplication application, ServiceDefinition? definition, CancellationToken ct)
    {
        if (application.Deficiency is not { } deficiency)
        {
            return null;
        }

        var names = definition?.Documents.ToDictionary(d => d.Code, d => d.Name) ?? [];
        var documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == application.Id && d.AnswersDeficiency).OrderBy(d => d.AttachedAt)
            .Join(db.UploadedFiles, d => d.UploadedFileId, f => f.Id, (d, f) => new ChangedDocument(d.Id, d.ItemCode, f.OriginalName, d.AttachedAt))
            .ToListAsync(ct);
        return new ChangesResponse(documents, AnswerChanges.Between(deficiency.AnswersAtIssue, application.AnswersJson));
    }

    // ---- The deficiency record PDF ----

    public static async Task<PdfFile?> RenderDeficiencyAsync(PermitApplication application, AnuyatDbContext db, CatalogStore catalog, DeficiencyRecordDocument documents, Uri tracking, CancellationToken ct)
    {
        if (application.Deficiency is not { } deficiency)
        {
            return null;
        }

        var definition = catalog.Catalog.GetVersion(application.ServiceCode, application.ServiceVersion);
        var district = await db.Districts.AsNoTracking().FirstAsync(d => d.Code == application.DistrictCode, ct);
        var section = await db.Sections.AsNoTracking().FirstAsync(s => s.Code == application.SectionCode, ct);
        var applicant = await db.Users.AsNoTracking().Where(u => u.Id == application.ApplicantAccountId).Select(u => u.DisplayName).FirstAsync(ct);
        var items = deficiency.Items.Select(code => definition?.Documents.FirstOrDefault(d => d.Code == code) is { } item
            ? new BilingualText(item.Name.Th, item.Name.En)
            : new BilingualText(code, code)).ToList();
        return documents.Render(new DeficiencyRecordContent(
            application.Reference,
            new BilingualText($"{section.NameTh} สำนักงานเขต{district.NameTh} กรุงเทพมหานคร", $"{section.NameEn}, {district.NameEn} District Office, Bangkok"),
            applicant,
            definition is null ? new BilingualText(application.ServiceCode, application.ServiceCode) : new BilingualText(definition.Name.Th, definition.Name.En),
            ApplicationClock.BangkokDate(deficiency.IssuedAt),
            deficiency.DueDate,
            items,
            deficiency.Note,
            tracking));
    }

    // ---- Endpoints ----

    private static async Task<IResult> AssignAsync(Guid id, AssignRequest request, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, TimeProvider clock, CancellationToken ct)
    {
        var (user, application) = await OfficeFileAsync(id, http, db, rule, tracking: false, ct);
        if (application is null)
        {
            return ApplicationErrors.NotFound();
        }

        var colleague = await FindColleagueAsync(db, application, request.AssigneeId, ct);
        return colleague.IsSuccess
            ? await ReviewApi.ActAsync(id, http, db, rule, Assign(colleague.Value.Id, colleague.Value.DisplayName, clock), ct)
            : ErrorResponses.Problem(colleague.Error!);
    }

    private static async Task<IResult> NotesAsync(Guid id, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, CancellationToken ct)
    {
        var (_, application) = await OfficeFileAsync(id, http, db, rule, tracking: false, ct);
        return application is null ? ApplicationErrors.NotFound() : Results.Ok(await ReadNotesAsync(db, id, ct));
    }

    private static async Task<IResult> AddNoteAsync(Guid id, NoteRequest request, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, ApplicationEvents events, TimeProvider clock, CancellationToken ct)
    {
        var (user, application) = await OfficeFileAsync(id, http, db, rule, tracking: false, ct);
        if (application is null)
        {
            return ApplicationErrors.NotFound();
        }

        var note = AddNote(db, events, user, application, request.Text, Now(clock));
        if (!note.IsSuccess)
        {
            return ErrorResponses.Problem(note.Error!);
        }

        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/v1/applications/{id}/notes/{note.Value.Id}", new NoteResponse(note.Value.Id, note.Value.Text, user.DisplayName, note.Value.CreatedAt));
    }

    private static Task<IResult> VerifyAsync(Guid id, VerifiedRequest request, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, [FromServices] IServiceDirectory services, TimeProvider clock, CancellationToken ct) =>
        ReviewApi.ActAsync(id, http, db, rule, Verify(request.Items ?? [], services, clock), ct);

    private static Task<IResult> DelayReasonAsync(Guid id, DelayReasonRequest request, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, TimeProvider clock, CancellationToken ct) =>
        ReviewApi.ActAsync(id, http, db, rule, DelayReason(request.Reason, clock), ct);

    private static Task<IResult> ScheduleAsync(Guid id, InspectionRequest request, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, CatalogStore catalog, ApplicationClock legalClock, TimeProvider clock, CancellationToken ct) =>
        ReviewApi.ActAsync(id, http, db, rule, ScheduleInspection(request.Date, request.Slot, catalog, legalClock, clock), ct);

    private static Task<IResult> ResultAsync(Guid id, InspectionResultRequest request, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, TimeProvider clock, CancellationToken ct) =>
        ReviewApi.ActAsync(id, http, db, rule, RecordInspection(request.Outcome, request.Notes, clock), ct);

    private static async Task<IResult> RescheduleEndpointAsync(Guid id, RescheduleRequest request, HttpContext http, AnuyatDbContext db, ApplicationEvents events, ApplicationClock legalClock, TimeProvider clock, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || user.AccountId != application.ApplicantAccountId)
        {
            return ApplicationErrors.NotFound();
        }

        var result = await RescheduleAsync(events, user, application, request.Date, request.Slot, request.Reason, legalClock, clock);
        if (!result.IsSuccess)
        {
            return ErrorResponses.Problem(result.Error!);
        }

        await db.SaveChangesAsync(ct);
        return Results.Ok(new { id, date = application.Inspection!.Date, slot = application.Inspection.Slot.ToCode(), rowVersion = application.RowVersion });
    }

    private static async Task<IResult> PhotoAsync(Guid id, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, DocumentUploads uploads, ApplicationEvents events, TimeProvider clock, CancellationToken ct)
    {
        var (user, application) = await OfficeFileAsync(id, http, db, rule, tracking: false, ct);
        if (application is null)
        {
            return ApplicationErrors.NotFound();
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        var file = form?.Files.GetFile("file");
        await using var content = file?.OpenReadStream();
        var photo = await AddPhotoAsync(db, uploads, events, user, application, content, file?.FileName, Now(clock), ct);
        if (!photo.IsSuccess)
        {
            return ErrorResponses.Problem(photo.Error!);
        }

        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/v1/applications/{id}/inspection/photos/{photo.Value.Id}", new { id = photo.Value.Id });
    }

    /// <summary>An inspection photo: only while the inspection is open or just recorded, only images (the caller saves).</summary>
    public static async Task<Result<InspectionPhoto>> AddPhotoAsync(AnuyatDbContext db, DocumentUploads uploads, ApplicationEvents events, CurrentUser user, PermitApplication application, Stream? content, string? fileName, DateTime now, CancellationToken ct)
    {
        if (user.Role != Role.Officer)
        {
            return new RuleViolation("role-required", new BilingualText("การดำเนินการนี้ต้องทำโดยเจ้าหน้าที่ผู้ตรวจ", "This action is for a reviewing officer"));
        }

        if (application.Inspection is null)
        {
            return new ConflictError("no-inspection-booked", new BilingualText("ยังไม่ได้นัดตรวจสถานที่", "No site inspection has been booked"));
        }

        if (content is null)
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["file"] = [new("โปรดเลือกรูปภาพ", "Choose a photo")] });
        }

        var stored = await uploads.AcceptAsync(user.AccountId, content, fileName, ct);
        if (!stored.IsSuccess)
        {
            return stored.Error!;
        }

        if (!stored.Value.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["file"] = [new("รูปถ่ายต้องเป็นไฟล์ JPEG หรือ PNG", "A photo must be a JPEG or PNG file")] });
        }

        var photo = new InspectionPhoto { Id = Guid.CreateVersion7(), ApplicationId = application.Id, UploadedFileId = stored.Value.Id, TakenBy = user.AccountId, AttachedAt = now };
        db.InspectionPhotos.Add(photo);
        events.Record(user, application, "inspection-photo", new("เจ้าหน้าที่แนบภาพถ่ายการตรวจสถานที่", "The inspector attached a site photo"), new { stored.Value.Sha256 });
        return photo;
    }

    private static async Task<IResult> DeficiencyPdfAsync(Guid id, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, CatalogStore catalog, DeficiencyRecordDocument documents, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !user.CanSee(application, rule))
        {
            return ApplicationErrors.NotFound();
        }

        var pdf = await RenderDeficiencyAsync(application, db, catalog, documents, new Uri($"{http.Request.Scheme}://{http.Request.Host}/applications/{id}"), ct);
        return pdf is null
            ? ErrorResponses.Problem(new NotFoundError("no-deficiency-record", new BilingualText("คำขอนี้ไม่มีบันทึกความบกพร่อง", "This application has no deficiency record")))
            : Results.File(pdf.Bytes, "application/pdf", $"deficiency-{application.Reference}.pdf");
    }

    private static async Task<IResult> ChangesAsync(Guid id, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, CatalogStore catalog, CancellationToken ct)
    {
        var (_, application) = await OfficeFileAsync(id, http, db, rule, tracking: false, ct);
        if (application is null)
        {
            return ApplicationErrors.NotFound();
        }

        var changes = await ChangesSinceDeficiencyAsync(db, application, catalog.Catalog.GetVersion(application.ServiceCode, application.ServiceVersion), ct);
        return changes is null
            ? ErrorResponses.Problem(new NotFoundError("no-deficiency-record", new BilingualText("คำขอนี้ไม่มีบันทึกความบกพร่อง", "This application has no deficiency record")))
            : Results.Ok(changes);
    }

    private static async Task<(CurrentUser User, PermitApplication? Application)> OfficeFileAsync(Guid id, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, bool tracking, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var query = tracking ? db.Applications : db.Applications.AsNoTracking();
        var application = await query.FirstOrDefaultAsync(a => a.Id == id, ct);
        return (user, application is not null && application.Status != ApplicationStatus.Draft && user.IsOfficeStaff(application, rule) ? application : null);
    }

    private static DateTime Now(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}

/// <summary>Which answers differ between two versions of the answers document, as field paths (<c>site.houseNo</c>).</summary>
public static class AnswerChanges
{
    public static IReadOnlyList<string> Between(string beforeJson, string afterJson)
    {
        var before = Leaves(JsonNode.Parse(beforeJson));
        var after = Leaves(JsonNode.Parse(afterJson));
        return [.. before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || !string.Equals(a, b, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    private static Dictionary<string, string> Leaves(JsonNode? node)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(node, string.Empty, leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> leaves)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Walk(value, path.Length == 0 ? key : $"{path}.{key}", leaves);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", leaves);
                }

                break;
            default:
                leaves[path] = node?.ToJsonString() ?? "null";
                break;
        }
    }
}
