using System.Globalization;

namespace Anuyat.Web.Platform;

/// <summary>
/// Dates from an HTML <c>&lt;input type="date"&gt;</c>: always ISO <c>yyyy-MM-dd</c> in the Gregorian calendar, whatever
/// the page's culture (model binding would read them with th-TH's Buddhist calendar).
/// </summary>
public static class HtmlDates
{
    public static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
