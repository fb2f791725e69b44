namespace Anuyat.Web.Features.Applications;

/// <summary>
/// What the application module needs to know about a service: the version in force, the section that handles it,
/// and whether it is open in a district. Implemented over the service catalog.
/// </summary>
public interface IServiceDirectory
{
    /// <summary>The version of the service in force on the date, or null when no such service exists.</summary>
    ServiceInForce? InForce(string serviceCode, DateOnly day);

    /// <summary>A specific version, for an application that keeps the version it was opened under.</summary>
    ServiceInForce? Version(string serviceCode, int version);

    /// <summary>Rollout: whether the service may be filed online in the district on the date.</summary>
    bool IsOpenIn(string serviceCode, string districtCode, DateOnly day);

    /// <summary>The fees the application's answers cost under the version it follows (the invoice after approval).</summary>
    Anuyat.Domain.Common.Result<Anuyat.Domain.Catalog.FeeQuote> Fee(Anuyat.Domain.Applications.PermitApplication application);

    /// <summary>The document an approval produces (name, validity), or null for an unknown service version.</summary>
    Anuyat.Domain.Catalog.OutputDocument? Output(string serviceCode, int version);
}

/// <param name="ChecklistItemCodes">The document checklist's item codes; a deficiency record may list only these.</param>
/// <param name="LegalDeadlineDays">The manual's total time, in business days.</param>
/// <param name="Extensions">How many times, and by how many days, an approver may extend the deadline.</param>
/// <param name="ChargesFee">Whether an approval is followed by an invoice.</param>
public sealed record ServiceInForce(
    string Code,
    int Version,
    string SectionCode,
    string NameTh,
    string NameEn,
    IReadOnlySet<string> ChecklistItemCodes,
    int LegalDeadlineDays,
    Anuyat.Domain.Applications.ExtensionLimit Extensions,
    bool ChargesFee);
