using Anuyat.Domain.Accounts;
using Anuyat.Domain.Common;
using Anuyat.Domain.Permits;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Permits;

/// <summary>Permits by number (API.md): public facts for anyone, the PDF for the holder and the district's officers, revocation by an approver.</summary>
public static class PermitsApi
{
    public sealed record RevocationRequest(string? Reasons);

    public static WebApplication MapPermitsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/permits").WithTags("Permits");
        api.MapGet("/{number}", GetAsync).WithName("GetPermit").AllowAnonymous()
            .WithSummary("Public facts of a permit: valid, revoked or expired, and the SHA-256 of the genuine PDF.");
        var signedIn = api.MapGroup(string.Empty)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser());
        signedIn.MapGet("/{number}/pdf", PdfAsync).WithName("GetPermitPdf")
            .WithSummary("The permit PDF, exactly as issued; for its holder and the district's officers (others 404).");
        signedIn.MapPost("/{number}/revocation", RevokeAsync).WithName("RevokePermit")
            .WithSummary("An approver of the issuing district revokes the permit with reasons; the holder is told.");
        return app;
    }

    public static object PublicBody(Permit permit, DateOnly today) => new
    {
        number = permit.Number,
        status = permit.StandingOn(today).ToCode(),
        serviceCode = permit.ServiceCode,
        districtCode = permit.DistrictCode,
        issuedOn = permit.IssuedOn,
        validUntil = permit.ValidUntil,
        sha256 = permit.Sha256,
        revokedOn = permit.RevokedAt is { } at ? ApplicationClock.BangkokDate(at) : (DateOnly?)null,
    };

    /// <summary>The holder, and officers and approvers of the issuing district and section (with their second factor), as for the application.</summary>
    public static bool MayDownload(this CurrentUser user, Permit permit, StaffSecondFactor rule) =>
        user.AccountId == permit.HolderAccountId
        || (user.Role is Role.Officer or Role.Approver && rule.IsSatisfiedBy(user) && user.DistrictCode == permit.DistrictCode && user.SectionCode == permit.SectionCode);

    public static async Task<byte[]?> ReadPdfAsync(Permit permit, IDocumentStore store, CancellationToken ct)
    {
        await using var stream = await store.OpenReadAsync(permit.Sha256, ct);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    public static IResult NotFound() =>
        ErrorResponses.Problem(new NotFoundError("permit-not-found", new BilingualText("ไม่พบใบอนุญาตเลขนี้", "There is no permit with this number")));

    private static async Task<IResult> GetAsync(string number, AnuyatDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Number == PermitNumbers.Normalise(number), ct);
        return permit is null ? NotFound() : Results.Ok(PublicBody(permit, ApplicationsApi.BangkokToday(clock)));
    }

    private static async Task<IResult> PdfAsync(string number, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, IDocumentStore store, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Number == PermitNumbers.Normalise(number), ct);
        if (permit is null || !user.MayDownload(permit, rule))
        {
            return NotFound();
        }

        var bytes = await ReadPdfAsync(permit, store, ct);
        return bytes is null ? NotFound() : Results.File(bytes, "application/pdf", $"permit-{permit.Number}.pdf");
    }

    private static async Task<IResult> RevokeAsync(string number, RevocationRequest request, HttpContext http, PermitRevocation revocation, TimeProvider clock, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var result = await revocation.RevokeAsync(user, number, request.Reasons, ct);
        return result.IsSuccess ? Results.Ok(PublicBody(result.Value, ApplicationsApi.BangkokToday(clock))) : ErrorResponses.Problem(result.Error!);
    }
}

/// <summary>Permit numbers are upper-case (1001-PMT-2569-000001); a typed or lower-cased link still finds the permit.</summary>
public static class PermitNumbers
{
    public static string Normalise(string? number) => (number ?? string.Empty).Trim().ToUpperInvariant();
}

/// <summary>
/// An approver of the issuing district revokes a permit with written reasons; the application's timeline records it
/// (audit) and the holder is told by e-mail and inbox, in the same transaction.
/// </summary>
public sealed class PermitRevocation(AnuyatDbContext db, StaffSecondFactor rule, ApplicationEvents events, TimeProvider clock)
{
    public async Task<Result<Permit>> RevokeAsync(CurrentUser user, string number, string? reasons, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var permit = await db.Permits.FirstOrDefaultAsync(p => p.Number == PermitNumbers.Normalise(number), ct);
        if (permit is null || !(user.Role is Role.Officer or Role.Approver && rule.IsSatisfiedBy(user) && user.DistrictCode == permit.DistrictCode && user.SectionCode == permit.SectionCode))
        {
            return new NotFoundError("permit-not-found", new BilingualText("ไม่พบใบอนุญาตเลขนี้", "There is no permit with this number"));
        }

        if (user.Role != Role.Approver)
        {
            return new RuleViolation("role-required", new BilingualText("การเพิกถอนใบอนุญาตต้องทำโดยผู้อนุมัติ", "Only an approver may revoke a permit"));
        }

        var result = permit.Revoke(reasons ?? string.Empty, user.AccountId, clock.GetUtcNow().UtcDateTime);
        if (!result.IsSuccess)
        {
            return result;
        }

        var application = await db.Applications.FirstAsync(a => a.Id == permit.ApplicationId, ct);
        events.Record(user, application, "permit-revoked", new($"เพิกถอนใบอนุญาตเลขที่ {permit.Number} เหตุผล: {permit.RevocationReasons}", $"Permit {permit.Number} revoked. Reasons: {permit.RevocationReasons}"), new { permit = permit.Number });
        await events.NotifyApplicantAsync(application, new("ใบอนุญาตถูกเพิกถอน", "Your permit has been revoked"),
            new($"ใบอนุญาตเลขที่ {permit.Number} ถูกเพิกถอน เหตุผล: {permit.RevocationReasons}", $"Permit {permit.Number} was revoked. Reasons: {permit.RevocationReasons}"));
        await db.SaveChangesAsync(ct);
        return permit;
    }
}
