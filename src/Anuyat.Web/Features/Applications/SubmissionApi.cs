using System.Text.Json.Nodes;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Applications;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Catalog;
using Anuyat.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anuyat.Web.Features.Applications;

/// <summary>Attaching documents to checklist items, and sending the application (or re-sending it after a deficiency record).</summary>
public static class SubmissionApi
{
    public sealed record DocumentResponse(Guid Id, string Item, string Sha256, long Bytes, string ContentType, string Name);

    public sealed record SubmittedResponse(string Reference, string Status, DateOnly? LegalDeadline);

    public static RouteGroupBuilder MapSubmissionApi(this RouteGroupBuilder api, long maxUploadBytes)
    {
        api.MapPost("/{id:guid}/documents", AttachAsync)
            .WithMetadata(new RequestSizeLimitAttribute(maxUploadBytes + (64 * 1024)))
            .DisableAntiforgery()
            .RequireRateLimiting(AccountsSetup.RateLimits.Uploads)
            .WithIdempotency()
            .WithName("AttachDocument")
            .WithSummary("Multipart `file` + `item` (a checklist item code): a PDF, JPEG or PNG, checked by content. → 201 { id, item, sha256, bytes }");
        api.MapPost("/{id:guid}/submit", SubmitAsync)
            .RequireRateLimiting(AccountsSetup.RateLimits.Submission)
            .WithIdempotency()
            .WithName("SubmitApplication")
            .WithSummary("Sends the application: every answer and required document is checked first (field errors otherwise). After a deficiency record the same call re-sends it.");
        return api;
    }

    private static async Task<IResult> AttachAsync(Guid id, HttpContext http, AnuyatDbContext db, CatalogStore catalog, DocumentUploads uploads, ApplicationEvents events, TimeProvider clock, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || (user.AccountId != application.ApplicantAccountId && user.AccountId != application.FiledByAccountId))
        {
            return ApplicationErrors.NotFound();
        }

