using Anuyat.Domain.Common;

namespace Anuyat.Domain.Catalog;

/// <summary>
/// The months in which a service takes first filings (a definition's <c>openMonths</c>), told to the applicant in
/// words: which months are open, so they know when to come back.
/// </summary>
public static class RegistrationWindow
{
    private static readonly string[] MonthsTh =
        ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];

    private static readonly string[] MonthsEn =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The refusal for a filing outside the window, naming the months that are open.</summary>
    public static RuleViolation Closed(ServiceDefinition definition)
    {
        var open = definition.OpenMonths.Distinct().Order().ToList();
        return new RuleViolation("outside-registration-window", new BilingualText(
            $"บริการนี้ไม่รับคำขอในเดือนนี้ เปิดรับเฉพาะเดือน{string.Join(" ", open.Select(m => MonthsTh[m - 1]))} ร่างคำขอของคุณยังเก็บไว้",
            $"This service takes no applications this month; it is open in {string.Join(", ", open.Select(m => MonthsEn[m - 1]))}. Your draft is kept"))
        {
            LegalBasis = definition.LegalBasis.Count > 0 ? definition.LegalBasis[^1].En : null,
        };
    }
}
