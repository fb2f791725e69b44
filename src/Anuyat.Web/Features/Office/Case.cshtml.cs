using System.Text.Json.Nodes;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Domain.Deadlines;
using Anuyat.Infrastructure.Documents;
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
public sealed class CaseModel(AnuyatDbContext db, CatalogStore catalog, IServiceDirectory directory, ApplicationClock legalClock, StaffSecondFactor rule, IDocumentStore store, TimeProvider clock) : PageModel
{
    public sealed record AnswerRow(string Label, string Value);

    public sealed record DocumentRow(Guid Id, string Item, string Name, long Bytes, bool AnswersDeficiency);

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

    public bool CanAccept => Me.Role == Role.Officer && Application.Status == ApplicationStatus.Submitted;

    public bool CanRecordDeficiency => CanAccept && Application.Deficiency is null;

    public bool CanRecommend => Me.Role == Role.Officer && Application.Status is ApplicationStatus.InReview or ApplicationStatus.Inspection;

    public bool CanDecide => Me.Role == Role.Approver && Application.Status is ApplicationStatus.InReview or ApplicationStatus.Inspection && Application.Recommendation is not null;

    public bool CanExtend => Me.Role == Role.Approver && Application.Status is ApplicationStatus.Submitted or ApplicationStatus.InReview or ApplicationStatus.Inspection;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A document of this file, to its office only; never rendered inline, never sniffed.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var file = await db.ApplicationDocuments.AsNoTracking().Where(d => d.Id == documentId && d.ApplicationId == id)
            .Join(db.UploadedFiles, d => d.UploadedFileId, f => f.Id, (d, f) => f).FirstOrDefaultAsync(ct);
        var content = file is null ? null : await store.OpenReadAsync(file.Sha256, ct);
        if (file is null || content is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentSecurityPolicy = "sandbox";
        return File(content, file.ContentType, file.OriginalName);
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, int rowVersion, CancellationToken ct) =>
        ActAsync(id, rowVersion, ReviewApi.Accept(clock), ct);

    public Task<IActionResult> OnPostDeficiencyAsync(Guid id, int rowVersion, string[]? items, string? note, DateOnly? dueDate, CancellationToken ct) =>
        ActAsync(id, rowVersion, ReviewApi.Deficiency(new ReviewApi.DeficiencyRequest(items, note, dueDate), directory, clock), ct);

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
            ? new ConflictError("changed-by-someone-else", new BilingualText("มีผู้อื่นแก้ไขคำขอนี้ก่อนหน้าคุณ ข้อมูลด้านล่างเป็นข้อมูลล่าสุด", "Someone else changed this application first; below is its current state"))
            : await ReviewApi.ApplyAsync(db, HttpContext.RequestServices, Me, Application, action, ct);
        if (error is null)
        {
            return RedirectToPage(new { id });
        }

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
            .Join(db.UploadedFiles, d => d.UploadedFileId, f => f.Id, (d, f) => new { d.Id, d.ItemCode, f.OriginalName, f.Bytes, d.AnswersDeficiency })
            .ToListAsync(ct);
        Documents = [.. documents.Select(d => new DocumentRow(d.Id, items.GetValueOrDefault(d.ItemCode, d.ItemCode), d.OriginalName, d.Bytes, d.AnswersDeficiency))];
        var subject = id.ToString("D");
        Timeline = [.. (await db.AuditEvents.AsNoTracking().Where(e => e.SubjectType == ApplicationEvents.SubjectType && e.SubjectId == subject).OrderBy(e => e.Sequence)
            .Select(e => new { e.OccurredAt, e.SummaryTh, e.SummaryEn }).ToListAsync(ct)).Select(e => new TimelineRow(e.OccurredAt, T(e.SummaryTh, e.SummaryEn)))];
        return true;
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
