using System.Globalization;
using Anuyat.Domain.Common;
using Anuyat.Domain.Organisation;
using Anuyat.Domain.Stats;
using Anuyat.Infrastructure.Stats;

namespace Anuyat.Web.Features.Stats;

/// <summary>
/// The dashboard's and the API's query, read and checked in one place so the page and <c>GET /api/v1/stats</c> answer
/// the same question the same way. Ranges are whole Bangkok months: <c>from</c> and <c>to</c> (yyyy-MM or yyyy-MM-dd)
/// select the months that contain them. Unknown parameters and codes are field errors, never ignored.
/// </summary>
public sealed record StatsQuery(StatsFilter Filter, StatsDimension By, int Page, int PageSize)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    /// <summary>Ten years of months: anything longer is a typing mistake, not a question.</summary>
    public const int MaxMonths = 120;

    public static readonly IReadOnlyDictionary<string, StatsDimension> Dimensions = new Dictionary<string, StatsDimension>(StringComparer.Ordinal)
    {
        ["month"] = StatsDimension.Month,
        ["district-group"] = StatsDimension.DistrictGroup,
        ["district"] = StatsDimension.District,
        ["section"] = StatsDimension.Section,
        ["service"] = StatsDimension.Service,
        ["pilot"] = StatsDimension.Pilot,
    };

    public static string Code(StatsDimension by) => Dimensions.First(d => d.Value == by).Key;

    public static (StatsQuery? Query, Dictionary<string, BilingualText[]> Errors) Parse(
        IQueryCollection query,
        DateOnly today,
        IReadOnlyCollection<string> allowedDimensions,
        IReadOnlyList<District> districts,
        IReadOnlyList<Section> sections,
        IReadOnlyCollection<string> services,
        IReadOnlyCollection<string> extraParameters)
    {
        var errors = new Dictionary<string, BilingualText[]>(StringComparer.Ordinal);
        string? One(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        var known = new HashSet<string>(["groupBy", "from", "to", "page", "pageSize", "districtGroup", "district", "section", "service", "pilot", .. extraParameters], StringComparer.Ordinal);
        foreach (var name in query.Keys.Where(k => !known.Contains(k)))
        {
            errors[name] = [new($"ไม่รู้จักตัวกรอง \"{name}\"", $"Unknown filter \"{name}\"")];
        }

        var by = StatsDimension.District;
        if (One("groupBy") is { } groupBy)
        {
            if (!allowedDimensions.Contains(groupBy) || !Dimensions.TryGetValue(groupBy, out by))
            {
                errors["groupBy"] = [new($"จัดกลุ่มได้ตาม {string.Join(", ", allowedDimensions)}", $"groupBy must be one of {string.Join(", ", allowedDimensions)}")];
            }
        }

        var toMonth = StatsCalendar.MonthKey(today);
        var fromMonth = AddMonths(toMonth, -11);
        if (One("from") is { } fromText)
        {
            if (ParseMonth(fromText) is { } m)
            {
                fromMonth = m;
            }
            else
            {
                errors["from"] = [new("ใช้รูปแบบ ปปปป-ดด หรือ ปปปป-ดด-วว (ค.ศ.)", "Use yyyy-MM or yyyy-MM-dd (Gregorian)")];
            }
        }

        if (One("to") is { } toText)
        {
            if (ParseMonth(toText) is { } m)
            {
                toMonth = m;
            }
            else
            {
                errors["to"] = [new("ใช้รูปแบบ ปปปป-ดด หรือ ปปปป-ดด-วว (ค.ศ.)", "Use yyyy-MM or yyyy-MM-dd (Gregorian)")];
            }
        }

        if (!errors.ContainsKey("from") && !errors.ContainsKey("to"))
        {
            if (fromMonth > toMonth)
            {
                errors["to"] = [new("วันสิ้นสุดต้องไม่อยู่ก่อนวันเริ่มต้น", "The end of the range must not be before its start")];
            }
            else if (StatsCalendar.Months(fromMonth, toMonth).Take(MaxMonths + 1).Count() > MaxMonths)
            {
                errors["from"] = [new($"ช่วงเวลายาวได้ไม่เกิน {MaxMonths} เดือน", $"The range may cover at most {MaxMonths} months")];
            }
        }

        var page = 1;
        if (One("page") is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > 1_000_000))
        {
            errors["page"] = [new("หน้าต้องเป็นจำนวนเต็มตั้งแต่ 1", "page must be a whole number from 1")];
        }

        var pageSize = DefaultPageSize;
        if (One("pageSize") is { } sizeText && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
        {
            errors["pageSize"] = [new($"จำนวนต่อหน้าต้องอยู่ระหว่าง 1 ถึง {MaxPageSize}", $"pageSize must be between 1 and {MaxPageSize}")];
        }

        var group = One("districtGroup");
        if (group is not null && !districts.Any(d => d.GroupEn == group))
        {
            errors["districtGroup"] = [new("ไม่มีกลุ่มเขตนี้", "No such district group")];
        }

        var district = One("district");
        if (district is not null && !districts.Any(d => d.Code == district))
        {
            errors["district"] = [new("ไม่มีเขตรหัสนี้", "No district with this code")];
        }

        var section = One("section");
        if (section is not null && !sections.Any(s => s.Code == section))
        {
            errors["section"] = [new("ไม่มีฝ่ายรหัสนี้", "No section with this code")];
        }

        var service = One("service");
        if (service is not null && !services.Contains(service))
        {
            errors["service"] = [new("ไม่มีบริการรหัสนี้", "No service with this code")];
        }

        bool? pilot = One("pilot") switch
        {
            null or "all" => null,
            "true" or "pilot" => true,
            "false" or "non-pilot" => false,
            _ => null,
        };
        if (One("pilot") is { } pilotText && pilotText is not ("all" or "true" or "pilot" or "false" or "non-pilot"))
        {
            errors["pilot"] = [new("ใช้ true หรือ false", "Use true or false")];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new StatsQuery(new StatsFilter(fromMonth, toMonth, group, district, section, service, pilot), by, page, pageSize), errors);
    }

    public static int AddMonths(int monthKey, int months)
    {
        var first = StatsCalendar.FirstDay(monthKey).AddMonths(months);
        return StatsCalendar.MonthKey(first);
    }

    private static int? ParseMonth(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date.Year is >= 2000 and <= 2200 ? StatsCalendar.MonthKey(date) : null;
        }

        return null;
    }
}
