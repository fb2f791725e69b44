using System.Text.Json.Nodes;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anuyat.Web.Features.Catalog;

/// <summary>
/// The citizen's manual of one service (Licensing Facilitation Act B.E. 2558 s.7), with a fee estimator that works
/// as a plain form post: type in the answers the fee depends on (for ข.1 the buildings) and see the fee lines.
/// </summary>
public sealed class ServiceModel(CatalogStore store) : PageModel
{
    /// <summary>Rows the estimator offers for a table (ข.1 allows up to three buildings).</summary>
    public const int EstimatorRows = 3;

    public CatalogStore Store => store;

    public ServiceDefinition Definition { get; private set; } = null!;

    /// <summary>The next version already scheduled, if any.</summary>
    public ServiceDefinition? Scheduled { get; private set; }

    public IReadOnlyList<string> AvailableIn { get; private set; } = [];

    public FeeQuote? Quote { get; private set; }

    public IReadOnlyDictionary<string, BilingualText[]> Errors { get; private set; } = new Dictionary<string, BilingualText[]>();

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public IActionResult OnGet(string code, int? version) => Load(code, version) ? Page() : NotFound();

    public IActionResult OnPost(string code, int? version)
    {
        if (!Load(code, version))
        {
            return NotFound();
        }

        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("a.", StringComparison.Ordinal))
            {
                Values[key[2..]] = value.ToString();
            }
        }

        var quote = FeeCalculator.Quote(Definition, BuildAnswers());
        if (quote.IsSuccess)
        {
            Quote = quote.Value;
        }
        else if (quote.Error is ValidationFailed failed)
        {
            Errors = failed.Errors;
        }

        return Page();
    }

    /// <summary>Top-level inputs of the estimator (not tables).</summary>
    public IEnumerable<FieldDefinition> EstimatorFields =>
        Definition.Fields.Where(f => f.Type != FieldTypes.Table && Definition.FeeInputNames.Contains(f.Name));

    /// <summary>Tables the fee reads, each with the columns it reads.</summary>
    public IEnumerable<(FieldDefinition Table, List<FieldDefinition> Columns)> EstimatorTables =>
        Definition.Fields.Where(f => f.Type == FieldTypes.Table && Definition.FeeInputNames.Contains(f.Name))
            .Select(t => (t, t.Fields.Where(c => Definition.FeeInputNames.Contains($"{t.Name}.{c.Name}")).ToList()));

    public bool HasEstimator => Definition.Fees.Count > 0 && Definition.FeeInputNames.Count > 0;

    public string? ErrorFor(string path) => Errors.TryGetValue(path, out var messages) ? Platform.Text.T(messages[0]) : null;

    public string? ValueFor(string path) => Values.GetValueOrDefault(path);

    public static string Baht(long satang) => (satang / 100m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    private bool Load(string code, int? version)
    {
        var definition = CatalogSetup.Find(store, code, version, null);
        if (definition is null)
        {
            return false;
        }

        Definition = definition;
        Scheduled = store.Catalog.Versions(code).FirstOrDefault(v => store.Catalog.EffectiveFrom(v) > store.Today);
        AvailableIn = store.AvailableIn(code);
        return true;
    }

    private JsonObject BuildAnswers()
    {
        var answers = new JsonObject();
        foreach (var field in EstimatorFields)
        {
            if (ValueFor(field.Name) is { Length: > 0 } value)
            {
                answers[field.Name] = value;
            }
        }

        foreach (var (table, columns) in EstimatorTables)
        {
            var rows = new JsonArray();
            for (var i = 0; i < EstimatorRows; i++)
            {
                var row = new JsonObject();
                foreach (var column in columns)
                {
                    if (ValueFor($"{table.Name}[{i}].{column.Name}") is { Length: > 0 } value)
                    {
                        row[column.Name] = value;
                    }
                }

                // A row left wholly empty is not a building; a half-filled one is, so its gaps are reported.
                if (row.Count > 0)
                {
                    rows.Add(row);
                }
            }

            answers[table.Name] = rows;
        }

        return answers;
    }
}
