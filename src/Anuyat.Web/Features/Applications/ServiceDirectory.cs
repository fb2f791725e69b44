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
}

public sealed record ServiceInForce(string Code, int Version, string SectionCode, string NameTh, string NameEn);
