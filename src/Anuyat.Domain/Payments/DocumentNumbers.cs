using System.Globalization;

namespace Anuyat.Domain.Payments;

/// <summary>
/// The Thai government fiscal year: it starts on 1 October and is named by the Buddhist year in which it ends
/// (Budget Procedure Act B.E. 2561 s.4: "ปีงบประมาณ" runs 1 October to 30 September of the following year).
/// 1 October 2026 (B.E. 2569) therefore opens fiscal year 2570.
/// </summary>
public static class ThaiFiscalYear
{
    public const int BuddhistEraOffset = 543;

    /// <param name="bangkokDate">The calendar day in Bangkok; the caller converts the instant.</param>
    public static int Of(DateOnly bangkokDate) => bangkokDate.Year + BuddhistEraOffset + (bangkokDate.Month >= 10 ? 1 : 0);
}

/// <summary>
/// A running document number per district and year, e.g. <c>1001-INV-2570-000001</c>: invoices and receipts are
/// numbered per fiscal year (they are accounting documents), permits per Buddhist calendar year of issue.
/// </summary>
public readonly record struct DocumentNumber(string DistrictCode, string Kind, int Year, long Sequence)
{
    public const string Invoice = "INV";
    public const string Receipt = "RCT";
    public const string Permit = "PMT";

    public static DocumentNumber ForInvoice(string districtCode, DateOnly bangkokDate, long sequence) =>
        new(districtCode, Invoice, ThaiFiscalYear.Of(bangkokDate), sequence);

    public static DocumentNumber ForReceipt(string districtCode, DateOnly bangkokDate, long sequence) =>
        new(districtCode, Receipt, ThaiFiscalYear.Of(bangkokDate), sequence);

    public static DocumentNumber ForPermit(string districtCode, DateOnly bangkokDate, long sequence) =>
        new(districtCode, Permit, bangkokDate.Year + ThaiFiscalYear.BuddhistEraOffset, sequence);

    /// <summary>The counter (Persistence/Counters) that numbers this kind of document in this district and year.</summary>
    public string CounterKey => CounterKeyFor(DistrictCode, Kind, Year);

    public static string CounterKeyFor(string districtCode, string kind, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind.ToLowerInvariant()}:{districtCode}:{year}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{DistrictCode}-{Kind}-{Year}-{Sequence:D6}");

    /// <summary>
    /// Only the digits of a number: Bill Payment references are at most 20 upper-case letters or digits (BOT Thai QR
    /// standard), and several banks' apps accept digits only, so "1001-INV-2570-000001" travels as "10012570000001".
    /// </summary>
    public static string DigitsOf(string number) => string.Concat(number.Where(char.IsAsciiDigit));
}
