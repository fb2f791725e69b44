using System.Text.RegularExpressions;
using Anuyat.Domain.Organisation;

namespace Anuyat.Domain.Catalog;

/// <summary>One problem in a definition: the file, the path to the field in it, and what is wrong.</summary>
public sealed record CatalogProblem(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}

/// <summary>
/// Checks definitions before anything serves them: known field types, expressions that parse and type-check against
/// the definition's own fields, fee rules that can never go negative, steps with a duration, unique codes. It also
/// compiles the expressions into the definition for the fee calculator and answer validation.
/// </summary>
public static partial class CatalogValidator
{
    private static readonly string[] Channels = ["online", "counter"];
    private static readonly string[] Roles = ["citizen", "officer", "approver", "inspector", "cashier", "system"];
    private static readonly string[] OutputKinds = ["permit", "certificate", "registration", "receipt", "allowance", "service"];
    private static readonly string[] DocumentForms = ["original", "copy"];
    private static readonly string[] RoundingModes = [Roundings.HalfUp, Roundings.Up, Roundings.Down, Roundings.None];

    public static IReadOnlyList<CatalogProblem> Validate(IReadOnlyList<ServiceDefinition> definitions, IReadOnlySet<string>? sectionCodes = null)
    {
        var problems = new List<CatalogProblem>();
        var sections = sectionCodes ?? new HashSet<string>(StringComparer.Ordinal)
        {
            SectionCodes.Administration, SectionCodes.SocialWelfare, SectionCodes.PublicWorks,
            SectionCodes.CleanlinessParks, SectionCodes.EnvironmentSanitation, SectionCodes.CityLawEnforcement,
        };
        foreach (var definition in definitions)
        {
            problems.AddRange(ValidateOne(definition, sections));
        }

        foreach (var duplicate in definitions.GroupBy(d => (d.Code, d.Version)).Where(g => g.Count() > 1))
        {
            foreach (var definition in duplicate.Skip(1))
            {
                problems.Add(new(definition.SourceFile, "code", $"duplicate: '{definition.Code}' version {definition.Version} is also defined in {duplicate.First().SourceFile}"));
            }
        }

        foreach (var service in definitions.GroupBy(d => d.Code))
        {
            foreach (var sameDay in service.GroupBy(d => d.EffectiveFrom).Where(g => g.Select(d => d.Version).Distinct().Count() > 1))
            {
                problems.Add(new(sameDay.Last().SourceFile, "effectiveFrom", $"versions {string.Join(", ", sameDay.Select(d => d.Version))} of '{service.Key}' take effect on the same day"));
            }
        }

        return problems;
    }

