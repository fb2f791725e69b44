using Anuyat.Domain.Common;

namespace Anuyat.Domain.Calendar;

/// <summary>What kind of government holiday a date is (the <c>kind</c> column of <c>reference/holidays/YYYY.csv</c>).</summary>
public enum HolidayKind
{
    /// <summary>An annual public holiday (วันหยุดนักขัตฤกษ์).</summary>
    Public,

    /// <summary>A substitution day (วันหยุดชดเชย) for a holiday that fell on a weekend.</summary>
    Substitution,

    /// <summary>An extra government holiday declared by the Cabinet (วันหยุดราชการเพิ่มเป็นกรณีพิเศษ).</summary>
    Special,
}

/// <summary>
/// One government holiday. <paramref name="Confirmed"/> is false for rows projected from calendar rules before the
/// Cabinet announced the year, so pages can say the date is provisional.
/// </summary>
public sealed record Holiday(DateOnly Date, BilingualText Name, HolidayKind Kind, bool Confirmed);
