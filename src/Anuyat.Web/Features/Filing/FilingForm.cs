using System.Globalization;
using System.Text.Json.Nodes;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Domain.Identifiers;

namespace Anuyat.Web.Features.Filing;

/// <summary>One page of the generated form: a group, an address, a table, or a run of plain questions.</summary>
/// <param name="Number">1-based, as in the URL <c>/drafts/{id}/page/{n}</c>.</param>
public sealed record FormPage(int Number, IReadOnlyList<FieldDefinition> Fields)
{
    public LocalText Title => Fields[0].Label;

    public bool IsTable => Fields is [{ Type: FieldTypes.Table }];

    /// <summary>Whether an answer path (<c>buildings[0].storeys</c>, <c>site.postcode</c>) belongs to this page.</summary>
    public bool Owns(string path) => Fields.Any(f => path == f.Name || path.StartsWith(f.Name + ".", StringComparison.Ordinal) || path.StartsWith(f.Name + "[", StringComparison.Ordinal));
}

/// <summary>
/// The form generated from a service definition (GOV.UK "one thing per page"): how fields split into pages, how a
/// plain HTML form post becomes answers, and which answers belong to which page. Everything works without JavaScript.
/// </summary>
public static class FilingForm
{
    /// <summary>Input names are <c>a.</c> + the answer path, so they never collide with the page's own fields.</summary>
    public const string Prefix = "a.";

    /// <summary>Forms with more pages than this get a task list (ข.1 has nine).</summary>
    public const int TaskListFrom = 4;

    /// <summary>Groups, addresses and tables get a page each; consecutive plain questions share one.</summary>
    public static IReadOnlyList<FormPage> Pages(ServiceDefinition definition)
    {
        var pages = new List<FormPage>();
        var run = new List<FieldDefinition>();
        foreach (var field in definition.Fields)
        {
            if (field.Type is FieldTypes.Group or FieldTypes.Address or FieldTypes.Table)
            {
                Flush();
                pages.Add(new FormPage(pages.Count + 1, [field]));
            }
            else
            {
                run.Add(field);
            }
        }

        Flush();
        return pages;

        void Flush()
        {
            if (run.Count > 0)
            {
                pages.Add(new FormPage(pages.Count + 1, [.. run]));
                run = [];
            }
        }
    }

    /// <summary>Whether a field is asked, given the answers so far (its <c>shownWhen</c>).</summary>
    public static bool IsShown(ServiceDefinition definition, FieldDefinition field, AnswerScope scope) =>
        field.ShownWhen is null || ExpressionEvaluator.IsTrue(definition.Expression(field.ShownWhen), scope);

    public static bool IsShown(ServiceDefinition definition, FormPage page, JsonObject answers)
    {
        var scope = new AnswerScope(definition, answers);
        return page.Fields.Any(f => IsShown(definition, f, scope));
    }

    /// <summary>Where a page stands, for the task list.</summary>
    public static PageState State(FormPage page, JsonObject answers, IReadOnlyDictionary<string, BilingualText[]> errors)
    {
        var started = page.Fields.Any(f => !AnswerValues.IsBlank(answers[f.Name]) && answers[f.Name] is not JsonObject { Count: 0 });
        if (!started)
        {
            return errors.Keys.Any(page.Owns) ? PageState.NotStarted : PageState.Completed;
        }

        return errors.Keys.Any(page.Owns) ? PageState.InProgress : PageState.Completed;
    }

    /// <summary>
    /// Copies what the form posted for these fields into the answers. Nothing typed is dropped: a value that is not
    /// yet valid (a number with letters) is kept as text and reported by the validator beside its field.
    /// </summary>
    /// <returns>Notes to show the person, e.g. a Buddhist-era year that was converted.</returns>
    public static List<(string Path, BilingualText Note)> Bind(IEnumerable<FieldDefinition> fields, JsonObject target, IFormCollection form, string pathPrefix)
    {
        var notes = new List<(string, BilingualText)>();
        foreach (var field in fields)
        {
            var path = pathPrefix + field.Name;
            if (field.Type is FieldTypes.Group or FieldTypes.Address)
            {
                if (target[field.Name] is JsonObject existing)
                {
                    notes.AddRange(Bind(field.SubFields, existing, form, path + "."));
                }
                else
                {
                    var group = new JsonObject();
                    notes.AddRange(Bind(field.SubFields, group, form, path + "."));
                    if (group.Count > 0)
                    {
                        target[field.Name] = group;
                    }
                }

                continue;
            }

            if (field.Type == FieldTypes.Table || !form.ContainsKey(Prefix + path))
            {
                // Tables are edited row by row; a field that was not on the page (not shown) keeps its answer.
                continue;
            }

            // A radio group posts a hidden "" first (so a blank choice still arrives), then the chosen value.
            var raw = (form[Prefix + path].LastOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? string.Empty).Trim();
            if (raw.Length == 0)
            {
                target.Remove(field.Name);
                continue;
            }

            target[field.Name] = Convert(field, raw, path, notes);
        }

        return notes;
    }

