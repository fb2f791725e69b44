using Anuyat.Domain.Catalog;

namespace Anuyat.Web.Features.Catalog;

public sealed record ServiceSummaryResponse(
    string Code, string NameTh, string NameEn, string Section, int Version, DateOnly EffectiveFrom,
    int LegalDeadlineDays, string LegalDeadlineUnit, string DescriptionTh, string DescriptionEn, IReadOnlyList<string> AvailableIn);

public sealed record TextResponse(string Th, string En);

public sealed record StepResponse(string Code, string NameTh, string NameEn, string Role, int? BusinessDays, int? Hours);

public sealed record DocumentResponse(string Code, string NameTh, string NameEn, bool Required, string? Condition, int Copies, string Form, bool StateHolds);

public sealed record FeeTierResponse(string When, long RateSatang, string? LabelTh, string? LabelEn);

public sealed record FeeRuleResponse(
    string Code, string LabelTh, string LabelEn, string Kind, string? When, long? AmountSatang, string? Field,
    IReadOnlyDictionary<string, long>? Amounts, string? Each, string? Quantity, string? Rounding, long? RateSatang,
    IReadOnlyList<FeeTierResponse>? Tiers, bool Unconfirmed);

public sealed record OptionResponse(string Value, string LabelTh, string LabelEn);

public sealed record FieldResponse(
    string Name, string Type, string LabelTh, string LabelEn, bool Required, string? RequiredWhen, string? ShownWhen,
    string? UnitTh, string? UnitEn, decimal? Min, decimal? Max, IReadOnlyList<OptionResponse>? Options, IReadOnlyList<FieldResponse>? Fields);

public sealed record EligibilityResponse(string Code, string QuestionTh, string QuestionEn, bool DisqualifyingAnswer, string MessageTh, string MessageEn);

public sealed record ServiceManualResponse(
    string Code, int Version, DateOnly EffectiveFrom, string NameTh, string NameEn, string DescriptionTh, string DescriptionEn,
    string Section, IReadOnlyList<TextResponse> LegalBasis, TextResponse WhoMayApply, TextResponse WhereToAsk,
    IReadOnlyList<string> Channels, IReadOnlyList<EligibilityResponse> Eligibility, IReadOnlyList<StepResponse> Steps,
    int LegalDeadlineDays, string LegalDeadlineUnit, int ExtensionCount, int ExtensionDaysEach,
    IReadOnlyList<DocumentResponse> Documents, IReadOnlyList<FeeRuleResponse> Fees, IReadOnlyList<FieldResponse> Fields,
    string OutputKind, TextResponse OutputName, int? OutputValidityDays, IReadOnlyList<string> ReviewNotes, IReadOnlyList<string> AvailableIn);

/// <summary>Maps definitions to the API shapes of API.md (camelCase JSON).</summary>
public static class CatalogResponses
{
    public static ServiceSummaryResponse Summary(ServiceDefinition d, IReadOnlyList<string> availableIn) =>
        new(d.Code, d.Name.Th, d.Name.En, d.Section, d.Version, d.EffectiveFrom, d.LegalDeadlineDays, d.LegalDeadlineUnit, d.Description.Th, d.Description.En, availableIn);

    public static ServiceManualResponse Manual(ServiceDefinition d, IReadOnlyList<string> availableIn) => new(
        d.Code, d.Version, d.EffectiveFrom, d.Name.Th, d.Name.En, d.Description.Th, d.Description.En, d.Section,
        d.LegalBasis.Select(Text).ToList(), Text(d.WhoMayApply), Text(d.WhereToAsk), d.Channels,
        d.Eligibility.Select(q => new EligibilityResponse(q.Code, q.Question.Th, q.Question.En, q.DisqualifyingAnswer, q.Message.Th, q.Message.En)).ToList(),
        d.Steps.Select(s => new StepResponse(s.Code, s.Name.Th, s.Name.En, s.Role, s.BusinessDays, s.Hours)).ToList(),
        d.LegalDeadlineDays, d.LegalDeadlineUnit, d.Extensions.Count, d.Extensions.DaysEach,
        d.Documents.Select(x => new DocumentResponse(x.Code, x.Name.Th, x.Name.En, x.Required && !x.StateHolds, x.Condition, x.Copies, x.Form, x.StateHolds)).ToList(),
        d.Fees.Select(Fee).ToList(),
        d.Fields.Select(Field).ToList(),
        d.Output.Kind, Text(d.Output.Name), d.Output.ValidityDays, d.ReviewNotes, availableIn);

    private static TextResponse Text(LocalText text) => new(text.Th, text.En);

    private static FeeRuleResponse Fee(FeeRule f) => new(
        f.Code, f.Label.Th, f.Label.En, f.Kind, f.When, f.AmountSatang, f.Field, f.Amounts.Count > 0 ? f.Amounts : null,
        f.Each, f.Quantity, f.Kind == FeeKinds.PerUnit ? f.Rounding : null, f.RateSatang,
        f.Tiers.Count > 0 ? f.Tiers.Select(t => new FeeTierResponse(t.When, t.RateSatang, t.Label?.Th, t.Label?.En)).ToList() : null,
        f.Unconfirmed);

    private static FieldResponse Field(FieldDefinition f) => new(
        f.Name, f.Type, f.Label.Th, f.Label.En, f.Required, f.RequiredWhen, f.ShownWhen, f.Unit?.Th, f.Unit?.En, f.Min, f.Max,
        f.Options.Count > 0 ? f.Options.Select(o => new OptionResponse(o.Value, o.Label.Th, o.Label.En)).ToList() : null,
        f.SubFields.Count > 0 ? f.SubFields.Select(Field).ToList() : null);
}
