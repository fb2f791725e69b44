using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Pdf;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Applications;

/// <summary>
/// The applicant's side of the office's requests on the application page: the deficiency record as a task list (only
/// the items it names), uploading each, sending the file back once; and moving the site inspection once.
/// </summary>
public sealed partial class DetailModel
{
    /// <summary>One item of the deficiency record and the files sent for it since.</summary>
    public sealed record TaskRow(string Code, string Name, IReadOnlyList<string> FilesSent);

    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    /// <summary>The applicant may answer now: the record is open and this is the applicant (or whoever filed).</summary>
    public bool CanAnswer { get; private set; }

    public bool CanReschedule { get; private set; }

    public string? FailedForm { get; private set; }

    public string? ErrorFor(string form, string key) =>
        FailedForm == form && ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The deficiency record as a PDF: the same document the office downloads.</summary>
    public async Task<IActionResult> OnGetDeficiencyRecordAsync(Guid id, [FromServices] CatalogStore catalog, [FromServices] DeficiencyRecordDocument documents, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracking: false, cancellationToken))
        {
            return NotFound();
        }

        var pdf = await CaseworkApi.RenderDeficiencyAsync(Application, db, catalog, documents, new Uri($"{Request.Scheme}://{Request.Host}/applications/{id}"), cancellationToken);
        return pdf is null ? NotFound() : File(pdf.Bytes, "application/pdf", $"deficiency-{Application.Reference}.pdf");
    }

    /// <summary>Sends one file for one item of the deficiency record.</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, string? item, IFormFile? file, [FromServices] CatalogStore catalog, [FromServices] DocumentUploads uploads, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracking: true, cancellationToken) || !CanAnswer)
        {
            return NotFound();
        }

        var definition = catalog.Catalog.GetVersion(Application.ServiceCode, Application.ServiceVersion)!;
        await using var content = file?.OpenReadStream();
        var attached = await ApplicantActs.AttachAsync(db, uploads, events, CurrentUser.From(User)!, Application, definition, item, content, file?.FileName, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (!attached.IsSuccess)
        {
            return await ShowAsync(id, "upload-" + item, attached.Error!, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/applications/{id}#tasks");
    }

    /// <summary>Sends the file back to the office, once, when every item of the record has an answer.</summary>
    public async Task<IActionResult> OnPostResubmitAsync(Guid id, [FromServices] CatalogStore catalog, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracking: true, cancellationToken) || !CanAnswer)
        {
            return NotFound();
        }

        var unanswered = Tasks.Where(t => t.FilesSent.Count == 0 && Application.Deficiency!.Items.Contains(t.Code)).ToList();
        DomainError? error = unanswered.Count > 0
            ? new ValidationFailed(unanswered.ToDictionary(t => "task-" + t.Code, t => new[] { new BilingualText($"ส่ง{t.Name}ก่อน", $"Send the {t.Name} first") }))
            : null;
        if (error is null)
        {
            var definition = catalog.Catalog.GetVersion(Application.ServiceCode, Application.ServiceVersion)!;
            var sent = await ApplicantActs.SendAsync(db, definition, directory, legalClock, events, CurrentUser.From(User)!, Application, clock.GetUtcNow().UtcDateTime, cancellationToken);
            error = sent.Error;
        }

        if (error is not null)
        {
            return await ShowAsync(id, "resubmit", error, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowAsync(id, "resubmit", new ConflictError("already-submitted", new BilingualText("ส่งคืนแล้ว", "This has already been sent back")), cancellationToken);
        }

        return Redirect($"/applications/{id}");
    }

    /// <summary>The applicant's one request to move the site inspection.</summary>
    public async Task<IActionResult> OnPostRescheduleAsync(Guid id, string? date, string? slot, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracking: true, cancellationToken) || Application.ApplicantAccountId != CurrentUser.From(User)!.AccountId)
        {
            return NotFound();
        }

        var result = await CaseworkApi.RescheduleAsync(events, CurrentUser.From(User)!, Application, Platform.HtmlDates.Parse(date), slot, reason, legalClock, clock);
        if (!result.IsSuccess)
        {
            return await ShowAsync(id, "reschedule", result.Error!, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/applications/{id}#inspection");
    }

    private async Task<IActionResult> ShowAsync(Guid id, string form, DomainError error, CancellationToken cancellationToken)
    {
        FailedForm = form;
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
        await LoadAsync(id, tracking: false, cancellationToken);
        return Page();
    }

    /// <summary>Fills the task list of the deficiency record and what the applicant may do now.</summary>
    private async Task LoadAnsweringAsync(PermitApplication application, CurrentUser me, ServiceDefinition? definition, CancellationToken cancellationToken)
    {
        var isApplicant = me.AccountId == application.ApplicantAccountId || me.AccountId == application.FiledByAccountId;
        CanAnswer = isApplicant && application.Status == ApplicationStatus.Deficient;
        CanReschedule = me.AccountId == application.ApplicantAccountId && application.Status == ApplicationStatus.Inspection
            && application.Inspection is { Outcome: null, RescheduleUsed: false };
        if (application.Deficiency is not { } record)
        {
            Tasks = [];
            return;
        }

        var sent = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == application.Id && d.AnswersDeficiency)
            .Join(db.UploadedFiles, d => d.UploadedFileId, f => f.Id, (d, f) => new { d.ItemCode, f.OriginalName })
            .ToListAsync(cancellationToken);
        Tasks = [.. record.Items.Select(code =>
        {
            var item = definition?.Documents.FirstOrDefault(d => d.Code == code);
            return new TaskRow(code, item is null ? code : T(item.Name.Th, item.Name.En), [.. sent.Where(s => s.ItemCode == code).Select(s => s.OriginalName)]);
        })];
    }
}