    private static JsonValue Convert(FieldDefinition field, string raw, string path, List<(string, BilingualText)> notes)
    {
        switch (field.Type)
        {
            case FieldTypes.Number or FieldTypes.Money:
                var normalised = raw.Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
                return decimal.TryParse(normalised, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(raw);
            case FieldTypes.YesNo:
                return raw switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ => JsonValue.Create(raw),
                };
            case FieldTypes.Date:
                // A Buddhist-era year typed into the date (2569 for 2026) is recognised and converted, and the person told.
                var parsed = BuddhistEra.ParseDate(raw);
                if (!parsed.IsValid)
                {
                    return JsonValue.Create(raw);
                }

                if (raw.Split('/', '-', '.').Any(p => p.Length == 4 && int.TryParse(p, CultureInfo.InvariantCulture, out var y) && BuddhistEra.NormaliseYear(y).WasBuddhist))
                {
                    notes.Add((path, new BilingualText(
                        $"อ่านปี พ.ศ. {BuddhistEra.ToBuddhist(parsed.Value.Year)} เป็นปี ค.ศ. {parsed.Value.Year} แล้ว",
                        $"We read the Buddhist-era year {BuddhistEra.ToBuddhist(parsed.Value.Year)} as {parsed.Value.Year}")));
                }

                return JsonValue.Create(parsed.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case FieldTypes.NationalId or FieldTypes.JuristicId or FieldTypes.Phone:
                // Spaces and dashes are how people group digits; the office wants the digits.
                var compact = new string(raw.Where(c => c is not (' ' or '-')).ToArray());
                return JsonValue.Create(compact);
            default:
                return JsonValue.Create(raw);
        }
    }

    /// <summary>The value to show in an input: what is stored, as text (dates as the person would type them back).</summary>
    public static string? Display(FieldDefinition field, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (field.Type == FieldTypes.YesNo)
        {
            return AnswerValues.YesNo(node) switch
            {
                true => "true",
                false => "false",
                _ => AnswerValues.Text(node),
            };
        }

        if (field.Type is FieldTypes.Number or FieldTypes.Money && AnswerValues.Number(node) is { } number)
        {
            return number.ToString("0.##", CultureInfo.InvariantCulture);
        }

        return AnswerValues.Text(node);
    }

    /// <summary>A value in words for "check your answers".</summary>
    public static string Describe(FieldDefinition field, JsonNode? node, Func<string, string, string> t)
    {
        var text = Display(field, node);
        if (text is null)
        {
            return t("ไม่ได้ระบุ", "Not given");
        }

        return field.Type switch
        {
            FieldTypes.YesNo => text == "true" ? t("ใช่", "Yes") : text == "false" ? t("ไม่ใช่", "No") : text,
            FieldTypes.Choice => field.Options.FirstOrDefault(o => o.Value == text) is { } option ? t(option.Label.Th, option.Label.En) : text,
            FieldTypes.Date when AnswerValues.Date(node) is { } date => Platform.ThaiDates.Date(date),
            _ when field.Unit is not null && AnswerValues.Number(node) is not null => $"{text} {t(field.Unit.Th, field.Unit.En)}",
            _ => text,
        };
    }

    /// <summary>An element id for an answer path, matching what the error summary links to.</summary>
    public static string Id(string inputName) => inputName.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static string? HtmlInputMode(FieldDefinition field) => field.Type switch
    {
        FieldTypes.Number or FieldTypes.Money => "decimal",
        FieldTypes.NationalId or FieldTypes.JuristicId => "numeric",
        FieldTypes.Phone => "tel",
        FieldTypes.Email => "email",
        _ => null,
    };

    public static string? Autocomplete(FieldDefinition field) => field.Name switch
    {
        "firstName" => "given-name",
        "lastName" => "family-name",
        "phone" => "tel",
        "email" => "email",
        "postcode" => "postal-code",
        _ => null,
    };
}

public enum PageState
{
    NotStarted,
    InProgress,
    Completed,
}
