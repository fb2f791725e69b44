using System.Globalization;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Calendar;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Admin;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Calendar;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Admin.Calendar;

/// <summary>One change the administrator asks for on the holiday calendar of <see cref="Year"/>.</summary>
/// <param name="Op">add, move, remove or import.</param>
/// <param name="Csv">For import: the file's text, same shape as reference/holidays/YYYY.csv.</param>
public sealed record HolidayRequest(string? Op, int Year, DateOnly? Date, DateOnly? To, string? NameTh, string? NameEn, string? Kind, string? Reason, string? Csv);

/// <summary>An open application whose legal deadline the change moves.</summary>
public sealed record DeadlineShift(Guid ApplicationId, string Reference, string DistrictCode, DateOnly From, DateOnly To);

/// <summary>
/// Changes to the holiday calendar, laid over reference/holidays in the database. A change is first previewed —
/// which open applications' legal deadlines move, from which day to which — and then applied in one transaction:
/// the calendar rows, an audit entry for the change, and for each moved file its new deadline and a timeline entry.
/// Licensing Facilitation Act B.E. 2558 s.10: the office's time is counted in working days, so the holiday list
/// decides the date the applicant is promised.
/// </summary>
public sealed class HolidayEditor(AnuyatDbContext db, ConsoleOverlays overlays, BusinessCalendar calendar, ApplicationClock legalClock, IServiceDirectory directory, ApplicationEvents events, AuditTrail audit, TimeProvider clock)
{
    private sealed record Plan(List<HolidayOverride> Rows, List<int> Years, string Action, BilingualText Summary, object Details);

    public async Task<Result<IReadOnlyList<DeadlineShift>>> PreviewAsync(HolidayRequest request, CancellationToken cancellationToken)
    {
        var plan = Validate(request, Guid.Empty);
        if (!plan.IsSuccess)
        {
            return plan.Error!;
        }

        return Result<IReadOnlyList<DeadlineShift>>.Success(await ShiftsAsync(plan.Value, cancellationToken));
    }

    public async Task<Result<IReadOnlyList<DeadlineShift>>> ApplyAsync(CurrentUser actor, HolidayRequest request, CancellationToken cancellationToken)
    {
        var plan = Validate(request, actor.AccountId);
        if (!plan.IsSuccess)
        {
            return plan.Error!;
        }

        var shifts = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var moved = await ShiftsAsync(plan.Value, cancellationToken);
            foreach (var row in plan.Value.Rows)
            {
                var existing = await db.HolidayOverrides.FirstOrDefaultAsync(h => h.Date == row.Date, cancellationToken);
                if (existing is null)
                {
                    db.HolidayOverrides.Add(row);
                }
                else
                {
                    db.Entry(existing).CurrentValues.SetValues(row);
                }
            }

            foreach (var year in plan.Value.Years)
            {
                db.HolidayYears.Add(new HolidayYear { Year = year, ImportedAt = Now, ImportedBy = actor.AccountId });
            }

            var by = AuditActor.Account(actor.AccountId, actor.Role.ToCode());
            audit.Append(by, plan.Value.Action, "holiday-calendar", request.Year.ToString(CultureInfo.InvariantCulture), plan.Value.Summary,
                new { change = plan.Value.Details, reason = request.Reason?.Trim(), deadlinesMoved = moved.Count });
            var ids = moved.Select(m => m.ApplicationId).ToList();
            var applications = await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
            foreach (var shift in moved)
            {
                var application = applications.First(a => a.Id == shift.ApplicationId);
                application.RecordLegalDeadline(shift.To);
                events.Record(actor, application, "deadline-moved",
                    new($"วันหยุดราชการเปลี่ยน กำหนดเวลาพิจารณาเปลี่ยนจาก {AdminForms.Iso(shift.From)} เป็น {AdminForms.Iso(shift.To)}", $"The holiday calendar changed; the legal deadline moved from {AdminForms.Iso(shift.From)} to {AdminForms.Iso(shift.To)}"),
                    new { from = shift.From, to = shift.To, calendarChange = plan.Value.Action });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return moved;
        });

