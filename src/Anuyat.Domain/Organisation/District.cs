namespace Anuyat.Domain.Organisation;

/// <summary>
/// A district office area of the city (เขต). Bangkok has 50, coded 1001–1050 in the official administrative order.
/// </summary>
/// <param name="Code">Four-digit administrative code, e.g. "1001" for Phra Nakhon.</param>
/// <param name="GroupTh">District group (กลุ่มเขต); Bangkok has six.</param>
/// <param name="Pilot">One of the six BMA OSS pilot districts, one per district group.</param>
public sealed record District(string Code, string NameTh, string NameEn, string GroupTh, string GroupEn, bool Pilot);
