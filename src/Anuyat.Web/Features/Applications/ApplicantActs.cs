using System.Text.Json.Nodes;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Applications;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Applications;

/// <summary>
/// The applicant's two acts on a file, shared by the API and the pages: attaching a document to a checklist item, and
/// sending the file (or sending it back after the deficiency record).
/// </summary>
public static class ApplicantActs
{
    /// <summary>
    /// Inspects and stores the file, links it to the checklist item and records the event (the caller saves). While a
    /// deficiency record is open only the items it lists may be sent (Licensing Facilitation Act B.E. 2558 s.8).
    /// </summary>
    public static async Task<Result<(ApplicationDocument Document, UploadedFile File)>> AttachAsync(
        AnuyatDbContext db, DocumentUploads uploads, ApplicationEvents events, CurrentUser user, PermitApplication application,
        ServiceDefinition definition, string? itemCode, Stream? content, string? fileName, DateTime now, CancellationToken ct)
    {
        if (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Deficient))
        {
            return new ConflictError("documents-locked", new BilingualText(
                "ยื่นคำขอแล้ว แนบเอกสารเพิ่มได้เมื่อเจ้าหน้าที่ขอเท่านั้น", "The application has been sent; documents can be added only when the office asks"));
        }

        var item = definition.Documents.FirstOrDefault(d => d.Code == itemCode && !d.StateHolds);
        var errors = new Dictionary<string, BilingualText[]>();
        if (item is null)
        {
            errors["item"] = [new("เลือกรายการเอกสารจากรายการของบริการนี้", "Choose a document item from this service's checklist")];
        }
        else if (application.Status == ApplicationStatus.Deficient && !application.Deficiency!.Items.Contains(item.Code))
        {
            errors["item"] = [new(
                "ส่งได้เฉพาะรายการในบันทึกความบกพร่อง (พ.ร.บ. การอำนวยความสะดวกฯ มาตรา 8)",
                "Only the items listed in the deficiency record can be sent now (Licensing Facilitation Act s.8)")];
        }

        if (content is null)
        {
            errors["file"] = [new("โปรดเลือกไฟล์", "Choose a file")];
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        // The file row, the link and the audit entry commit together in the caller's save (one transaction per upload).
        var stored = await uploads.AcceptAsync(user.AccountId, content!, fileName, save: false, ct);
        if (!stored.IsSuccess)
        {
            return stored.Error!;
        }

        var document = new ApplicationDocument
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = application.Id,
            ItemCode = item!.Code,
            UploadedFileId = stored.Value.Id,
            AttachedAt = now,
            AnswersDeficiency = application.Status == ApplicationStatus.Deficient,
        };
        db.ApplicationDocuments.Add(document);
        events.Record(user, application, "document-attached", new($"แนบเอกสาร: {item.Name.Th}", $"Document attached: {item.Name.En}"), new { item = item.Code, stored.Value.Sha256 });
        return (document, stored.Value);
    }

    /// <summary>
    /// Checks every answer and demanded document, then sends the file (or sends it back after the deficiency record)
    /// with its deadline, event and notice. The caller saves.
    /// </summary>
    public static async Task<Result<PermitApplication>> SendAsync(
        AnuyatDbContext db, ServiceDefinition definition, IServiceDirectory services, ApplicationClock legalClock, ApplicationEvents events,
        CurrentUser user, PermitApplication application, DateTime now, CancellationToken ct)
    {
        if (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Deficient))
        {
            return new ConflictError("already-submitted", new BilingualText("ยื่นคำขอนี้แล้ว", "This application has already been sent"));
        }

        var answers = JsonNode.Parse(application.AnswersJson) as JsonObject ?? [];
        var errors = AnswerValidator.Validate(definition, answers);
        var attached = await db.ApplicationDocuments.Where(d => d.ApplicationId == application.Id).Select(d => d.ItemCode).Distinct().ToListAsync(ct);
        foreach (var missing in DocumentChecklist.Demanded(definition, answers).Where(d => !attached.Contains(d.Code)))
        {
            errors[$"documents.{missing.Code}"] = [new($"แนบ{missing.Name.Th}", $"Attach the {missing.Name.En}")];
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

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
                new($"กำหนดแจ้งผลตามกฎหมาย: {(application.LegalDeadline is { } th ? ThaiDates.LongDateTh(th) : "-")}", $"Legal deadline for the decision: {(application.LegalDeadline is { } en ? ThaiDates.LongDateEn(en) : "-")}"));
        }

        return application;
    }
}
