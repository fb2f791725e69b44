using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Applications;

/// <summary>"My applications": drafts and filed applications of the signed-in person, newest first.</summary>
[Authorize]
public sealed class MineModel(AnuyatDbContext db, IServiceDirectory directory, Microsoft.Extensions.Options.IOptions<Filing.DraftRetention> retention) : PageModel
{
    public sealed record Row(Guid Id, string Reference, string ServiceName, string Status, bool Draft, DateTime UpdatedAt, DateOnly? LegalDeadline, DateOnly PurgeOn);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = CurrentUser.From(User)!;
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantAccountId == me.AccountId)
            .OrderByDescending(a => a.UpdatedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        Items = [.. applications.Select(a =>
        {
            var service = directory.Version(a.ServiceCode, a.ServiceVersion);
            return new Row(a.Id, a.Reference, service is null ? a.ServiceCode : T(service.NameTh, service.NameEn), T(a.Status.Describe()), a.Status == ApplicationStatus.Draft, a.UpdatedAt, a.LegalDeadline,
                DateOnly.FromDateTime(a.UpdatedAt.AddDays(retention.Value.DraftRetentionDays)));
        })];
    }
}
