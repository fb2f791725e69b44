using System.Collections.Concurrent;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Anuyat.Web.Features.Applications;

/// <summary>
/// Who may see an application: its applicant, whoever keyed it in at the counter, and the staff of the office that
/// holds it (its district and section). Everyone else is told it does not exist (API.md: 404, not 403).
/// </summary>
public static class ApplicationAccess
{
    public static bool CanSee(this CurrentUser user, PermitApplication application, StaffSecondFactor rule) =>
        user.AccountId == application.ApplicantAccountId
        || user.AccountId == application.FiledByAccountId
        || IsOfficeStaff(user, application, rule);

    public static bool IsOfficeStaff(this CurrentUser user, PermitApplication application, StaffSecondFactor rule) =>
        user.Role is Role.Officer or Role.Approver
        && rule.IsSatisfiedBy(user)
        && user.DistrictCode == application.DistrictCode
        && user.SectionCode == application.SectionCode;
}

/// <summary>The one answer for a file the caller may not see or that does not exist (API.md: 404, never 403).</summary>
public static class ApplicationErrors
{
    public static IResult NotFound() =>
        Platform.ErrorResponses.Problem(new Domain.Common.NotFoundError("application-not-found", new Domain.Common.BilingualText("ไม่พบคำขอนี้", "There is no such application")));
}

/// <summary>Reads of one file that run on nearly every applicant request.</summary>
public static class ApplicationQueries
{
    // Compiled once per model (a compiled query is bound to its model; the tests run both databases in one process):
    // the tracked load by id opens five of the six requests of a submission, and EF's query-cache lookup (building and
    // hashing the expression tree) cost more than the indexed read (bench, issue 11). The tenant query filter applies.
    private static readonly ConcurrentDictionary<IModel, Func<AnuyatDbContext, Guid, Task<PermitApplication?>>> TrackedById = new();

    /// <summary>The file, tracked (the caller changes and saves it), or null.</summary>
    public static Task<PermitApplication?> FindTrackedAsync(AnuyatDbContext db, Guid id) =>
        TrackedById.GetOrAdd(db.Model, static _ => EF.CompileAsyncQuery((AnuyatDbContext db, Guid id) => db.Applications.FirstOrDefault(a => a.Id == id)))(db, id);
}
