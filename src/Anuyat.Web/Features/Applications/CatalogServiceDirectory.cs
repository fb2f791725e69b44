using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;

namespace Anuyat.Web.Features.Applications;

/// <summary>The application module's view of the service catalog.</summary>
public sealed class CatalogServiceDirectory(ServiceCatalog catalog) : IServiceDirectory
{
    public ServiceInForce? InForce(string serviceCode, DateOnly day) => Map(catalog.InForce(serviceCode, day));

    public ServiceInForce? Version(string serviceCode, int version) => Map(catalog.GetVersion(serviceCode, version));

    public bool IsOpenIn(string serviceCode, string districtCode, DateOnly day) => catalog.Rollout.IsOpen(serviceCode, districtCode, day);

    public Anuyat.Domain.Common.Result<FeeQuote> Fee(PermitApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var definition = catalog.GetVersion(application.ServiceCode, application.ServiceVersion);
        if (definition is null)
        {
            return new Anuyat.Domain.Common.NotFoundError("service-not-found", new Anuyat.Domain.Common.BilingualText("ไม่พบบริการนี้", "There is no such service"));
        }

        var answers = System.Text.Json.Nodes.JsonNode.Parse(application.AnswersJson) as System.Text.Json.Nodes.JsonObject ?? [];
        return FeeCalculator.Quote(definition, answers);
    }

    public OutputDocument? Output(string serviceCode, int version) => catalog.GetVersion(serviceCode, version)?.Output;

    private static ServiceInForce? Map(ServiceDefinition? definition) => definition is null ? null : new ServiceInForce(
        definition.Code,
        definition.Version,
        definition.Section,
        definition.Name.Th,
        definition.Name.En,
        definition.Documents.Select(d => d.Code).ToHashSet(StringComparer.Ordinal),
        definition.LegalDeadlineDays,
        new ExtensionLimit(definition.Extensions.Count, definition.Extensions.DaysEach),
        definition.Fees.Count > 0);
}

/// <summary>Which checklist items a set of answers makes necessary, from the definition's own conditions.</summary>
public static class DocumentChecklist
{
    /// <summary>
    /// The items the applicant must attach: required, not held by the state (those are never demanded), and whose
    /// condition holds for these answers.
    /// </summary>
    public static IReadOnlyList<DocumentItem> Demanded(ServiceDefinition definition, System.Text.Json.Nodes.JsonObject answers)
    {
        var scope = new AnswerScope(definition, answers);
        return [.. definition.Documents.Where(d => !d.StateHolds && Applies(definition, d, scope) && (d.Condition is not null || d.Required))];
    }

    /// <summary>Every item to show the applicant (optional ones too), excluding those the state already holds.</summary>
    public static IReadOnlyList<DocumentItem> Shown(ServiceDefinition definition, System.Text.Json.Nodes.JsonObject answers)
    {
        var scope = new AnswerScope(definition, answers);
        return [.. definition.Documents.Where(d => !d.StateHolds && Applies(definition, d, scope))];
    }

    private static bool Applies(ServiceDefinition definition, DocumentItem item, AnswerScope scope) =>
        item.Condition is null || ExpressionEvaluator.IsTrue(definition.Expression(item.Condition), scope);
}
