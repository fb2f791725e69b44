using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Anuyat.Web.Features.Documents;

/// <summary>
/// Uploaded documents: the content-addressed store, the upload inspector (with ClamAV when <c>Uploads:ClamAv:Host</c>
/// is set) and the upload API. The store is chosen here; an S3-compatible <see cref="IDocumentStore"/> (issue 9) is
/// registered instead of <see cref="LocalDocumentStore"/> when <c>Documents:Store=S3</c>.
/// </summary>
public static partial class DocumentsSetup
{
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<UploadLimits>().Bind(builder.Configuration.GetSection(UploadLimits.Section))
            .Validate(l => l.MaxBytes > 0, "Uploads__MaxBytes: must be a positive number of bytes.").ValidateOnStart();
        AddDocumentStore(builder);

        var clamAv = builder.Configuration.GetSection(UploadLimits.Section + ":ClamAv").Get<ClamAvOptions>();
        if (!string.IsNullOrWhiteSpace(clamAv?.Host))
        {
            services.AddSingleton(clamAv);
            services.AddSingleton<IMalwareScanner, ClamAvScanner>();
            services.AddScoped<PendingScans>();
            services.AddHostedService<PendingScanWorker>();
        }

        services.AddSingleton(sp => new UploadInspector(
            sp.GetRequiredService<IOptions<UploadLimits>>(), sp.GetRequiredService<ILogger<UploadInspector>>(), sp.GetService<IMalwareScanner>()));
        services.AddScoped<DocumentUploads>();
        return builder;
    }

    /// <summary>
    /// <c>Documents:Store</c>: <c>Local</c> (the data directory, default) or <c>S3</c> (<c>Documents:S3:*</c>). Either
    /// is wrapped so an integrity failure is audited. A wrong setting stops the start with the setting named.
    /// </summary>
    private static void AddDocumentStore(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var kind = builder.Configuration["Documents:Store"];
        if (string.IsNullOrWhiteSpace(kind) || kind.Equals("local", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<LocalDocumentStore>();
            services.AddSingleton<IDocumentStore>(sp => new AuditedDocumentStore(
                sp.GetRequiredService<LocalDocumentStore>(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ILogger<AuditedDocumentStore>>()));
        }
        else if (kind.Equals("s3", StringComparison.OrdinalIgnoreCase))
        {
            var options = S3DocumentStoreOptions.FromConfiguration(builder.Configuration);
            services.AddSingleton(options);
            services.AddSingleton<S3DocumentStore>();
            services.AddSingleton<IDocumentStore>(sp => new AuditedDocumentStore(
                sp.GetRequiredService<S3DocumentStore>(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ILogger<AuditedDocumentStore>>()));
            services.AddHostedService<S3StartupCheck>();
        }
        else
        {
            throw new StartupException($"Documents__Store: expected 'Local' or 'S3', got '{kind}'.");
        }
    }

    /// <summary>Tries the files kept "pending scan" again every <c>Uploads:ClamAv:RetrySeconds</c> (default 60).</summary>
    private sealed partial class PendingScanWorker(IServiceScopeFactory scopes, ClamAvOptions options, ILogger<PendingScanWorker> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.RetrySeconds)));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // Each tenant's files are read through its own filtered context, as the other duties do.
                    await scopes.ForEachTenantAsync(async services =>
                    {
                        var round = await services.GetRequiredService<PendingScans>().RunOnceAsync(cancellationToken: stoppingToken);
                        if (round.Clean + round.Infected > 0)
                        {
                            LogRound(logger, round.Clean, round.Infected, round.StillPending);
                        }
                    });
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
        }

        [LoggerMessage(EventId = 9005, EventName = "PendingScansRound", Level = LogLevel.Information,
            Message = "Pending scans: {Clean} clean, {Infected} quarantined, {StillPending} still pending")]
        private static partial void LogRound(ILogger logger, int clean, int infected, int stillPending);

        [LoggerMessage(EventId = 9006, EventName = "PendingScansFailed", Level = LogLevel.Error, Message = "Pending scans round failed; tried again next round")]
        private static partial void LogFailed(ILogger logger, Exception exception);
    }

    /// <summary>Before the server listens: the bucket is there and the keys work, or the start stops naming the setting.</summary>
    private sealed class S3StartupCheck(S3DocumentStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.CheckAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public static WebApplication MapDocuments(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/uploads").WithTags("Documents")
            // Bearer tokens only: a cookie-carrying browser cannot be made to post here from another site (no CSRF),
            // so the form anti-forgery check is not needed. Pages upload through their own anti-forgery-protected forms.
            .RequireAuthorization(p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser());

        // Kestrel stops a body past the file limit plus room for the multipart framing, before it is all read.
        var maxBytes = app.Services.GetRequiredService<IOptions<UploadLimits>>().Value.MaxBytes;
        api.MapPost("/", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes + (64 * 1024)))
            .DisableAntiforgery()
            .RequireRateLimiting(AccountsSetup.RateLimits.Uploads)
            .WithIdempotency()
            .WithName("UploadDocument")
            .WithSummary("Multipart `file`: a PDF, JPEG or PNG within the size limit. Checked by content; refused files are not stored. → 201 { id, sha256, bytes, contentType, name }");
        api.MapGet("/{id:guid}", DownloadAsync)
            .WithName("DownloadUpload")
            .WithSummary("The uploaded file, to the account that uploaded it only, as an attachment.");
        app.MapGet("/api/v1/upload-limits", (IOptions<UploadLimits> limits) =>
            {
                var text = limits.Value.Describe();
                return Results.Ok(new UploadLimitsResponse(limits.Value.MaxBytes, ["application/pdf", "image/jpeg", "image/png"], text.Th, text.En));
            })
            .WithTags("Documents")
            .WithName("GetUploadLimits")
            .WithSummary("What may be uploaded, so a page can say so before the file is chosen.");
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, DocumentUploads uploads, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User)!;
        IFormFile? file = null;
        if (http.Request.HasFormContentType)
        {
            try
            {
                var form = await http.Request.ReadFormAsync(cancellationToken);
                file = form.Files.GetFile("file");
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<UploadLimits>>().Value;
                return new StatusOverride(ErrorResponses.Problem(UploadInspector.Refusal(UploadRefusalReason.TooLarge, "request body over the limit", limits.MaxBytes)), StatusCodes.Status413PayloadTooLarge);
            }
        }

        if (file is null)
        {
            return ErrorResponses.ValidationProblem(new Dictionary<string, BilingualText[]>
            {
                ["file"] = [new BilingualText("โปรดเลือกไฟล์", "Choose a file")],
            });
        }

        await using var content = file.OpenReadStream();
        var result = await uploads.AcceptAsync(user.AccountId, content, file.FileName, cancellationToken);
        if (!result.IsSuccess)
        {
            var problem = ErrorResponses.Problem(result.Error!);
            return result.Error is UploadRefused { Reason: UploadRefusalReason.TooLarge }
                ? new StatusOverride(problem, StatusCodes.Status413PayloadTooLarge)
                : problem;
        }

        var stored = result.Value;
        return Results.Created($"/api/v1/uploads/{stored.Id}", new UploadResponse(stored.Id, stored.Sha256, stored.Bytes, stored.ContentType, stored.OriginalName));
    }

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext http, DocumentUploads uploads, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User)!;
        var opened = await uploads.OpenAsync(user.AccountId, id, cancellationToken);
        if (opened is null)
        {
            return Results.NotFound();
        }

        // OWASP ASVS 5.0 5.4.1–5.4.2: always a download with an RFC 6266 name; never sniffed, never rendered as a page.
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox";
        headers.CacheControl = "no-store";
        var (file, stream) = opened.Value;
        if (stream is null)
        {
            // Fail closed: a file whose virus scan is owed (or found a virus) is not served, even to its uploader.
            return ErrorResponses.Problem(file.Scan == ScanState.Infected
                ? new ConflictError("upload-quarantined", new BilingualText("ไฟล์นี้มีไวรัสและถูกกักไว้ เปิดไม่ได้", "This file carries a virus and is quarantined; it cannot be opened"))
                : new ConflictError("upload-pending-scan", new BilingualText("ไฟล์นี้รอการตรวจไวรัส จะเปิดได้เมื่อตรวจแล้วว่าปลอดภัย", "This file is pending a virus scan; it can be opened once the scan finds it clean")));
        }

        return Results.File(stream, file.ContentType, fileDownloadName: file.OriginalName);
    }

    /// <summary>Runs a problem result with another status (413 for a file over the limit).</summary>
    private sealed class StatusOverride(IResult inner, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (inner is IStatusCodeHttpResult and Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem)
            {
                problem.ProblemDetails.Status = status;
                return Results.Problem(problem.ProblemDetails).ExecuteAsync(httpContext);
            }

            return inner.ExecuteAsync(httpContext);
        }
    }
}

public sealed record UploadResponse(Guid Id, string Sha256, long Bytes, string ContentType, string Name);

public sealed record UploadLimitsResponse(long MaxBytes, string[] ContentTypes, string DescriptionTh, string DescriptionEn);
