using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Admin.Sandbox;

/// <summary>
/// A short guided tour of an officer's first file, in plain steps (no script needed). For staff with a district and
/// section it names that file: the sent file in their queue with the soonest legal deadline (in the sandbox, one of
/// the generated files).
/// </summary>
[Authorize]
public sealed class TourModel(SandboxMode sandbox, AnuyatDbContext db) : PageModel
{
    public SandboxMode Sandbox => sandbox;

    /// <summary>The file the tour walks through, or null when the reader has no queue or it is empty.</summary>
    public (Guid Id, string Reference)? FirstFile { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (CurrentUser.From(User) is not { DistrictCode: { } district, SectionCode: { } section })
        {
            return;
        }

        var file = await db.Applications.AsNoTracking()
            .Where(a => a.DistrictCode == district && a.SectionCode == section && a.Status == ApplicationStatus.Submitted)
            .OrderBy(a => a.LegalDeadline).ThenBy(a => a.Reference)
            .Select(a => new { a.Id, a.Reference })
            .FirstOrDefaultAsync(cancellationToken);
        FirstFile = file is null ? null : (file.Id, file.Reference);
    }
}
