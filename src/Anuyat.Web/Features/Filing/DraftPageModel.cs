using System.Text.Json.Nodes;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Filing;

/// <summary>
/// The pages of a draft: loads it for its applicant, or for the counter officer who keys it in for them; anyone else
/// is told it does not exist (404, never 403). A draft already sent goes to its status page.
/// </summary>
[Authorize]
public abstract class DraftPageModel(AnuyatDbContext db, CatalogStore catalog) : PageModel
{
    protected AnuyatDbContext Db => db;

    protected CatalogStore Catalog => catalog;

    public PermitApplication Application { get; private set; } = null!;

    public ServiceDefinition Definition { get; private set; } = null!;

    public JsonObject Answers { get; private set; } = [];

    public IReadOnlyList<FormPage> Pages { get; private set; } = [];

    /// <summary>The pages the answers so far make relevant (a demolition has no designer).</summary>
    public IReadOnlyList<FormPage> ShownPages => [.. Pages.Where(p => FilingForm.IsShown(Definition, p, Answers))];

    public Dictionary<string, BilingualText[]> Errors { get; protected set; } = new(StringComparer.Ordinal);

    /// <summary>True when a counter officer keys the application in for a walk-in applicant.</summary>
    public bool AtCounter => Application.Channel == Channel.Counter;

    /// <summary>The applicant is correcting answers the office asked about, not filling a draft.</summary>
    public bool Correcting => Application.Status == ApplicationStatus.Deficient;

    /// <summary>Loads the draft; null when the page may go on, otherwise the result to return.</summary>
    /// <param name="allowCorrection">
    /// The form pages stay open while a deficiency record is with the applicant, so they can correct answers the office
    /// asked about (Licensing Facilitation Act B.E. 2558 s.8); the documents and check pages do not (the record's own
    /// task list on the application page takes the files and the one resubmission).
    /// </param>
    protected async Task<IActionResult?> LoadAsync(Guid id, bool allowSent, CancellationToken ct, bool allowCorrection = false)
    {
        var me = CurrentUser.From(User);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (me is null || application is null || (application.ApplicantAccountId != me.AccountId && application.FiledByAccountId != me.AccountId))
        {
            return NotFound();
        }

        Application = application;
        Definition = catalog.Catalog.GetVersion(application.ServiceCode, application.ServiceVersion)!;
        Answers = JsonNode.Parse(application.AnswersJson) as JsonObject ?? [];
        Pages = FilingForm.Pages(Definition);
        if (application.Status != ApplicationStatus.Draft && !allowSent && !(allowCorrection && application.Status == ApplicationStatus.Deficient))
        {
            return Redirect($"/applications/{id}");
        }

        Errors = AnswerValidator.Validate(Definition, Answers);
        return null;
    }

    /// <summary>Keeps the answers (PUT semantics: everything typed is saved, valid or not).</summary>
    protected async Task SaveAnswersAsync(TimeProvider clock, CancellationToken ct)
    {
        var result = Application.ReplaceAnswers(Answers.ToJsonString(), clock.GetUtcNow().UtcDateTime);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("A draft refused its answers: " + result.Error!.Message.En);
        }

        await db.SaveChangesAsync(ct);
        Errors = AnswerValidator.Validate(Definition, Answers);
    }

    /// <summary>The page to continue on: the first with something missing, then the documents, then the check.</summary>
    public string ResumeUrl(IReadOnlyCollection<string> attachedItems)
    {
        var next = ShownPages.FirstOrDefault(p => Errors.Keys.Any(p.Owns));
        if (next is not null)
        {
            return $"/drafts/{Application.Id}/page/{next.Number}";
        }

        return DocumentChecklist.Demanded(Definition, Answers).Any(d => !attachedItems.Contains(d.Code))
            ? $"/drafts/{Application.Id}/documents"
            : $"/drafts/{Application.Id}/check";
    }

    protected async Task<List<string>> AttachedItemsAsync(CancellationToken ct) =>
        await db.ApplicationDocuments.Where(d => d.ApplicationId == Application.Id).Select(d => d.ItemCode).Distinct().ToListAsync(ct);

    public string? ErrorFor(string path) => Errors.TryGetValue(path, out var messages) ? Platform.Text.T(messages[0]) : null;
}
