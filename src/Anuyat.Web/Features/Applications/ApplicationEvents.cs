using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Notifications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Applications;

/// <summary>
/// Every action on a file is an audit event (tamper-evident, in the same transaction as the change) whose plain-words
/// summary is the applicant's timeline; actions the applicant must know about also send an e-mail and an inbox message.
/// </summary>
public sealed class ApplicationEvents(AuditTrail audit, Outbox outbox, AnuyatDbContext db)
{
    public const string SubjectType = "application";

    /// <summary>
    /// The office's internal work on a file (notes, assignments, ticks): in the same tamper-evident chain, but under its
    /// own subject type so it never appears on the applicant's timeline.
    /// </summary>
    public const string InternalSubjectType = "application-internal";

    public void RecordInternal(CurrentUser actor, PermitApplication application, string action, BilingualText summary, object? details = null) =>
        audit.Append(
            AuditActor.Account(actor.AccountId, actor.Role.ToCode()),
            "application." + action,
            InternalSubjectType,
            application.Id.ToString("D"),
            summary,
            details,
            new AuditScope(application.DistrictCode, application.SectionCode));

    public void Record(CurrentUser? actor, PermitApplication application, string action, BilingualText summary, object? details = null) =>
        audit.Append(
            actor is null ? AuditActor.System : AuditActor.Account(actor.AccountId, actor.Role.ToCode()),
            "application." + action,
            SubjectType,
            application.Id.ToString("D"),
            summary,
            details,
            new AuditScope(application.DistrictCode, application.SectionCode));

    /// <summary>Tells the applicant by e-mail (in their language) and in the in-app inbox, in the same transaction.</summary>
    public async Task NotifyApplicantAsync(PermitApplication application, BilingualText title, BilingualText body)
    {
        // Only the three fields the notice needs, untracked: a tracked account would be compared field by field at every
        // save of the request (bench, issue 11).
        var applicant = await db.Users.AsNoTracking()
            .Where(u => u.Id == application.ApplicantAccountId)
            .Select(u => new { u.Id, u.Email, u.PreferredLanguage })
            .FirstOrDefaultAsync();
        if (applicant is null)
        {
            return;
        }

        var link = $"/applications/{application.Id}";
        outbox.AddToInbox(applicant.Id, title, body, link);
        if (applicant.Email is { Length: > 0 } email)
        {
            var language = applicant.PreferredLanguage;
            var text = body.In(language) + "\n\n" + (language == "en" ? "Reference: " : "เลขที่คำขอ: ") + application.Reference;
            outbox.EnqueueEmail(email, language, $"[{application.Reference}] {title.In(language)}", text, recipientAccountId: applicant.Id);
        }
    }
}
