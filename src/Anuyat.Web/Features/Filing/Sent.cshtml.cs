using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace Anuyat.Web.Features.Filing;

/// <summary>The confirmation (GOV.UK): the reference, the legal deadline, what happens next, and the receipt PDF.</summary>
public sealed class SentModel(AnuyatDbContext db, CatalogStore catalog) : DraftPageModel(db, catalog)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, allowSent: true, ct) is { } result)
        {
            return result;
        }

        return Application.Status == ApplicationStatus.Draft ? Redirect($"/drafts/{id}/check") : Page();
    }
}
