using System.Text.Json.Serialization;
using Anuyat.Domain.Common;

namespace Anuyat.Domain.Catalog;

// The citizen's manual of one service as data (Licensing Facilitation Act B.E. 2558 s.7: every permit has a manual
// stating criteria, steps with their times, documents and fees). These classes mirror catalog/<code>/vN.yaml one to
// one, so the file, the JSON schema and the code name the same things. They are filled by the loader and then only
// read; CatalogValidator checks them and compiles the expressions before anything serves.

/// <summary>A text in Thai and English.</summary>
public sealed class LocalText
{
    public string Th { get; set; } = string.Empty;

    public string En { get; set; } = string.Empty;

    public BilingualText ToBilingual() => new(Th, En);

    public override string ToString() => Th;
}

/// <summary>One version of one service's definition.</summary>
public sealed class ServiceDefinition
{
    public string Code { get; set; } = string.Empty;

    public int Version { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Whether a filing on <paramref name="date"/> falls in the registration window.</summary>
    public bool IsOpenOn(DateOnly date) => OpenMonths.Count == 0 || OpenMonths.Contains(date.Month);

    public LocalText Name { get; set; } = new();

    public LocalText Description { get; set; } = new();

    public string Section { get; set; } = string.Empty;

    public List<LocalText> LegalBasis { get; set; } = [];

    /// <summary>Where the facts come from (URLs or references); shown to administrators, not citizens.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>Values not yet confirmed against the law ([NC]/[P] in the fact sheets): data an admin must review.</summary>
    public List<string> ReviewNotes { get; set; } = [];

    public LocalText WhoMayApply { get; set; } = new();

    public LocalText WhereToAsk { get; set; } = new();

    /// <summary><c>online</c>, <c>counter</c>.</summary>
    public List<string> Channels { get; set; } = [];

    public List<EligibilityQuestion> Eligibility { get; set; } = [];

    /// <summary>Months (1–12) in which filings are accepted, e.g. the elderly allowance's window; empty = all year.</summary>
    public List<int> OpenMonths { get; set; } = [];

    /// <summary>What the citizen receives where the service pays a benefit (allowance tiers), for the manual.</summary>
    public List<Benefit> Benefits { get; set; } = [];

    public List<FieldDefinition> Fields { get; set; } = [];

    /// <summary>Rules across fields, e.g. ข.1's "total floor area under 300 m²".</summary>
    public List<AnswerCheck> Checks { get; set; } = [];

    public List<DocumentItem> Documents { get; set; } = [];

    public List<FeeRule> Fees { get; set; } = [];

    public List<ServiceStep> Steps { get; set; } = [];

    /// <summary>The time the law (or the manual) allows from a complete file, in <see cref="LegalDeadlineUnit"/>.</summary>
    public int LegalDeadlineDays { get; set; }

    /// <summary><c>calendarDays</c> (e.g. Building Control Act s.25's 45 days) or <c>businessDays</c> (manual times).</summary>
    public string LegalDeadlineUnit { get; set; } = "businessDays";

    public ExtensionRule Extensions { get; set; } = new();

    public OutputDocument Output { get; set; } = new();

    /// <summary>The file it was loaded from, relative to the catalog folder (set by the loader).</summary>
    public string SourceFile { get; set; } = string.Empty;

    /// <summary>The parsed expressions, keyed by their text; filled by <see cref="CatalogValidator"/>.</summary>
    internal Dictionary<string, Expr> Compiled { get; } = new(StringComparer.Ordinal);

    /// <summary>The field names fee rules read (the answers a fee quote needs).</summary>
    internal HashSet<string> FeeInputs { get; } = new(StringComparer.Ordinal);

    /// <summary>The answers a fee quote reads: top-level names and <c>table.column</c> paths.</summary>
    [JsonIgnore]
    public IReadOnlySet<string> FeeInputNames => FeeInputs;

    public Expr Expression(string text) =>
        Compiled.TryGetValue(text, out var expr) ? expr : throw new InvalidOperationException($"'{text}' was not compiled; validate the definition first.");

    public FieldDefinition? Field(IReadOnlyList<string> path)
    {
        FieldDefinition? current = null;
        var level = Fields;
        foreach (var segment in path)
        {
            current = level.FirstOrDefault(f => f.Name == segment);
            if (current is null)
            {
                return null;
            }

            level = current.SubFields;
        }

        return current;
    }
}

public sealed class Benefit
{
    public LocalText Label { get; set; } = new();