        // In force only after the commit, so no request ever counts with a list the database does not hold.
        await overlays.ReloadAsync(db, cancellationToken);
        return Result<IReadOnlyList<DeadlineShift>>.Success(shifts);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<List<DeadlineShift>> ShiftsAsync(Plan plan, CancellationToken cancellationToken)
    {
        var proposed = new BusinessCalendar(await overlays.HolidaysAsync(db, plan.Rows, plan.Years, cancellationToken), calendar.SpecialDaysAreWorkingDays);
        var open = await db.Applications.AsNoTracking()
            .Where(a => a.SubmittedAt != null && a.DecidedAt == null && a.ClosedAt == null)
            .ToListAsync(cancellationToken);
        var shifts = new List<DeadlineShift>();
        foreach (var application in open.Where(a => !a.Status.IsClosed()))
        {
            var service = directory.Version(application.ServiceCode, application.ServiceVersion);
            // Both readings today, with and without the change: a stored deadline can be a day behind (a stopped
            // clock moves it every day; generated files are never refreshed), which is not this change's effect.
            var now = legalClock.Read(application, service)?.Deadline ?? application.LegalDeadline;
            var then = legalClock.Read(application, service, withCalendar: proposed)?.Deadline;
            if (now is { } from && then is { } to && from != to)
            {
                shifts.Add(new DeadlineShift(application.Id, application.Reference, application.DistrictCode, from, to));
            }
        }

        return [.. shifts.OrderBy(s => s.From).ThenBy(s => s.Reference, StringComparer.Ordinal)];
    }

    private Result<Plan> Validate(HolidayRequest request, Guid actor)
    {
        var errors = new Dictionary<string, BilingualText[]>(StringComparer.Ordinal);
        var holidays = calendar.Holidays;
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length < 5)
        {
            errors["Reason"] = [new("บอกเหตุผล เช่น มติคณะรัฐมนตรีวันที่ … (อย่างน้อย 5 ตัวอักษร)", "Give the reason, e.g. the Cabinet resolution of … (at least 5 characters)")];
        }

