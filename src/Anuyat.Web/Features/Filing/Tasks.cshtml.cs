using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace Anuyat.Web.Features.Filing;

/// <summary>
/// The task list of a draft (GOV.UK "complete multiple tasks"): each page of the form with where it stands, then the
/// documents, then check and send. A short form skips it and starts at its first page.
/// </summary>
public sealed class TasksModel(AnuyatDbContext db, CatalogStore catalog) : DraftPageModel(db, catalog)
{
    public IReadOnlyList<string> Attached { get; private set; } = [];

    public int MissingDocuments { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool resume, CancellationToken ct)
    {
        if (await LoadAsync(id, allowSent: false, ct) is { } result)
        {
            return result;
        }

        Attached = await AttachedItemsAsync(ct);
        MissingDocuments = DocumentChecklist.Demanded(Definition, Answers).Count(d => !Attached.Contains(d.Code));
        if (resume || Pages.Count < FilingForm.TaskListFrom)
        {
            return Redirect(ResumeUrl(Attached));
        }

        return Page();
    }

    public PageState StateOf(FormPage page) => FilingForm.State(page, Answers, Errors);

    public bool FormComplete => ShownPages.All(p => !Errors.Keys.Any(p.Owns));
}