    public long AmountSatang { get; set; }

    /// <summary><c>month</c> or <c>once</c>.</summary>
    public string Per { get; set; } = "month";
}

public sealed class EligibilityQuestion
{
    public string Code { get; set; } = string.Empty;

    public LocalText Question { get; set; } = new();

    /// <summary>The yes/no answer that means the person cannot use this service.</summary>
    public bool DisqualifyingAnswer { get; set; }

    public LocalText Message { get; set; } = new();
}

/// <summary>The field types a definition may use.</summary>
public static class FieldTypes
{
    public const string Text = "text";
    public const string Number = "number";
    public const string Money = "money";
    public const string Date = "date";
    public const string YesNo = "yesno";
    public const string Choice = "choice";
    public const string NationalId = "nationalId";
    public const string JuristicId = "juristicId";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Address = "address";
    public const string Group = "group";
    public const string Table = "table";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Text, Number, Money, Date, YesNo, Choice, NationalId, JuristicId, Phone, Email, Address, Group, Table,
    };

    /// <summary>The parts of a Thai address, in the order of the ข.1 form.</summary>
    public static readonly IReadOnlyList<string> AddressParts = ["houseNo", "soi", "road", "subdistrict", "districtCode", "postcode"];
}

public sealed class FieldDefinition
{
    public string Name { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public LocalText Label { get; set; } = new();

    public LocalText? Hint { get; set; }

    public bool Required { get; set; }

    /// <summary>An expression: the field is required when it is true (and shown).</summary>
    public string? RequiredWhen { get; set; }

    /// <summary>An expression: the field is asked only when it is true.</summary>
    public string? ShownWhen { get; set; }

    public LocalText? Unit { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>Numbers: whole numbers only (storeys, days).</summary>
    public bool WholeNumber { get; set; }

    public int? MaxLength { get; set; }

    public List<ChoiceOption> Options { get; set; } = [];

    /// <summary>Sub-fields of a group or of each row of a table (an address has fixed parts and none here).</summary>
    public List<FieldDefinition> Fields { get; set; } = [];

    public int? MinRows { get; set; }

    public int? MaxRows { get; set; }

    /// <summary>The sub-fields, with the fixed parts of an address filled in.</summary>
    [JsonIgnore]
    public List<FieldDefinition> SubFields => Type == FieldTypes.Address && Fields.Count == 0 ? AddressFields.Value : Fields;

    private static readonly Lazy<List<FieldDefinition>> AddressFields = new(() =>
    [
        new() { Name = "houseNo", Type = FieldTypes.Text, Required = true, MaxLength = 30, Label = new() { Th = "เลขที่", En = "House no." } },
        new() { Name = "soi", Type = FieldTypes.Text, MaxLength = 100, Label = new() { Th = "ตรอก/ซอย", En = "Soi" } },
        new() { Name = "road", Type = FieldTypes.Text, MaxLength = 100, Label = new() { Th = "ถนน", En = "Road" } },
        new() { Name = "subdistrict", Type = FieldTypes.Text, Required = true, MaxLength = 100, Label = new() { Th = "แขวง", En = "Subdistrict (khwaeng)" } },
        new() { Name = "districtCode", Type = FieldTypes.Text, Required = true, MaxLength = 4, Label = new() { Th = "เขต (รหัส)", En = "District (code)" } },
        new() { Name = "postcode", Type = FieldTypes.Text, Required = true, MaxLength = 5, Label = new() { Th = "รหัสไปรษณีย์", En = "Postcode" } },
    ]);
}

public sealed class ChoiceOption
{
    public string Value { get; set; } = string.Empty;

    public LocalText Label { get; set; } = new();
}

public sealed class AnswerCheck
{
    /// <summary>The field the error is reported on.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>An expression that must be true for the answers to be acceptable.</summary>
    public string Assert { get; set; } = string.Empty;

    public LocalText Message { get; set; } = new();

    public string? LegalBasis { get; set; }

    /// <summary>The service to point the person to when the check fails (ข.1 at 300 m² or more → the s.39 bis notification).</summary>
    public string? OtherService { get; set; }
}

public sealed class DocumentItem
{
    public string Code { get; set; } = string.Empty;

    public LocalText Name { get; set; } = new();

    public int Copies { get; set; } = 1;

    /// <summary><c>original</c> or <c>copy</c>.</summary>
    public string Form { get; set; } = "copy";

    /// <summary>Required before answers are known; <see cref="Condition"/> decides once they are.</summary>
    public bool Required { get; set; } = true;

    public string? Condition { get; set; }

    /// <summary>
    /// The state already holds it (ID card, house registration): Licensing Facilitation Act B.E. 2558 s.12 and the
    /// 2562 Digital Government Act forbid asking for it, so it is listed for information and never demanded.
    /// </summary>
    public bool StateHolds { get; set; }
}

public static class FeeKinds
{
    public const string Fixed = "fixed";
    public const string PerUnit = "perUnit";
    public const string ByChoice = "byChoice";
}

public static class Roundings
{
    public const string HalfUp = "halfUp";
    public const string Up = "up";
    public const string Down = "down";
    public const string None = "none";
}

public sealed class FeeRule
{
    public string Code { get; set; } = string.Empty;

    public LocalText Label { get; set; } = new();

    public string Kind { get; set; } = string.Empty;

    /// <summary>An expression: the rule applies only when it is true.</summary>
    public string? When { get; set; }

    public long? AmountSatang { get; set; }

    /// <summary>byChoice: the choice field whose value picks the amount.</summary>
    public string? Field { get; set; }

    public Dictionary<string, long> Amounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>perUnit: the table whose rows are charged one by one (or none for a single quantity).</summary>
    public string? Each { get; set; }

    /// <summary>perUnit: the number field that counts the units.</summary>
    public string? Quantity { get; set; }

    /// <summary>perUnit: how a fraction of a unit is rounded before charging.</summary>
    public string Rounding { get; set; } = Roundings.HalfUp;

    public long? RateSatang { get; set; }

    /// <summary>perUnit: rates by condition, the first that holds applies (conditions see the row's fields).</summary>
    public List<FeeTier> Tiers { get; set; } = [];

    /// <summary>True when the amount is not confirmed in a readable legal text ([NC]/[P]); the quote says so.</summary>
    public bool Unconfirmed { get; set; }
}

public sealed class FeeTier
{
    public string When { get; set; } = "true";

    public long RateSatang { get; set; }

    public LocalText? Label { get; set; }
}

public sealed class ServiceStep
{
    public string Code { get; set; } = string.Empty;

    public LocalText Name { get; set; } = new();

    /// <summary><c>citizen</c>, <c>officer</c>, <c>approver</c>, <c>inspector</c>, <c>cashier</c>, <c>system</c>.</summary>
    public string Role { get; set; } = string.Empty;

    public int? BusinessDays { get; set; }

    public int? Hours { get; set; }
}

public sealed class ExtensionRule
{
    public int Count { get; set; }

    public int DaysEach { get; set; }
}

public sealed class OutputDocument
{
    /// <summary><c>permit</c>, <c>certificate</c>, <c>registration</c>, <c>receipt</c>, <c>allowance</c>, <c>service</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    public LocalText Name { get; set; } = new();

    /// <summary>Days the output stays valid, or none when it does not expire.</summary>
    public int? ValidityDays { get; set; }

    public LocalText? Validity { get; set; }
}