        List<HolidayOverride> rows = [];
        List<int> years = [];
        string action;
        BilingualText summary;
        object details;
        switch (request.Op)
        {
            case "add":
                {
                    CheckDateInYear(request.Date, request.Year, "Date", holidays, errors);
                    if (request.Date is { } date && holidays.IsHoliday(date))
                    {
                        errors["Date"] = [new("วันนี้เป็นวันหยุดอยู่แล้ว", "That day is already a holiday")];
                    }

                    if (string.IsNullOrWhiteSpace(request.NameTh) || string.IsNullOrWhiteSpace(request.NameEn))
                    {
                        errors["NameTh"] = [new("กรอกชื่อวันหยุดทั้งภาษาไทยและภาษาอังกฤษ", "Give the holiday's name in Thai and in English")];
                    }

                    if (request.Kind is not ("public" or "substitution" or "special"))
                    {
                        errors["Kind"] = [new("เลือกประเภทวันหยุด", "Choose the kind of holiday")];
                    }

                    if (errors.Count > 0)
                    {
                        return new ValidationFailed(errors);
                    }

                    rows.Add(Row(request.Date!.Value, false, request.NameTh!.Trim(), request.NameEn!.Trim(), request.Kind!, true, reason!, actor));
                    action = "calendar.holiday-added";
                    summary = new($"เพิ่มวันหยุด {AdminForms.Iso(request.Date)}", $"Holiday added on {AdminForms.Iso(request.Date)}");
                    details = new { date = request.Date, kind = request.Kind };
                    break;
                }

            case "move":
                {
                    var from = request.Date is { } d ? holidays.Find(d) : null;
                    if (from is null)
                    {
                        errors["Date"] = [new("เลือกวันหยุดที่จะย้ายจากรายการ", "Choose the holiday to move from the list")];
                    }

                    CheckDateInYear(request.To, request.Year, "To", holidays, errors);
                    if (request.To is { } to && holidays.IsHoliday(to))
                    {
                        errors["To"] = [new("วันปลายทางเป็นวันหยุดอยู่แล้ว", "The new day is already a holiday")];
                    }

                    if (errors.Count > 0)
                    {
                        return new ValidationFailed(errors);
                    }

                    rows.Add(Row(from!.Date, true, from.Name.Th, from.Name.En, ConsoleOverlays.KindCode(from.Kind), from.Confirmed, reason!, actor));
                    rows.Add(Row(request.To!.Value, false, from.Name.Th, from.Name.En, ConsoleOverlays.KindCode(from.Kind), true, reason!, actor));
                    action = "calendar.holiday-moved";
                    summary = new($"ย้ายวันหยุด {AdminForms.Iso(from.Date)} ไปเป็น {AdminForms.Iso(request.To)}", $"Holiday moved from {AdminForms.Iso(from.Date)} to {AdminForms.Iso(request.To)}");
                    details = new { from = from.Date, to = request.To };
                    break;
                }

            case "remove":
                {
                    var holiday = request.Date is { } d ? holidays.Find(d) : null;
                    if (holiday is null || holiday.Date.Year != request.Year)
                    {
                        errors["Date"] = [new("เลือกวันหยุดที่จะลบจากรายการ", "Choose the holiday to remove from the list")];
                    }

                    if (errors.Count > 0)
                    {
                        return new ValidationFailed(errors);
                    }

                    rows.Add(Row(holiday!.Date, true, holiday.Name.Th, holiday.Name.En, ConsoleOverlays.KindCode(holiday.Kind), holiday.Confirmed, reason!, actor));
                    action = "calendar.holiday-removed";
                    summary = new($"ยกเลิกวันหยุด {AdminForms.Iso(holiday.Date)}", $"Holiday removed on {AdminForms.Iso(holiday.Date)}");
                    details = new { date = holiday.Date };
                    break;
                }

            case "import":
                {
                    if (request.Year is < 2000 or > 2200)
                    {
                        errors["Year"] = [new("ปี ค.ศ. ไม่ถูกต้อง", "Not a valid Gregorian year")];
                    }
                    else if (holidays.Covers(request.Year))
                    {
                        errors["Year"] = [new($"มีปฏิทินปี {request.Year} แล้ว แก้ไขทีละวันแทน", $"{request.Year} already has a calendar; change it day by day instead")];
                    }

                    IReadOnlyList<Holiday> imported = [];
                    if (string.IsNullOrWhiteSpace(request.Csv))
                    {
                        errors["File"] = [new("เลือกไฟล์ CSV รูปแบบเดียวกับ reference/holidays", "Choose a CSV file shaped like reference/holidays")];
                    }
                    else if (!errors.ContainsKey("Year"))
                    {
                        imported = ReadCsv(request.Csv, request.Year, errors);
                    }

                    if (errors.Count > 0)
                    {
                        return new ValidationFailed(errors);
                    }

                    rows.AddRange(imported.Select(h => Row(h.Date, false, h.Name.Th, h.Name.En, ConsoleOverlays.KindCode(h.Kind), h.Confirmed, reason!, actor)));
                    years.Add(request.Year);
                    action = "calendar.year-imported";
                    summary = new($"นำเข้าปฏิทินวันหยุดปี {request.Year} ({rows.Count} วัน)", $"Holiday calendar {request.Year} imported ({rows.Count} days)");
                    details = new { year = request.Year, days = rows.Count };
                    break;
                }

            default:
                return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["Op"] = [new("เลือกการเปลี่ยนแปลง", "Choose a change")] });
        }

        return errors.Count > 0 ? new ValidationFailed(errors) : new Plan(rows, years, action, summary, details);
    }

    private static void CheckDateInYear(DateOnly? date, int year, string field, HolidayCalendar holidays, Dictionary<string, BilingualText[]> errors)
    {
        if (date is not { } d)
        {
            errors[field] = [new("กรอกวันที่ (ค.ศ. yyyy-MM-dd)", "Enter the date (yyyy-MM-dd)")];
        }
        else if (d.Year != year)
        {
            errors[field] = [new($"วันที่ {AdminForms.Iso(d)} อยู่นอกปี {year} ที่กำลังแก้ไข", $"{AdminForms.Iso(d)} is outside the year being edited, {year}")];
        }
        else if (!holidays.Covers(year))
        {
            errors[field] = [new($"ยังไม่มีปฏิทินปี {year} นำเข้าไฟล์ของปีนั้นก่อน", $"There is no calendar for {year} yet; import that year's file first")];
        }
        else if (BusinessCalendar.IsWeekend(d))
        {
            errors[field] = [new("วันนี้เป็นวันเสาร์หรืออาทิตย์ ซึ่งเป็นวันหยุดอยู่แล้ว", "That day is a Saturday or Sunday, already a day off")];
        }
    }

    private static IReadOnlyList<Holiday> ReadCsv(string csv, int year, Dictionary<string, BilingualText[]> errors)
    {
        var folder = Directory.CreateTempSubdirectory("anuyat-holidays-");
        try
        {
            var path = Path.Combine(folder.FullName, $"{year}.csv");
            File.WriteAllText(path, csv);
            return HolidayFiles.ReadYear(path, year);
        }
        catch (StartupException e)
        {
            errors["File"] = [new($"ไฟล์ไม่ถูกต้อง: {e.Message}", $"The file is not right: {e.Message}")];
            return [];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private HolidayOverride Row(DateOnly date, bool removed, string nameTh, string nameEn, string kind, bool confirmed, string reason, Guid actor) => new()
    {
        Date = date,
        Removed = removed,
        NameTh = nameTh,
        NameEn = nameEn,
        Kind = kind,
        Confirmed = confirmed,
        Reason = reason,
        ChangedAt = Now,
        ChangedBy = actor,
    };
}
