using System.Globalization;

namespace Anuyat.Domain.Applications;

/// <summary>
/// The reference a citizen quotes: district code, Buddhist-era year and a running number per district and year,
/// e.g. <c>1001-2569-000123</c>. The year is the Buddhist year (Gregorian + 543) of the day the file was opened,
/// in Bangkok time.
/// </summary>
public readonly record struct ApplicationReference(string DistrictCode, int BuddhistYear, long Number)
{
    public const int BuddhistEraOffset = 543;

    public static int BuddhistYearOf(DateOnly bangkokDate) => bangkokDate.Year + BuddhistEraOffset;

    /// <summary>The counter that numbers this district's files in this year.</summary>
    public static string CounterKey(string districtCode, int buddhistYear) => $"application:{districtCode}:{buddhistYear}";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{DistrictCode}-{BuddhistYear}-{Number:D6}");
}
