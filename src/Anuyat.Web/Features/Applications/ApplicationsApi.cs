using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Applications;

/// <summary>The application endpoints of API.md: create a draft, replace its answers, read it, list.</summary>
public static class ApplicationsApi
{
    public static RouteGroupBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        // Bearer tokens only: a browser's cookie can never carry a cross-site request here (pages have their own handlers).
        var api = app.MapGroup("/api/v1/applications").WithTags("Applications")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser());
        api.MapPost("/", CreateAsync).WithIdempotency().WithName("CreateApplication")
            .WithSummary("Opens a draft application for a service in a district; answers may be partial.");
        api.MapPut("/{id:guid}/answers", ReplaceAnswersAsync).WithName("ReplaceAnswers")
            .WithSummary("Replaces the draft's answers; what was sent is always kept, problems are reported per field.");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetApplication")
            .WithSummary("One application: status, reference, answers, the legal deadline and the clock.");
        api.MapGet("/", ListAsync).WithName("ListApplications")
            .WithSummary("A citizen's own applications, or an officer's queue (filters: status, overdue=true, service, assignedTo=me).");
        api.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithName("WithdrawApplication")
            .WithSummary("The applicant withdraws an application that has not been decided.");
        return api;
    }

    public sealed record CreateRequest(string? ServiceCode, string? DistrictCode, JsonElement? Answers);

    public sealed record CreatedResponse(Guid Id, string Reference, string Status);

    public sealed record AnswersRequest(JsonElement? Answers);

    public sealed record ApplicationResponse(
        Guid Id,
        string Reference,
        string Status,
        string StatusTh,
        string StatusEn,
        string ServiceCode,
        int ServiceVersion,
        string DistrictCode,
        string SectionCode,
        string Channel,
        JsonElement Answers,
        DateTime CreatedAt,
        DateTime UpdatedAt,
        DateTime? SubmittedAt,
        DateOnly? LegalDeadline,
        int? BusinessDaysLeft,
        bool ClockStopped,
        bool Overdue,
        string? PermitNumber,
        IReadOnlyList<DocumentSummary> Documents,
        IReadOnlyList<TimelineEntry> Timeline,
        DeficiencySummary? Deficiency,
        InspectionSummary? Inspection);

    /// <summary>The one deficiency record: what to send, the corrections, by when, and when it was answered.</summary>
    public sealed record DeficiencySummary(IReadOnlyList<string> Items, string Note, DateOnly DueDate, DateTime IssuedAt, DateTime? AnsweredAt);

    /// <summary>The site inspection: when, whether the applicant may still move it, and the result once recorded.</summary>
    public sealed record InspectionSummary(DateOnly Date, string Slot, bool CanReschedule, string? Outcome, string? Notes);

    public sealed record DocumentSummary(Guid Id, string Item, string Sha256, long Bytes, string Name);

    /// <summary>One event on the file in plain words; the actor is a role, never a person's name.</summary>
    public sealed record TimelineEntry(DateTime At, string Action, string ActorRole, string SummaryTh, string SummaryEn);

    public sealed record ApplicationSummary(Guid Id, string Reference, string Status, string ServiceCode, string DistrictCode, DateTime UpdatedAt, DateTime? SubmittedAt, DateOnly? LegalDeadline, Guid? AssignedTo);

    private static async Task<IResult> CreateAsync(CreateRequest request, HttpContext http, AnuyatDbContext db, [Microsoft.AspNetCore.Mvc.FromServices] IServiceDirectory services, ApplicationEvents events, TimeProvider clock, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        if (user.Role != Role.Citizen)
        {
            // Counter intake by officers files for a named applicant; it has its own endpoint.
            return ErrorResponses.Problem(new RuleViolation("citizens-only", new BilingualText("เฉพาะผู้ยื่นคำขอสร้างคำขอได้", "Only applicants open applications here")));
        }

        var errors = new Dictionary<string, BilingualText[]>();
        var today = BangkokToday(clock);
        var service = string.IsNullOrWhiteSpace(request.ServiceCode) ? null : services.InForce(request.ServiceCode.Trim(), today);
        if (service is null)
        {
            errors["serviceCode"] = [new("ไม่พบบริการนี้", "There is no such service")];
        }

        var districtCode = request.DistrictCode?.Trim();
        if (string.IsNullOrEmpty(districtCode) || !await db.Districts.AnyAsync(d => d.Code == districtCode, ct))
        {
            errors["districtCode"] = [new("เลือกเขตจากรายการ (รหัส 1001–1050)", "Choose a district from the list (codes 1001–1050)")];
        }

        if (request.Answers is { } answers && answers.ValueKind != JsonValueKind.Object)
        {
            errors["answers"] = [new("คำตอบต้องเป็นออบเจกต์ JSON", "Answers must be a JSON object")];
        }

        if (errors.Count > 0)
        {
            return ErrorResponses.ValidationProblem(errors);
        }

        if (!services.IsOpenIn(service!.Code, districtCode!, today))
        {
            return ErrorResponses.Problem(new RuleViolation("service-not-open-in-district", new BilingualText(
                "บริการนี้ยังไม่เปิดให้ยื่นออนไลน์ในเขตนี้ โปรดติดต่อสำนักงานเขต",
                "This service is not yet open online in this district; please contact the district office")));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var year = ApplicationReference.BuddhistYearOf(today);

        // The running number and the application commit together, so a failed request never burns a number; the
        // execution strategy retries the whole unit on a transient PostgreSQL error.
        var application = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var number = await Counters.NextAsync(db, ApplicationReference.CounterKey(districtCode!, year), ct);
            var opened = PermitApplication.Open(
                Guid.CreateVersion7(),
                new ApplicationReference(districtCode!, year, number),
                service.Code,
                service.Version,
                service.SectionCode,
                user.AccountId,
                user.AccountId,
                Channel.Online,
                request.Answers?.GetRawText() ?? "{}",
                now);
            db.Applications.Add(opened);
            events.Record(user, opened, "opened", new("สร้างคำขอฉบับร่าง", "Draft opened"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return opened;
        });
        return Results.Created($"/api/v1/applications/{application.Id}", new CreatedResponse(application.Id, application.Reference, application.Status.ToCode()));
    }

    private static async Task<IResult> ReplaceAnswersAsync(Guid id, AnswersRequest request, HttpContext http, AnuyatDbContext db, [Microsoft.AspNetCore.Mvc.FromServices] IServiceDirectory services, ApplicationClock legalClock, TimeProvider clock, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var application = await ApplicationQueries.FindTrackedAsync(db, id);
        if (application is null || (user.AccountId != application.ApplicantAccountId && user.AccountId != application.FiledByAccountId))
        {
            return ApplicationErrors.NotFound();
        }

        if (request.Answers is not { ValueKind: JsonValueKind.Object } answers)
        {
            return ErrorResponses.ValidationProblem(new Dictionary<string, BilingualText[]> { ["answers"] = [new("คำตอบต้องเป็นออบเจกต์ JSON", "Answers must be a JSON object")] });
        }

        var result = application.ReplaceAnswers(answers.GetRawText(), clock.GetUtcNow().UtcDateTime);
        if (!result.IsSuccess)
        {
            return ErrorResponses.Problem(result.Error!);
        }

        await db.SaveChangesAsync(ct);
        return Results.Ok(await ToResponseAsync(application, db, services, legalClock, ct));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, [Microsoft.AspNetCore.Mvc.FromServices] IServiceDirectory services, ApplicationClock legalClock, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return application is not null && user.CanSee(application, rule) ? Results.Ok(await ToResponseAsync(application, db, services, legalClock, ct)) : ApplicationErrors.NotFound();
    }

    private static async Task<IResult> ListAsync(HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, TimeProvider clock, string? status, bool? overdue, string? service, string? assignedTo, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var query = db.Applications.AsNoTracking();
        if (user.Role == Role.Citizen)
        {
            query = query.Where(a => a.ApplicantAccountId == user.AccountId);
        }
        else if (user.Role is Role.Officer or Role.Approver && rule.IsSatisfiedBy(user))
        {
            // An office sees its own district and section, never a draft the applicant has not sent.
            query = query.Where(a => a.DistrictCode == user.DistrictCode && a.SectionCode == user.SectionCode && a.Status != ApplicationStatus.Draft);
        }
        else
        {
            return Results.Ok(Array.Empty<ApplicationSummary>());
        }

        if (status is not null)
        {
            if (!ApplicationStatuses.TryParse(status, out var wanted))
            {
                return ErrorResponses.ValidationProblem(new Dictionary<string, BilingualText[]> { ["status"] = [new($"ไม่รู้จักสถานะ '{status}'", $"Unknown status '{status}'")] });
            }

            query = query.Where(a => a.Status == wanted);
        }

        if (!string.IsNullOrEmpty(service))
        {
            query = query.Where(a => a.ServiceCode == service);
        }

        if (overdue == true)
        {
            // Files the office still holds past their legal deadline (not those waiting on the applicant).
            var today = BangkokToday(clock);
            query = query.Where(a => a.LegalDeadline < today && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InReview || a.Status == ApplicationStatus.Inspection));
        }

        if (assignedTo is not null)
        {
            if (assignedTo != "me")
            {
                return ErrorResponses.ValidationProblem(new Dictionary<string, BilingualText[]> { ["assignedTo"] = [new("ใช้ assignedTo=me", "Use assignedTo=me")] });
            }

            query = query.Where(a => a.AssignedTo == user.AccountId);
        }

        var list = await query.OrderByDescending(a => a.UpdatedAt).Take(200)
            .Select(a => new ApplicationSummary(a.Id, a.Reference, a.Status.ToCode(), a.ServiceCode, a.DistrictCode, a.UpdatedAt, a.SubmittedAt, a.LegalDeadline, a.AssignedTo))
            .ToListAsync(ct);
        return Results.Ok(list);
    }

    private static async Task<IResult> WithdrawAsync(Guid id, HttpContext http, AnuyatDbContext db, [Microsoft.AspNetCore.Mvc.FromServices] IServiceDirectory services, ApplicationClock legalClock, ApplicationEvents events, TimeProvider clock, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var application = await ApplicationQueries.FindTrackedAsync(db, id);
        if (application is null || user.AccountId != application.ApplicantAccountId)
        {
            return ApplicationErrors.NotFound();
        }

        var result = application.Withdraw(clock.GetUtcNow().UtcDateTime);
        if (!result.IsSuccess)
        {
            return ErrorResponses.Problem(result.Error!);
        }

        events.Record(user, application, "withdrawn", new("ผู้ยื่นถอนคำขอแล้ว", "The applicant withdrew the application"));
        await db.SaveChangesAsync(ct);
        return Results.Ok(await ToResponseAsync(application, db, services, legalClock, ct));
    }

    /// <summary>Recomputes and keeps the legal deadline after a change to the clock's facts.</summary>
    public static void RefreshDeadline(PermitApplication application, IServiceDirectory services, ApplicationClock clock) =>
        application.RecordLegalDeadline(clock.Read(application, services.Version(application.ServiceCode, application.ServiceVersion))?.Deadline);

    private static async Task<ApplicationResponse> ToResponseAsync(PermitApplication a, AnuyatDbContext db, IServiceDirectory services, ApplicationClock clock, CancellationToken ct)
    {
        var subject = a.Id.ToString("D");
        var timeline = a.IsSynthetic
            ? [.. Demo.SyntheticTimeline.For(a).Select(e => new TimelineEntry(e.At, e.Action, e.ActorRole, e.Summary.Th, e.Summary.En))]
            : await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == ApplicationEvents.SubjectType && e.SubjectId == subject)
            .OrderBy(e => e.Sequence)
            .Select(e => new TimelineEntry(e.OccurredAt, e.Action, e.ActorRole, e.SummaryTh, e.SummaryEn))
            .ToListAsync(ct);
        var documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == a.Id)
            .Join(db.UploadedFiles, d => d.UploadedFileId, f => f.Id, (d, f) => new DocumentSummary(d.Id, d.ItemCode, f.Sha256, f.Bytes, f.OriginalName))
            .ToListAsync(ct);
        return ToResponse(a, services, clock, documents, timeline);
    }

    private static ApplicationResponse ToResponse(PermitApplication a, IServiceDirectory services, ApplicationClock clock, IReadOnlyList<DocumentSummary> documents, IReadOnlyList<TimelineEntry> timeline)
    {
        var status = a.Status.Describe();
        using var answers = JsonDocument.Parse(a.AnswersJson);
        var reading = clock.Read(a, services.Version(a.ServiceCode, a.ServiceVersion));
        return new ApplicationResponse(a.Id, a.Reference, a.Status.ToCode(), status.Th, status.En, a.ServiceCode, a.ServiceVersion, a.DistrictCode, a.SectionCode,
            a.Channel.ToString().ToLowerInvariant(), answers.RootElement.Clone(), a.CreatedAt, a.UpdatedAt, a.SubmittedAt,
            reading?.Deadline, reading?.BusinessDaysLeft, reading?.IsStopped ?? false, reading is { IsOverdue: true } && !a.Status.IsClosed(), null, documents, timeline,
            a.Deficiency is { } d ? new DeficiencySummary(d.Items, d.Note, d.DueDate, d.IssuedAt, d.AnsweredAt) : null,
            a.Inspection is { } i ? new InspectionSummary(i.Date, i.Slot.ToCode(), a.Status == ApplicationStatus.Inspection && i.Outcome is null && !i.RescheduleUsed, i.Outcome?.ToString().ToLowerInvariant(), i.Notes) : null);
    }

    public static DateOnly BangkokToday(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, ThaiDates.Bangkok));
}
