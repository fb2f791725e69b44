using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Filing;

/// <summary>
/// "Check your answers" (GOV.UK): every answer with a change link, the documents, a declaration, and the send
/// button. Sending twice (a double click, a reload of the post) files one application: the second post finds it
/// already sent and shows the same confirmation.
/// </summary>
public sealed class CheckModel(AnuyatDbContext db, CatalogStore catalog, Subdistricts subdistricts, IServiceDirectory services, ApplicationClock legalClock, ApplicationEvents events, TimeProvider clock) : DraftPageModel(db, catalog)
{
    public sealed record Attached(string Item, string Name);

    public IReadOnlyList<Attached> Files { get; private set; } = [];

    public IReadOnlyList<DocumentItem> Items { get; private set; } = [];

    [BindProperty]
    public bool Declaration { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, allowSent: false, ct) is { } result)
        {
            return result;
        }

        await PrepareAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, allowSent: true, ct) is { } result)
        {
            return result;
        }

        if (Application.Status != ApplicationStatus.Draft)
        {
            // Already sent by an earlier click: the same confirmation, nothing filed twice.
            return Redirect($"/drafts/{id}/sent");
        }

        await PrepareAsync(ct);
        if (!Declaration)
        {
            ModelState.AddModelError(nameof(Declaration), T("ยืนยันคำรับรองก่อนยื่นคำขอ", "Confirm the declaration before you send the application"));
            return Page();
        }

        var address = FormPageModel.AddressErrors(subdistricts, Definition, Answers, []);
        if (address.Count > 0)
        {
            AddErrors(address);
            return Page();
        }

        var sent = await SubmissionApi.SendAsync(Application, CurrentUser.From(User)!, Catalog, Db, services, legalClock, events, clock, ct);
        if (sent.IsSuccess || sent.Error is ConflictError)
        {
            return Redirect($"/drafts/{id}/sent");
        }

        if (sent.Error is ValidationFailed failed)
        {
            AddErrors(failed.Errors);
        }
        else
        {
            ModelState.AddModelError(string.Empty, T(sent.Error!.Message));
        }

        return Page();
    }

    private void AddErrors(IReadOnlyDictionary<string, BilingualText[]> errors)
    {
        foreach (var (path, messages) in errors)
        {
            ModelState.AddModelError(path.StartsWith("documents.", StringComparison.Ordinal) ? "documents" : FilingForm.Prefix + path, T(messages[0]));
        }
    }

    public string DistrictName(string code) => Catalog.Districts.FirstOrDefault(x => x.Code == code) is { } x ? T(x.NameTh, x.NameEn) : code;

    /// <summary>The page of the form that holds an answer path, for the error summary's links.</summary>
    public FormPage? PageOf(string key) => Pages.FirstOrDefault(p => p.Owns(key.StartsWith(FilingForm.Prefix, StringComparison.Ordinal) ? key[FilingForm.Prefix.Length..] : key));

    private async Task PrepareAsync(CancellationToken ct)
    {
        Items = DocumentChecklist.Shown(Definition, Answers);
        Files = await Db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == Application.Id)
            .Join(Db.UploadedFiles, d => d.UploadedFileId, f => f.Id, (d, f) => new Attached(d.ItemCode, f.OriginalName))
            .ToListAsync(ct);
    }
}
