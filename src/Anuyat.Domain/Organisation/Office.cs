namespace Anuyat.Domain.Organisation;

/// <summary>
/// An office is one section in one district: the unit that owns a queue of applications and whose staff may see them.
/// </summary>
public sealed record Office(string DistrictCode, string SectionCode);
