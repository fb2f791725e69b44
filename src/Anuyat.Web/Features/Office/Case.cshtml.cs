using System.Text.Json.Nodes;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Domain.Deadlines;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Pdf;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Office;

/// <summary>
/// The officer's case page: the answers with the manual's labels, the documents, the clock, the timeline, and the
/// actions the officer's role allows at this stage. Another office's file does not exist here.
/// </summary>
public sealed class CaseModel(AnuyatDbContext db, CatalogStore catalog, IServiceDirectory directory, ApplicationClock legalClock, StaffSecondFactor rule, IDocumentStore store, ApplicationEvents events, TimeProvider clock) : PageModel
{
    public sealed record AnswerRow(string Label, string Value);

    public sealed record DocumentRow(Guid Id, string ItemCode, string Item, string Name, long Bytes, bool AnswersDeficiency, string ContentType, Anuyat.Infrastructure.Documents.ScanState Scan = Anuyat.Infrastructure.Documents.ScanState.NotScanned)
    {
        /// <summary>Fail closed: a file whose virus scan has not come back clean is listed but cannot be opened.</summary>
        public bool MayBeOpened => Scan is Anuyat.Infrastructure.Documents.ScanState.Clean or Anuyat.Infrastructure.Documents.ScanState.NotScanned;
    }

    /// <summary>One checklist item: its files and whether an officer ticked it as verified.</summary>
    public sealed record ChecklistRow(string Code, string Name, int Files, bool Verified, bool InDeficiency);

    public sealed record PhotoRow(Guid Id, string Name);

    public sealed record Colleague(Guid Id, string Name, bool Current);

    public sealed record TimelineRow(DateTime At, string Summary);

    public PermitApplication Application { get; private set; } = null!;

    public ServiceDefinition Definition { get; private set; } = null!;

    public ClockReading? Clock { get; private set; }

