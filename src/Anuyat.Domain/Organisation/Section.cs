namespace Anuyat.Domain.Organisation;

/// <summary>
/// A section of a district office (ฝ่าย), such as Public Works (ฝ่ายโยธา). Its code is part of the public API.
/// </summary>
public sealed record Section(string Code, string NameTh, string NameEn);

/// <summary>The section codes integrators rely on (API.md). The names live in reference/sections.csv.</summary>
public static class SectionCodes
{
    public const string Administration = "administration";
    public const string SocialWelfare = "social-welfare";
    public const string PublicWorks = "public-works";
    public const string CleanlinessParks = "cleanliness-parks";
    public const string EnvironmentSanitation = "environment-sanitation";
    public const string CityLawEnforcement = "city-law-enforcement";
}
