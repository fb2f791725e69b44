using System.Globalization;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Stats;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Stats;

/// <summary>One table the dashboard shows; the page, the CSV and the XLSX export render the same rows and columns.</summary>
public sealed record DashboardTable(string Id, BilingualText Title, StatsDimension By, IReadOnlyList<DashboardRow> Rows, StatsFigures Total);

public sealed record DashboardRow(string Key, BilingualText Name, StatsFigures Figures, string? DrillUrl);

/// <summary>A column: its header in both languages, its value for export (a number or empty) and for reading.</summary>
public sealed record DashboardColumn(string Code, BilingualText Header, Func<StatsFigures, double?> Value, Func<StatsFigures, string> Show);

public static class DashboardColumns
{
    public static readonly IReadOnlyList<DashboardColumn> All =
    [
        Count("received", new("รับคำขอ", "Received"), f => f.Received),
        Count("decided", new("พิจารณาแล้ว", "Decided"), f => f.Decided),
        Count("inProgress", new("อยู่ระหว่างดำเนินการ", "In progress"), f => f.InProgress),
        Count("overdue", new("เกินกำหนด", "Overdue"), f => f.Overdue),
        Rate("onTimeRate", new("ทันกำหนด (%)", "On time (%)"), f => f.OnTimeRate),
        Days("medianLeadTimeDays", new("ระยะเวลามัธยฐาน (วัน)", "Median lead time (days)"), f => f.MedianLeadTimeDays),
        Days("p90LeadTimeDays", new("ระยะเวลาเปอร์เซ็นไทล์ที่ 90 (วัน)", "90th percentile (days)"), f => f.P90LeadTimeDays),
        Days("officeDaysPerDecision", new("อยู่กับสำนักงาน (วัน/เรื่อง)", "With the office (days per decision)"), f => f.OfficeDaysPerDecision),
        Days("applicantDaysPerDecision", new("อยู่กับผู้ยื่น (วัน/เรื่อง)", "With the applicant (days per decision)"), f => f.ApplicantDaysPerDecision),
        Rate("deficiencyRate", new("ขอเอกสารเพิ่ม (%)", "Deficiency records (%)"), f => f.DeficiencyRate),
        Rate("refusalRate", new("ไม่อนุญาต (%)", "Refused (%)"), f => f.RefusalRate),
        Count("lapsed", new("สิ้นผล", "Lapsed"), f => f.Lapsed),
    ];

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static DashboardColumn Count(string code, BilingualText header, Func<StatsFigures, long> value) =>
        new(code, header, f => value(f), f => value(f).ToString("#,0", CultureInfo.InvariantCulture));

    private static DashboardColumn Rate(string code, BilingualText header, Func<StatsFigures, double?> value) =>
        new(code, header, f => value(f) is { } r ? Math.Round(r * 100, 1) : null, f => Percent(value(f)));

    private static DashboardColumn Days(string code, BilingualText header, Func<StatsFigures, double?> value) =>
        new(code, header, value, f => value(f) is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) : "–");

    private static DashboardColumn Days(string code, BilingualText header, Func<StatsFigures, int?> value) =>
        new(code, header, f => value(f), f => value(f) is { } d ? (d >= Domain.Stats.LeadTimeHistogram.OverflowDays ? "> 730" : d.ToString(CultureInfo.InvariantCulture)) : "–");

    /// <summary>The header row of an export in the reader's language.</summary>
    public static IReadOnlyList<string> Headers(DashboardTable table) =>
        [T(new BilingualText("รายการ", "Item")), .. All.Select(c => T(c.Header))];
}
