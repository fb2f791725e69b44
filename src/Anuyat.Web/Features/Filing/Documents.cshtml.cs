using Anuyat.Domain.Catalog;
using Anuyat.Infrastructure.Applications;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anuyat.Web.Features.Filing;

/// <summary>
/// The documents page: the checklist items the answers make relevant, several files per item, limits stated before
/// the person picks a file. A plain multipart post works without JavaScript; with it, a progress bar shows.
/// </summary>
[RequestSizeLimit(200L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 200L * 1024 * 1024)]
public sealed class DocumentsModel(AnuyatDbContext db, CatalogStore catalog, DocumentUploads uploads, ApplicationEvents events, IOptions<UploadLimits> limits, TimeProvider clock) : DraftPageModel(db, catalog)
{
    public sealed record Attached(Guid Id, string Item, string Name, long Bytes);

    public IReadOnlyList<DocumentItem> Items { get; private set; } = [];

    public IReadOnlyList<DocumentItem> StateHeld { get; private set; } = [];

    public IReadOnlySet<string> Demanded { get; private set; } = new HashSet<string>();

    public IReadOnlyList<Attached> Files { get; private set; } = [];

    public string Limits => Platform.Text.T(limits.Value.Describe());

    public bool ShowMissing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool missing, CancellationToken ct)
    {
        if (await LoadAsync(id, allowSent: false, ct) is { } result)
        {
            return result;
        }

        ShowMissing = missing;
        await PrepareAsync(ct);
        if (missing)
        {
            foreach (var item in Items.Where(i => Demanded.Contains(i.Code) && Files.All(f => f.Item != i.Code)))
            {
                ModelState.AddModelError("file_" + item.Code, Platform.Text.T($"แนบ{item.Name.Th}", $"Attach the {item.Name.En}"));
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, string? item, CancellationToken ct)
    {
        if (await LoadAsync(id, allowSent: false, ct) is { } result)
        {
            return result;
        }

        await PrepareAsync(ct);
        var checklistItem = Items.FirstOrDefault(i => i.Code == item);
        var files = Request.Form.Files.GetFiles("files").Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (checklistItem is null)
        {
            return NotFound();
        }

        if (files.Count == 0)
        {
            ModelState.AddModelError("file_" + checklistItem.Code, Platform.Text.T("เลือกไฟล์ก่อนกดอัปโหลด", "Choose a file before uploading"));
            return Page();
        }

        var me = CurrentUser.From(User)!;
        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            var stored = await uploads.AcceptAsync(me.AccountId, content, file.FileName, ct);
            if (!stored.IsSuccess)
            {
                // The reason (wrong type by content, empty, too large, encrypted or active PDF) beside the item; nothing stored.
                ModelState.AddModelError("file_" + checklistItem.Code, $"{UploadedFile.CleanName(file.FileName)}: {Platform.Text.T(stored.Error!.Message)}");
                continue;
            }

            Db.ApplicationDocuments.Add(new ApplicationDocument
            {
                Id = Guid.CreateVersion7(),
                ApplicationId = Application.Id,
                ItemCode = checklistItem.Code,
                UploadedFileId = stored.Value.Id,
                AttachedAt = clock.GetUtcNow().UtcDateTime,
            });
            events.Record(me, Application, "document-attached", new($"แนบเอกสาร: {checklistItem.Name.Th}", $"Document attached: {checklistItem.Name.En}"), new { item = checklistItem.Code, stored.Value.Sha256 });
            await Db.SaveChangesAsync(ct);
        }

        if (!ModelState.IsValid)
        {
            await PrepareAsync(ct);
            return Page();
        }

        return Redirect($"/drafts/{id}/documents#item-{checklistItem.Code}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid document, CancellationToken ct)
    {
        if (await LoadAsync(id, allowSent: false, ct) is { } result)
        {
            return result;
        }

        var attached = await Db.ApplicationDocuments.FirstOrDefaultAsync(d => d.Id == document && d.ApplicationId == id, ct);
        if (attached is not null)
        {
            Db.ApplicationDocuments.Remove(attached);
            events.Record(CurrentUser.From(User), Application, "document-removed", new("นำเอกสารออก", "Document removed"), new { item = attached.ItemCode });
            await Db.SaveChangesAsync(ct);
        }

        return Redirect($"/drafts/{id}/documents");
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        Items = DocumentChecklist.Shown(Definition, Answers);
        StateHeld = [.. Definition.Documents.Where(d => d.StateHolds)];
        Demanded = DocumentChecklist.Demanded(Definition, Answers).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        Files = await Db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == Application.Id)
            .Join(Db.UploadedFiles, d => d.UploadedFileId, f => f.Id, (d, f) => new Attached(d.Id, d.ItemCode, f.OriginalName, f.Bytes))
            .ToListAsync(ct);
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024d * 1024d)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) + " KB";
}