    private static List<CatalogProblem> ValidateOne(ServiceDefinition d, IReadOnlySet<string> sections)
    {
        var problems = new List<CatalogProblem>();
        void Add(string path, string message) => problems.Add(new(d.SourceFile, path, message));

        if (!CodePattern().IsMatch(d.Code))
        {
            Add("code", $"must be lower-case letters and digits joined by '-', not '{d.Code}'");
        }

        var folder = Path.GetFileName(Path.GetDirectoryName(d.SourceFile));
        if (!string.IsNullOrEmpty(folder) && folder != d.Code)
        {
            Add("code", $"'{d.Code}' does not match its folder '{folder}'");
        }

        if (d.Version < 1)
        {
            Add("version", "must be 1 or more");
        }

        if (d.EffectiveFrom == default)
        {
            Add("effectiveFrom", "is missing (yyyy-MM-dd)");
        }

        CheckText(d.Name, "name", Add);
        CheckText(d.Description, "description", Add);
        CheckText(d.WhoMayApply, "whoMayApply", Add);
        CheckText(d.WhereToAsk, "whereToAsk", Add);
        if (!sections.Contains(d.Section))
        {
            Add("section", $"unknown section '{d.Section}'; expected one of {string.Join(", ", sections.Order(StringComparer.Ordinal))}");
        }

        if (d.LegalBasis.Count == 0)
        {
            Add("legalBasis", "at least one law is required (Licensing Facilitation Act B.E. 2558 s.7)");
        }

        for (var i = 0; i < d.LegalBasis.Count; i++)
        {
            CheckText(d.LegalBasis[i], $"legalBasis[{i}]", Add);
        }

        if (d.Channels.Count == 0)
        {
            Add("channels", "at least one channel (online, counter)");
        }

        for (var i = 0; i < d.Channels.Count; i++)
        {
            if (!Channels.Contains(d.Channels[i], StringComparer.Ordinal))
            {
                Add($"channels[{i}]", $"unknown channel '{d.Channels[i]}'; expected online or counter");
            }
        }

        Unique(d.Eligibility.Select(q => q.Code), "eligibility", "code", Add);
        for (var i = 0; i < d.Eligibility.Count; i++)
        {
            CheckText(d.Eligibility[i].Question, $"eligibility[{i}].question", Add);
            CheckText(d.Eligibility[i].Message, $"eligibility[{i}].message", Add);
        }

        for (var i = 0; i < d.OpenMonths.Count; i++)
        {
            if (d.OpenMonths[i] is < 1 or > 12)
            {
                Add($"openMonths[{i}]", $"a month is 1 to 12, not {d.OpenMonths[i]}");
            }
        }

        for (var i = 0; i < d.Benefits.Count; i++)
        {
            CheckText(d.Benefits[i].Label, $"benefits[{i}].label", Add);
            if (d.Benefits[i].AmountSatang < 0)
            {
                Add($"benefits[{i}].amountSatang", "cannot be negative");
            }
        }

        CheckFields(d, d.Fields, "fields", null, Add);

        for (var i = 0; i < d.Checks.Count; i++)
        {
            var check = d.Checks[i];
            if (d.Field(check.Path.Split('.')) is null)
            {
                Add($"checks[{i}].path", $"'{check.Path}' is not a field of this service");
            }

            Compile(d, check.Assert, $"checks[{i}].assert", null, ExprType.Bool, Add);
            CheckText(check.Message, $"checks[{i}].message", Add);
        }

        Unique(d.Documents.Select(x => x.Code), "documents", "code", Add);
        for (var i = 0; i < d.Documents.Count; i++)
        {
            var doc = d.Documents[i];
            CheckText(doc.Name, $"documents[{i}].name", Add);
            if (doc.Copies < 1)
            {
                Add($"documents[{i}].copies", "must be 1 or more");
            }

            if (!DocumentForms.Contains(doc.Form, StringComparer.Ordinal))
            {
                Add($"documents[{i}].form", $"must be original or copy, not '{doc.Form}'");
            }

            if (doc.Condition is not null)
            {
                Compile(d, doc.Condition, $"documents[{i}].condition", null, ExprType.Bool, Add);
            }
        }

        Unique(d.Fees.Select(x => x.Code), "fees", "code", Add);
        for (var i = 0; i < d.Fees.Count; i++)
        {
            CheckFee(d, d.Fees[i], $"fees[{i}]", Add);
        }

        if (d.Steps.Count == 0)
        {
            Add("steps", "at least one step is required (Licensing Facilitation Act B.E. 2558 s.7: steps and their times)");
        }

        for (var i = 0; i < d.Steps.Count; i++)
        {
            var step = d.Steps[i];
            CheckText(step.Name, $"steps[{i}].name", Add);
            if (!Roles.Contains(step.Role, StringComparer.Ordinal))
            {
                Add($"steps[{i}].role", $"unknown role '{step.Role}'; expected one of {string.Join(", ", Roles)}");
            }

            if (step.BusinessDays is null && step.Hours is null)
            {
                Add($"steps[{i}]", "has no duration; give businessDays or hours");
            }

            if (step.BusinessDays < 0 || step.Hours < 0)
            {
                Add($"steps[{i}]", "a duration cannot be negative");
            }
        }

        if (d.LegalDeadlineDays < 1)
        {
            Add("legalDeadlineDays", "must be 1 or more business days");
        }

        if (d.LegalDeadlineUnit is not ("calendarDays" or "businessDays"))
        {
            Add("legalDeadlineUnit", $"must be calendarDays or businessDays, not '{d.LegalDeadlineUnit}'");
        }

        if (d.Extensions.Count < 0 || (d.Extensions.Count > 0 && d.Extensions.DaysEach < 1))
        {
            Add("extensions", "count must be 0 or more, and daysEach 1 or more when extensions are allowed");
        }

        if (!OutputKinds.Contains(d.Output.Kind, StringComparer.Ordinal))
        {
            Add("output.kind", $"unknown output '{d.Output.Kind}'; expected one of {string.Join(", ", OutputKinds)}");
        }

        CheckText(d.Output.Name, "output.name", Add);
        return problems;
    }

