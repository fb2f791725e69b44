using Anuyat.Domain.Applications;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Pdf;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Applications;

/// <summary>
/// The submission receipt as a PDF (Licensing Facilitation Act B.E. 2558 s.8: the office acknowledges the file in
/// writing): reference, office, service, submission date, legal deadline and a QR code to the tracking page.
/// Only the applicant and the office's staff may fetch it; for anyone else it does not exist.
/// </summary>
public static class ReceiptEndpoint
{
    public static RouteGroupBuilder MapReceipt(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/receipt", GetAsync).WithName("GetReceipt")
            .WithSummary("The submission receipt PDF (Thai and English) with the legal deadline and a tracking QR code.");
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, AnuyatDbContext db, StaffSecondFactor rule, [Microsoft.AspNetCore.Mvc.FromServices] IServiceDirectory services, ApplicationClock legalClock, ReceiptDocument receipts, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !user.CanSee(application, rule))
        {
            return ApplicationErrors.NotFound();
        }

        var pdf = await RenderAsync(application, db, services, legalClock, receipts, new Uri($"{http.Request.Scheme}://{http.Request.Host}/applications/{application.Id}"), ct);
        if (pdf is null)
        {
            return ErrorResponses.Problem(new ConflictError("not-submitted", new BilingualText("ยังไม่ได้ยื่นคำขอนี้ จึงยังไม่มีใบรับ", "This application has not been sent, so there is no receipt yet")));
        }

        return Results.File(pdf.Bytes, "application/pdf", $"receipt-{application.Reference}.pdf");
    }

    /// <summary>The receipt of a sent application, or null while it is a draft. Shared by the API and the citizen's page.</summary>
    public static async Task<PdfFile?> RenderAsync(PermitApplication application, AnuyatDbContext db, IServiceDirectory services, ApplicationClock legalClock, ReceiptDocument receipts, Uri tracking, CancellationToken ct)
    {
        var service = services.Version(application.ServiceCode, application.ServiceVersion);
        var clock = legalClock.Read(application, service);
        if (clock is null || service is null || application.SubmittedAt is null)
        {
            return null;
        }

        var district = await db.Districts.AsNoTracking().FirstAsync(d => d.Code == application.DistrictCode, ct);
        var applicant = await db.Users.AsNoTracking().Where(u => u.Id == application.ApplicantAccountId).Select(u => u.DisplayName).FirstAsync(ct);
        return receipts.Render(new ReceiptContent(
            application.Reference,
            new BilingualText($"สำนักงานเขต{district.NameTh} กรุงเทพมหานคร", $"{district.NameEn} District Office, Bangkok"),
            applicant,
            new BilingualText(service.NameTh, service.NameEn),
            ApplicationClock.BangkokDate(application.SubmittedAt.Value),
            clock.Deadline,
            new BilingualText(
                "สำนักงานเขตจะตรวจความครบถ้วนของคำขอและเอกสาร หากไม่ครบ เจ้าหน้าที่จะแจ้งรายการที่ต้องแก้ไขหรือยื่นเพิ่มเป็นหนังสือเพียงครั้งเดียว เมื่อครบแล้วจะพิจารณาและแจ้งผลภายในกำหนดตามกฎหมาย หากล่าช้าจะแจ้งเหตุผลให้ทราบทุก 7 วัน",
                "The district office checks that the application and documents are complete. If anything is missing you receive one written list, once. It then decides within the legal deadline; if it is late, it tells you why every 7 days."),
            tracking)
        {
            Channel = application.Channel == Channel.Counter ? new BilingualText("ยื่นที่เคาน์เตอร์", "At the counter") : new BilingualText("ยื่นทางออนไลน์", "Online"),
        });
    }
}