    public IReadOnlyList<AnswerRow> Answers { get; private set; } = [];

    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];

    public IReadOnlyList<TimelineRow> Timeline { get; private set; } = [];

    public CurrentUser Me { get; private set; } = null!;

    /// <summary>The permit issued on this file, if any (Features/Permits).</summary>
    public string? PermitNumber { get; private set; }

    public IReadOnlyList<ChecklistRow> Checklist { get; private set; } = [];

    public IReadOnlyList<CaseworkApi.NoteResponse> Notes { get; private set; } = [];

    public IReadOnlyList<Colleague> Colleagues { get; private set; } = [];

    public IReadOnlyList<PhotoRow> Photos { get; private set; } = [];

    /// <summary>What the applicant sent or changed in answering the deficiency record.</summary>
    public CaseworkApi.ChangesResponse? Changes { get; private set; }

    public IReadOnlyList<string> ChangedAnswerLabels { get; private set; } = [];

    /// <summary>The document shown in the in-page viewer (<c>?view=</c>), if any.</summary>
    public DocumentRow? Viewing { get; private set; }

    public bool HasInspection { get; private set; }

    public DateOnly Today => legalClock.Today;

    public bool CanScheduleInspection => HasInspection && Me.Role == Role.Officer
        && (Application.Status == ApplicationStatus.InReview && Application.Inspection is null
            || Application.Status == ApplicationStatus.Inspection && Application.Inspection is { Outcome: null });

    public bool CanRecordInspection => Me.Role == Role.Officer && Application.Status == ApplicationStatus.Inspection && Application.Inspection is { Outcome: null };

    public bool CanRecordDelayReason => Application.Status is ApplicationStatus.Submitted or ApplicationStatus.InReview or ApplicationStatus.Inspection;

    public bool IsOpen => !Application.Status.IsClosed();

    /// <summary>The form whose post failed, so a field error shows beside that form's field only.</summary>
    public string? FailedForm { get; private set; }

    /// <summary>What the officer typed into a form that failed, so nothing is lost.</summary>
    public string Posted(string key) => Request.HasFormContentType ? Request.Form[key].ToString() : string.Empty;

    public string? ErrorFor(string form, string key) =>
        FailedForm == form && ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public bool CanAccept => Me.Role == Role.Officer && Application.Status == ApplicationStatus.Submitted;

    public bool CanRecordDeficiency => CanAccept && Application.Deficiency is null;

    public bool CanRecommend => Me.Role == Role.Officer && Application.Status is ApplicationStatus.InReview or ApplicationStatus.Inspection;

    public bool CanDecide => Me.Role == Role.Approver && Application.Status is ApplicationStatus.InReview or ApplicationStatus.Inspection && Application.Recommendation is not null;

    public bool CanExtend => Me.Role == Role.Approver && Application.Status is ApplicationStatus.Submitted or ApplicationStatus.InReview or ApplicationStatus.Inspection;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? view, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Viewing = view is null ? null : Documents.FirstOrDefault(d => d.Id == view && d.MayBeOpened);
        return Page();
    }

    /// <summary>
    /// A document of this file, to its office only, shown inline (the page's viewer frames it) with the type found by
    /// content at upload and never sniffed. Uploads were checked for active content (UploadInspector).
    /// </summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var file = await db.ApplicationDocuments.AsNoTracking().Where(d => d.Id == documentId && d.ApplicationId == id)
            .Join(db.UploadedFiles, d => d.UploadedFileId, f => f.Id, (d, f) => f).FirstOrDefaultAsync(ct);
        return await InlineAsync(file, ct);
    }

    /// <summary>An inspection photo of this file, inline.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(Guid id, Guid photoId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var file = await db.InspectionPhotos.AsNoTracking().Where(p => p.Id == photoId && p.ApplicationId == id)
            .Join(db.UploadedFiles, p => p.UploadedFileId, f => f.Id, (p, f) => f).FirstOrDefaultAsync(ct);
        return await InlineAsync(file, ct);
    }

    /// <summary>The deficiency record as a PDF, the same document the applicant downloads.</summary>
    public async Task<IActionResult> OnGetDeficiencyRecordAsync(Guid id, [FromServices] DeficiencyRecordDocument documents, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var pdf = await CaseworkApi.RenderDeficiencyAsync(Application, db, catalog, documents, new Uri($"{Request.Scheme}://{Request.Host}/applications/{id}"), ct);
        return pdf is null ? NotFound() : File(pdf.Bytes, "application/pdf", $"deficiency-{Application.Reference}.pdf");
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, int rowVersion, Guid? assigneeId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var colleague = await CaseworkApi.FindColleagueAsync(db, Application, assigneeId, ct);
        return colleague.IsSuccess
            ? await ActAsync(id, rowVersion, CaseworkApi.Assign(colleague.Value.Id, colleague.Value.DisplayName, clock), ct)
            : await ShowErrorAsync(id, colleague.Error!, ct);
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? text, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var note = CaseworkApi.AddNote(db, events, Me, Application, text, clock.GetUtcNow().UtcDateTime);
        if (!note.IsSuccess)
        {
            return await ShowErrorAsync(id, note.Error!, ct);
        }

        await db.SaveChangesAsync(ct);
        return Redirect($"/office/applications/{id}#notes");
    }

    public Task<IActionResult> OnPostVerifyAsync(Guid id, int rowVersion, string[]? verified, CancellationToken ct) =>
        ActAsync(id, rowVersion, CaseworkApi.Verify(verified ?? [], directory, clock), ct);

    public Task<IActionResult> OnPostDelayReasonAsync(Guid id, int rowVersion, string? reason, CancellationToken ct) =>
        ActAsync(id, rowVersion, CaseworkApi.DelayReason(reason, clock), ct);

    public Task<IActionResult> OnPostInspectionAsync(Guid id, int rowVersion, string? date, string? slot, CancellationToken ct) =>
        ActAsync(id, rowVersion, CaseworkApi.ScheduleInspection(Platform.HtmlDates.Parse(date), slot, catalog, legalClock, clock), ct);

    /// <summary>The inspector's result with notes, and the site photos sent with it.</summary>
    public async Task<IActionResult> OnPostInspectionResultAsync(Guid id, int rowVersion, string? outcome, string? notes, List<IFormFile>? photos, [FromServices] DocumentUploads uploads, CancellationToken ct)
    {
        var result = await ActAsync(id, rowVersion, CaseworkApi.RecordInspection(outcome, notes, clock), ct);
        if (result is not RedirectResult)
        {
            return result;
        }

        db.ChangeTracker.Clear();
        var application = await db.Applications.FirstAsync(a => a.Id == id, ct);
        foreach (var photo in photos ?? [])
        {
            await using var content = photo.OpenReadStream();
            var added = await CaseworkApi.AddPhotoAsync(db, uploads, events, Me, application, content, photo.FileName, clock.GetUtcNow().UtcDateTime, ct);
            if (!added.IsSuccess)
            {
                await db.SaveChangesAsync(ct);
                return await ShowErrorAsync(id, added.Error!, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        return result;
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, int rowVersion, CancellationToken ct) =>
        ActAsync(id, rowVersion, ReviewApi.Accept(clock), ct);

    public Task<IActionResult> OnPostDeficiencyAsync(Guid id, int rowVersion, string[]? items, string? note, string? dueDate, CancellationToken ct) =>
        ActAsync(id, rowVersion, ReviewApi.Deficiency(new ReviewApi.DeficiencyRequest(items, note, Platform.HtmlDates.Parse(dueDate)), directory, clock), ct);

    public Task<IActionResult> OnPostRecommendAsync(Guid id, int rowVersion, string? outcome, string? note, CancellationToken ct) =>
        ActAsync(id, rowVersion, ReviewApi.Recommend(new ReviewApi.RecommendationRequest(outcome, note), clock), ct);

    public Task<IActionResult> OnPostDecideAsync(Guid id, int rowVersion, string? outcome, string? reasons, CancellationToken ct) =>
        ActAsync(id, rowVersion, ReviewApi.Decide(new ReviewApi.DecisionRequest(outcome, reasons), directory, clock), ct);

    public Task<IActionResult> OnPostExtendAsync(Guid id, int rowVersion, string? reason, CancellationToken ct) =>
        ActAsync(id, rowVersion, ReviewApi.Extend(new ReviewApi.ExtensionRequest(reason), directory, clock), ct);

    private async Task<IActionResult> ActAsync(Guid id, int rowVersion, ReviewApi.ReviewAction action, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, tracking: true))
        {
            return NotFound();
        }

        DomainError? error = Application.RowVersion != rowVersion
            ? ReviewApi.Stale()
            : await ReviewApi.ApplyAsync(db, HttpContext.RequestServices, Me, Application, action, ct);
        return error is null ? Redirect($"/office/applications/{id}") : await ShowErrorAsync(id, error, ct);
    }

    private async Task<IActionResult> InlineAsync(Anuyat.Infrastructure.Documents.UploadedFile? file, CancellationToken ct)
    {
        if (file is { MayBeOpened: false })
        {
            // OWASP ASVS 5.0 5.2.x, fail closed: not served until the virus scan says clean (PendingScans retries it).
            Response.Headers.CacheControl = "no-store";
            return new ContentResult
            {
                StatusCode = StatusCodes.Status409Conflict,
                ContentType = "text/plain; charset=utf-8",
                Content = file.Scan == Anuyat.Infrastructure.Documents.ScanState.Infected
                    ? "ไฟล์นี้มีไวรัสและถูกกักไว้ เปิดไม่ได้\nThis file carries a virus and is quarantined; it cannot be opened."
                    : "ไฟล์นี้รอการตรวจไวรัส จะเปิดได้เมื่อตรวจแล้วว่าปลอดภัย\nThis file is pending a virus scan; it can be opened once the scan finds it clean.",
            };
        }

        var content = file is null ? null : await store.OpenReadAsync(file.Sha256, ct);
        if (file is null || content is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline") { FileNameStar = file.OriginalName }.ToString();

        // Only this page may frame the file. Images are sandboxed outright; a PDF needs the browser's viewer, which a
        // sandbox would block, so it gets no scripts and no outbound requests instead.
        Response.Headers.ContentSecurityPolicy = file.ContentType == "application/pdf"
            ? "default-src 'none'; object-src 'self'; frame-ancestors 'self'"
            : "default-src 'none'; img-src 'self'; frame-ancestors 'self'; sandbox";
        return File(content, file.ContentType);
    }

    private async Task<IActionResult> ShowErrorAsync(Guid id, DomainError error, CancellationToken ct)
    {
        FailedForm = Request.RouteValues["handler"]?.ToString()?.ToLowerInvariant();
        if (error is ValidationFailed validation)
        {
            foreach (var (field, messages) in validation.Errors)
            {
                ModelState.AddModelError(field, T(messages[0]));
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, T(error.Message));
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct, bool tracking = false)
    {
        Me = CurrentUser.From(User)!;
        var query = tracking ? db.Applications : db.Applications.AsNoTracking();
        var application = await query.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !Me.IsOfficeStaff(application, rule) || application.Status == ApplicationStatus.Draft)
        {
            return false;
        }

        Application = application;
        PermitNumber = application.Status == ApplicationStatus.Issued ? await db.Permits.AsNoTracking().Where(p => p.ApplicationId == id).Select(p => p.Number).FirstOrDefaultAsync(ct) : null;
        Definition = catalog.Catalog.GetVersion(application.ServiceCode, application.ServiceVersion)!;
        Clock = legalClock.Read(application, directory.Version(application.ServiceCode, application.ServiceVersion));
        Answers = Flatten(Definition, JsonNode.Parse(application.AnswersJson), [], string.Empty);
        var items = Definition.Documents.ToDictionary(d => d.Code, d => T(d.Name.Th, d.Name.En));
        var documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == id).OrderBy(d => d.AttachedAt)
            .Join(db.UploadedFiles, d => d.UploadedFileId, f => f.Id, (d, f) => new { d.Id, d.ItemCode, f.OriginalName, f.Bytes, d.AnswersDeficiency, f.ContentType, f.Scan })
            .ToListAsync(ct);
        Documents = [.. documents.Select(d => new DocumentRow(d.Id, d.ItemCode, items.GetValueOrDefault(d.ItemCode, d.ItemCode), d.OriginalName, d.Bytes, d.AnswersDeficiency, d.ContentType, d.Scan))];
        Checklist = [.. Definition.Documents.Where(d => !d.StateHolds && (Documents.Any(x => x.ItemCode == d.Code) || application.Deficiency?.Items.Contains(d.Code) == true))
            .Select(d => new ChecklistRow(d.Code, T(d.Name.Th, d.Name.En), Documents.Count(x => x.ItemCode == d.Code), application.VerifiedItems.Contains(d.Code), application.Deficiency?.Items.Contains(d.Code) == true))];
        HasInspection = CaseworkApi.HasInspection(Definition);
        Notes = await CaseworkApi.ReadNotesAsync(db, id, ct);
        Colleagues = [.. (await CaseworkApi.ColleaguesAsync(db, application, ct)).Select(c => new Colleague(c.Id, c.DisplayName, c.Id == application.AssignedTo))];
        Photos = [.. await db.InspectionPhotos.AsNoTracking().Where(p => p.ApplicationId == id).OrderBy(p => p.AttachedAt)
            .Join(db.UploadedFiles, p => p.UploadedFileId, f => f.Id, (p, f) => new PhotoRow(p.Id, f.OriginalName)).ToListAsync(ct)];
        Changes = application.Deficiency?.AnsweredAt is null ? null : await CaseworkApi.ChangesSinceDeficiencyAsync(db, application, Definition, ct);
        ChangedAnswerLabels = Changes is null ? [] : [.. Changes.AnswersChanged.Select(path => LabelOf(Definition, path))];
        var subject = id.ToString("D");
        Timeline = [.. (await db.AuditEvents.AsNoTracking().Where(e => e.SubjectType == ApplicationEvents.SubjectType && e.SubjectId == subject).OrderBy(e => e.Sequence)
            .Select(e => new { e.OccurredAt, e.SummaryTh, e.SummaryEn }).ToListAsync(ct)).Select(e => new TimelineRow(e.OccurredAt, T(e.SummaryTh, e.SummaryEn)))];
        return true;
    }

    /// <summary>The manual's label for an answer path such as <c>buildings[0].floorAreaM2</c>, or the path itself.</summary>
    private static string LabelOf(ServiceDefinition definition, string path)
    {
        var parts = System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", string.Empty).Split('.');
        var labels = new List<string>();
        for (var i = 1; i <= parts.Length; i++)
        {
            var field = definition.Field(parts[..i]);
            labels.Add(field is null ? parts[i - 1] : T(field.Label.Th, field.Label.En));
        }

        return string.Join(" › ", labels);
    }

    /// <summary>Answers as label/value rows in the order of the JSON, with the manual's labels where the path has one.</summary>
    private static List<AnswerRow> Flatten(ServiceDefinition definition, JsonNode? node, List<string> path, string prefix)
    {
        var rows = new List<AnswerRow>();
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var field = definition.Field([.. path, key]);
                    var label = field is null ? key : T(field.Label.Th, field.Label.En);
                    var option = field?.Type == FieldTypes.Choice ? field.Options.FirstOrDefault(o => o.Value == value?.ToString()) : null;
                    var rowLabel = prefix.Length == 0 ? label : $"{prefix} › {label}";
                    if (option is not null)
                    {
                        rows.Add(new AnswerRow(rowLabel, T(option.Label.Th, option.Label.En)));
                        continue;
                    }

                    rows.AddRange(Flatten(definition, value, [.. path, key], rowLabel));
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    rows.AddRange(Flatten(definition, array[i], path, $"{prefix} {i + 1}"));
                }

                break;
            case null:
                break;
            default:
                var text = node.ToString();
                rows.Add(new AnswerRow(prefix, text switch { "true" => T("ใช่", "Yes"), "false" => T("ไม่ใช่", "No"), _ => text }));
                break;
        }

        return rows;
    }
}