    private static void CheckFields(ServiceDefinition d, List<FieldDefinition> fields, string path, FieldDefinition? table, Action<string, string> add)
    {
        Unique(fields.Select(f => f.Name), path, "name", add);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var at = $"{path}[{i}]";
            if (!NamePattern().IsMatch(field.Name))
            {
                add($"{at}.name", $"must be a camelCase name, not '{field.Name}'");
            }

            CheckText(field.Label, $"{at}.label", add);
            if (!FieldTypes.All.Contains(field.Type))
            {
                add($"{at}.type", $"unknown field type '{field.Type}'; expected one of {string.Join(", ", FieldTypes.All)}");
                continue;
            }

            if (field.RequiredWhen is not null)
            {
                Compile(d, field.RequiredWhen, $"{at}.requiredWhen", table, ExprType.Bool, add);
            }

            if (field.ShownWhen is not null)
            {
                Compile(d, field.ShownWhen, $"{at}.shownWhen", table, ExprType.Bool, add);
            }

            if (field.Min > field.Max)
            {
                add($"{at}.min", $"is above max ({field.Min} > {field.Max})");
            }

            switch (field.Type)
            {
                case FieldTypes.Choice when field.Options.Count == 0:
                    add($"{at}.options", "a choice needs at least one option");
                    break;
                case FieldTypes.Table when field.Fields.Count == 0:
                    add($"{at}.fields", "a table needs the fields of its rows");
                    break;
                case FieldTypes.Table when table is not null:
                    add($"{at}.type", "a table cannot sit inside another table");
                    break;
                case FieldTypes.Group when field.Fields.Count == 0:
                    add($"{at}.fields", "a group needs its fields");
                    break;
                default:
                    break;
            }

            Unique(field.Options.Select(o => o.Value), $"{at}.options", "value", add);
            if (field.Type is FieldTypes.Table or FieldTypes.Group)
            {
                CheckFields(d, field.Fields, $"{at}.fields", field.Type == FieldTypes.Table ? field : table, add);
            }
        }
    }

    private static void CheckFee(ServiceDefinition d, FeeRule fee, string at, Action<string, string> add)
    {
        CheckText(fee.Label, $"{at}.label", add);
        if (fee.When is not null)
        {
            Compile(d, fee.When, $"{at}.when", null, ExprType.Bool, add, d.FeeInputs);
        }

        switch (fee.Kind)
        {
            case FeeKinds.Fixed:
                if (fee.AmountSatang is null)
                {
                    add($"{at}.amountSatang", "a fixed fee needs amountSatang");
                }
                else if (fee.AmountSatang < 0)
                {
                    add($"{at}.amountSatang", $"can go negative ({fee.AmountSatang}); a fee is 0 or more satang");
                }

                break;
            case FeeKinds.ByChoice:
                {
                    var field = fee.Field is null ? null : d.Field(fee.Field.Split('.'));
                    if (field?.Type != FieldTypes.Choice)
                    {
                        add($"{at}.field", $"'{fee.Field}' is not a choice field of this service");
                        break;
                    }

                    d.FeeInputs.Add(fee.Field!);
                    foreach (var (value, amount) in fee.Amounts)
                    {
                        if (field.Options.All(o => o.Value != value))
                        {
                            add($"{at}.amounts.{value}", $"'{value}' is not an option of '{fee.Field}'");
                        }

                        if (amount < 0)
                        {
                            add($"{at}.amounts.{value}", $"can go negative ({amount}); a fee is 0 or more satang");
                        }
                    }

                    break;
                }

            case FeeKinds.PerUnit:
                {
                    FieldDefinition? table = null;
                    if (fee.Each is not null)
                    {
                        table = d.Field([fee.Each]);
                        if (table?.Type != FieldTypes.Table)
                        {
                            add($"{at}.each", $"'{fee.Each}' is not a table of this service");
                            break;
                        }

                        d.FeeInputs.Add(fee.Each);
                    }

                    var quantity = fee.Quantity is null ? null : (table?.Fields ?? d.Fields).FirstOrDefault(f => f.Name == fee.Quantity);
                    // Without a quantity each row of the table is one unit (e.g. one tree).
                    var rowIsTheUnit = fee.Quantity is null && table is not null;
                    if (rowIsTheUnit)
                    {
                        d.FeeInputs.Add(table!.Name);
                    }
                    else if (quantity is null || quantity.Type is not (FieldTypes.Number or FieldTypes.Money))
                    {
                        add($"{at}.quantity", $"'{fee.Quantity}' is not a number field {(table is null ? "of this service" : $"of the rows of '{fee.Each}'")}");
                    }
                    else
                    {
                        d.FeeInputs.Add(table is null ? quantity.Name : $"{table.Name}.{quantity.Name}");
                        if (quantity.Min is null || quantity.Min < 0)
                        {
                            add($"{at}.quantity", $"can go negative: '{fee.Quantity}' has no min of 0 or more");
                        }
                    }

                    if (!RoundingModes.Contains(fee.Rounding, StringComparer.Ordinal))
                    {
                        add($"{at}.rounding", $"unknown rounding '{fee.Rounding}'; expected one of {string.Join(", ", RoundingModes)}");
                    }

                    if (fee.RateSatang is null && fee.Tiers.Count == 0)
                    {
                        add($"{at}.rateSatang", "a per-unit fee needs rateSatang or tiers");
                    }

                    if (fee.RateSatang < 0)
                    {
                        add($"{at}.rateSatang", $"can go negative ({fee.RateSatang}); a rate is 0 or more satang");
                    }

                    for (var t = 0; t < fee.Tiers.Count; t++)
                    {
                        Compile(d, fee.Tiers[t].When, $"{at}.tiers[{t}].when", table, ExprType.Bool, add, d.FeeInputs);
                        if (fee.Tiers[t].RateSatang < 0)
                        {
                            add($"{at}.tiers[{t}].rateSatang", $"can go negative ({fee.Tiers[t].RateSatang}); a rate is 0 or more satang");
                        }
                    }

                    break;
                }

            default:
                add($"{at}.kind", $"unknown fee kind '{fee.Kind}'; expected fixed, perUnit or byChoice");
                break;
        }
    }

    private static void Compile(ServiceDefinition d, string text, string at, FieldDefinition? table, ExprType expected, Action<string, string> add, HashSet<string>? referenced = null)
    {
        try
        {
            var expr = ExpressionParser.Parse(text);
            var found = new HashSet<string>(StringComparer.Ordinal);
            var type = ExpressionTypes.Check(expr, path => Resolve(d, table, path), found);
            if (type != expected)
            {
                add(at, $"'{text}' must be a yes/no condition");
                return;
            }

            if (referenced is not null)
            {
                foreach (var name in found)
                {
                    // Inside a table row, a bare name is the row's own field.
                    referenced.Add(table is not null && table.Fields.Any(f => f.Name == name.Split('.')[0]) ? $"{table.Name}.{name}" : name);
                }
            }

            d.Compiled[text] = expr;
        }
        catch (ExpressionException e)
        {
            add(at, e.Message);
        }
    }

    /// <summary>The type an identifier path has in this definition (a row's fields first inside a table).</summary>
    public static ExprType? Resolve(ServiceDefinition d, FieldDefinition? table, IReadOnlyList<string> path)
    {
        if (table is not null && table.Fields.FirstOrDefault(f => f.Name == path[0]) is { } own)
        {
            var field = path.Count == 1 ? own : FindIn(own.SubFields, path.Skip(1));
            return field is null ? null : TypeOf(field);
        }

        var top = d.Field([path[0]]);
        if (top?.Type == FieldTypes.Table)
        {
            if (path.Count == 1)
            {
                return ExprType.Table;
            }

            var column = FindIn(top.Fields, path.Skip(1));
            return column is null ? null : TypeOf(column) == ExprType.Number ? ExprType.NumberList : null;
        }

        var target = d.Field(path);
        return target is null ? null : TypeOf(target);
    }

    private static FieldDefinition? FindIn(List<FieldDefinition> fields, IEnumerable<string> path)
    {
        FieldDefinition? current = null;
        foreach (var name in path)
        {
            current = fields.FirstOrDefault(f => f.Name == name);
            if (current is null)
            {
                return null;
            }

            fields = current.SubFields;
        }

        return current;
    }

    private static ExprType? TypeOf(FieldDefinition field) => field.Type switch
    {
        FieldTypes.Number or FieldTypes.Money => ExprType.Number,
        FieldTypes.YesNo => ExprType.Bool,
        FieldTypes.Date => ExprType.Date,
        FieldTypes.Group or FieldTypes.Address => null,
        FieldTypes.Table => ExprType.Table,
        _ => ExprType.Text,
    };

    private static void CheckText(LocalText? text, string path, Action<string, string> add)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.Th) || string.IsNullOrWhiteSpace(text.En))
        {
            add(path, "needs both th and en");
        }
    }

    private static void Unique(IEnumerable<string> keys, string path, string key, Action<string, string> add)
    {
        var list = keys.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list.IndexOf(list[i]) < i)
            {
                add($"{path}[{i}].{key}", $"duplicate {key} '{list[i]}'");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex NamePattern();
}