        if (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Deficient))
        {
            return ErrorResponses.Problem(new ConflictError("documents-locked", new BilingualText(
                "ยื่นคำขอแล้ว แนบเอกสารเพิ่มได้เมื่อเจ้าหน้าที่ขอเท่านั้น", "The application has been sent; documents can be added only when the office asks")));
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        var item = form?["item"].ToString();
        var file = form?.Files.GetFile("file");
        var definition = catalog.Catalog.GetVersion(application.ServiceCode, application.ServiceVersion)!;
        var checklistItem = definition.Documents.FirstOrDefault(d => d.Code == item && !d.StateHolds);
        var errors = new Dictionary<string, BilingualText[]>();
        if (checklistItem is null)
        {
            errors["item"] = [new("เลือกรายการเอกสารจากรายการของบริการนี้", "Choose a document item from this service's checklist")];
        }

        if (file is null)
        {
            errors["file"] = [new("โปรดเลือกไฟล์", "Choose a file")];
        }

        if (errors.Count > 0)
        {
            return ErrorResponses.ValidationProblem(errors);
        }

        await using var content = file!.OpenReadStream();
        var stored = await uploads.AcceptAsync(user.AccountId, content, file.FileName, ct);
        if (!stored.IsSuccess)
        {
            return ErrorResponses.Problem(stored.Error!);
        }

        var document = new ApplicationDocument
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = application.Id,
            ItemCode = checklistItem!.Code,
            UploadedFileId = stored.Value.Id,
            AttachedAt = clock.GetUtcNow().UtcDateTime,
            AnswersDeficiency = application.Status == ApplicationStatus.Deficient,
        };
        db.ApplicationDocuments.Add(document);
        events.Record(user, application, "document-attached", new($"แนบเอกสาร: {checklistItem.Name.Th}", $"Document attached: {checklistItem.Name.En}"), new { item = checklistItem.Code, stored.Value.Sha256 });
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/v1/applications/{application.Id}/documents/{document.Id}",
            new DocumentResponse(document.Id, document.ItemCode, stored.Value.Sha256, stored.Value.Bytes, stored.Value.ContentType, stored.Value.OriginalName));
    }

    private static async Task<IResult> SubmitAsync(Guid id, HttpContext http, AnuyatDbContext db, CatalogStore catalog, IServiceDirectory services, ApplicationClock legalClock, ApplicationEvents events, TimeProvider clock, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || (user.AccountId != application.ApplicantAccountId && user.AccountId != application.FiledByAccountId))
        {
            return ApplicationErrors.NotFound();
        }

        if (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Deficient))
        {
            return ErrorResponses.Problem(new ConflictError("already-submitted", new BilingualText("ยื่นคำขอนี้แล้ว", "This application has already been sent")));
        }

        var sent = await SendAsync(application, user, catalog, db, services, legalClock, events, clock, ct);
        if (!sent.IsSuccess)
        {
            return sent.Error is ValidationFailed failed ? ErrorResponses.ValidationProblem(failed.Errors) : ErrorResponses.Problem(sent.Error!);
        }

        return Results.Ok(new SubmittedResponse(application.Reference, application.Status.ToCode(), application.LegalDeadline));
    }

    /// <summary>
    /// Checks every answer and demanded document, then sends the draft (or re-sends after a deficiency record): the
    /// API and the "check your answers" page share this. A concurrent second send (a double click) loses on the row
    /// version and is reported as already sent.
    /// </summary>
    public static async Task<Result<PermitApplication>> SendAsync(PermitApplication application, CurrentUser user, CatalogStore catalog, AnuyatDbContext db, IServiceDirectory services, ApplicationClock legalClock, ApplicationEvents events, TimeProvider clock, CancellationToken ct)
    {
        var id = application.Id;
        var definition = catalog.Catalog.GetVersion(application.ServiceCode, application.ServiceVersion)!;

        // A registration window (the elderly allowance takes no registrations in December, per the Ministry of
        // Interior Regulation B.E. 2566) applies to first filings; answering a deficiency record is never refused by it.
        if (application.Status == ApplicationStatus.Draft && !definition.IsOpenOn(ApplicationsApi.BangkokToday(clock)))
        {
            return ErrorResponses.Problem(RegistrationWindow.Closed(definition));
        }

        var answers = JsonNode.Parse(application.AnswersJson) as JsonObject ?? [];
        var errors = AnswerValidator.Validate(definition, answers);
        var attached = await db.ApplicationDocuments.Where(d => d.ApplicationId == id).Select(d => d.ItemCode).Distinct().ToListAsync(ct);
        foreach (var missing in DocumentChecklist.Demanded(definition, answers).Where(d => !attached.Contains(d.Code)))
        {
            errors[$"documents.{missing.Code}"] = [new($"แนบ{missing.Name.Th}", $"Attach the {missing.Name.En}")];
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var resubmitting = application.Status == ApplicationStatus.Deficient;
        var result = resubmitting ? application.Resubmit(now) : application.Submit(now);
        if (!result.IsSuccess)
        {
            return result;
        }

        ApplicationsApi.RefreshDeadline(application, services, legalClock);
        if (resubmitting)
        {
            events.Record(user, application, "resubmitted", new("ส่งเอกสารตามบันทึกความบกพร่องแล้ว คำขอกลับไปที่สำนักงานเขต", "The missing items were sent; the file is back with the office"));
        }
        else
        {
            events.Record(user, application, "submitted", new("ยื่นคำขอแล้ว", "Application sent"));
            await events.NotifyApplicantAsync(application,
                new("ได้รับคำขอของคุณแล้ว", "We have received your application"),
                new($"กำหนดแจ้งผลตามกฎหมาย: {application.LegalDeadline:yyyy-MM-dd}", $"Legal deadline for the decision: {application.LegalDeadline:yyyy-MM-dd}"));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A double click that raced past the status check: the first one filed it.
            return new ConflictError("already-submitted", new BilingualText("ยื่นคำขอนี้แล้ว", "This application has already been sent"));
        }

        return application;
    }

    public static long MaxUploadBytes(WebApplication app) => app.Services.GetRequiredService<IOptions<UploadLimits>>().Value.MaxBytes;
}
