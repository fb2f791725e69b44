using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
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
    /// <summary>
    /// A file part up to this size is read into a pooled buffer rather than spooled to a temporary file first (the
    /// framework's default is 64 KB): a typical scan of a few hundred KB then costs no extra file, write and delete.
    /// 1 MB is the largest buffer the form reader rents from the shared pool; larger files still go to disk.
    /// </summary>
    public const int InMemoryUploadBytes = 1024 * 1024;

    public sealed record DocumentResponse(Guid Id, string Item, string Sha256, long Bytes, string ContentType, string Name);

    public sealed record SubmittedResponse(string Reference, string Status, DateOnly? LegalDeadline);

    public static RouteGroupBuilder MapSubmissionApi(this RouteGroupBuilder api, long maxUploadBytes)
    {
        api.MapPost("/{id:guid}/documents", AttachAsync)
            .WithMetadata(new RequestSizeLimitAttribute(maxUploadBytes + (64 * 1024)))
            .WithFormOptions(memoryBufferThreshold: InMemoryUploadBytes)
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
        var application = await ApplicationQueries.FindTrackedAsync(db, id);
        if (application is null || (user.AccountId != application.ApplicantAccountId && user.AccountId != application.FiledByAccountId))
        {
            return ApplicationErrors.NotFound();
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        var file = form?.Files.GetFile("file");
        var definition = catalog.Catalog.GetVersion(application.ServiceCode, application.ServiceVersion)!;
        await using var content = file?.OpenReadStream();
        var attached = await ApplicantActs.AttachAsync(db, uploads, events, user, application, definition, form?["item"].ToString(), content, file?.FileName, clock.GetUtcNow().UtcDateTime, ct);
        if (!attached.IsSuccess)
        {
            return ErrorResponses.Problem(attached.Error!);
        }

        var (document, stored) = attached.Value;
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/v1/applications/{application.Id}/documents/{document.Id}",
            new DocumentResponse(document.Id, document.ItemCode, stored.Sha256, stored.Bytes, stored.ContentType, stored.OriginalName));
    }

    private static async Task<IResult> SubmitAsync(Guid id, HttpContext http, AnuyatDbContext db, CatalogStore catalog, IServiceDirectory services, ApplicationClock legalClock, ApplicationEvents events, TimeProvider clock, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var application = await ApplicationQueries.FindTrackedAsync(db, id);
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
        var definition = catalog.Catalog.GetVersion(application.ServiceCode, application.ServiceVersion)!;

        // A registration window (the elderly allowance takes no registrations in December, per the Ministry of
        // Interior Regulation B.E. 2566) applies to first filings; answering a deficiency record is never refused by it.
        if (application.Status == ApplicationStatus.Draft && !definition.IsOpenOn(ApplicationsApi.BangkokToday(clock)))
        {
            return RegistrationWindow.Closed(definition);
        }

        var result = await ApplicantActs.SendAsync(db, definition, services, legalClock, events, user, application, clock.GetUtcNow().UtcDateTime, ct);
        if (!result.IsSuccess)
        {
            return result;
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
