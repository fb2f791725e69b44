using System.Text.Json.Nodes;
using Anuyat.Domain.Catalog;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace Anuyat.Web.Features.Filing;

/// <summary>
/// One row of a table question (ข.1's buildings), GOV.UK "add another": add, change or remove a row on its own page.
/// A row is saved as typed; its problems show beside its fields.
/// </summary>
public sealed class RowModel(AnuyatDbContext db, CatalogStore catalog, TimeProvider clock) : DraftPageModel(db, catalog)
{
    public FieldDefinition Table { get; private set; } = null!;

    public int PageNumber { get; private set; }

    public int Index { get; private set; }

    public JsonObject Row { get; private set; } = [];

    public bool Posted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int number, int row, CancellationToken ct) =>
        await PrepareAsync(id, number, row, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, int number, int row, CancellationToken ct)
    {
        if (await PrepareAsync(id, number, row, ct) is { } result)
        {
            return result;
        }

        var rows = Answers[Table.Name] as JsonArray;
        if (rows is null)
        {
            rows = [];
            Answers[Table.Name] = rows;
        }

        if (Index == rows.Count)
        {
            rows.Add(Row);
        }

        var notes = FilingForm.Bind(Table.Fields, Row, Request.Form, $"{Table.Name}[{Index}].");
        await SaveAnswersAsync(clock, ct);
        var prefix = $"{Table.Name}[{Index}].";
        var mine = Errors.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (mine.Count > 0 || notes.Count > 0)
        {
            Posted = true;
            foreach (var (path, messages) in mine)
            {
                ModelState.AddModelError(FilingForm.Prefix + path, Platform.Text.T(messages[0]));
            }

            return Page();
        }

        return Redirect($"/drafts/{id}/page/{number}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, int number, int row, CancellationToken ct)
    {
        if (await PrepareAsync(id, number, row, ct) is { } result)
        {
            return result;
        }

        if (Answers[Table.Name] is JsonArray rows && Index < rows.Count)
        {
            rows.RemoveAt(Index);
            await SaveAnswersAsync(clock, ct);
        }

        return Redirect($"/drafts/{id}/page/{number}");
    }

    public QuestionModel Question(FieldDefinition field) =>
        new(field, $"{Table.Name}[{Index}].{field.Name}", Row[field.Name], Posted ? ErrorFor($"{Table.Name}[{Index}].{field.Name}") : null, null, []);

    private async Task<IActionResult?> PrepareAsync(Guid id, int number, int row, CancellationToken ct)
    {
        if (await LoadAsync(id, allowSent: false, ct, allowCorrection: true) is { } result)
        {
            return result;
        }

        var page = Pages.FirstOrDefault(p => p.Number == number);
        var rows = page is { IsTable: true } ? Answers[page.Fields[0].Name] as JsonArray ?? [] : null;
        if (page is null || rows is null || row < 0 || row > rows.Count || (row == rows.Count && row >= (page.Fields[0].MaxRows ?? 50)))
        {
            return NotFound();
        }

        Table = page.Fields[0];
        PageNumber = number;
        Index = row;
        Row = row < rows.Count ? rows[row] as JsonObject ?? [] : [];
        return null;
    }
}
