using Anuyat.Domain.Organisation;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Home;

public sealed class IndexModel(AnuyatDbContext db) : PageModel
{
    public IReadOnlyList<District> PilotDistricts { get; private set; } = [];

    public CurrentUser? SignedIn { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SignedIn = CurrentUser.From(User);
        PilotDistricts = await db.Districts.AsNoTracking().Where(d => d.Pilot).OrderBy(d => d.Code).ToListAsync(cancellationToken);
    }
}
