using Anuyat.Domain.Calendar;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Admin;

/// <summary>The holiday list read from reference/holidays at start, before any console edit.</summary>
public sealed record ReferenceHolidays(HolidayCalendar Calendar);

/// <summary>
/// Lays what administrators decided in the console (kept in the database) over the repository's files: rollout
/// decisions and scheduled version dates over the catalog, holiday changes over the holiday calendar. The files stay
/// the default; the objects every request reads (<see cref="ServiceCatalog"/>, <see cref="BusinessCalendar"/>) are
/// updated in place by one reference swap each. Reloaded at start, after every console change and once a minute, so
/// another instance catches up within a minute.
/// </summary>
public sealed class ConsoleOverlays(ServiceCatalog catalog, BusinessCalendar calendar, ReferenceHolidays files)
{
    public ReferenceHolidays Files => files;

    public async Task ReloadAsync(AnuyatDbContext db, CancellationToken cancellationToken = default)
    {
        var rollout = await db.RolloutDecisions.AsNoTracking().ToListAsync(cancellationToken);
        catalog.ApplyRolloutOverrides(rollout.Select(r => new RolloutOverride(r.ServiceCode, r.DistrictCode, r.OpensFrom)));
        var schedules = await db.VersionSchedules.AsNoTracking().ToListAsync(cancellationToken);
        catalog.ApplyScheduledDates(schedules.ToDictionary(s => (s.ServiceCode, s.Version), s => s.EffectiveFrom));
        calendar.ReplaceHolidays(await HolidaysAsync(db, [], [], cancellationToken));
    }

    /// <summary>The holiday list the console's stored changes give, with <paramref name="pending"/> changes and years added on top (for a preview).</summary>
    public async Task<HolidayCalendar> HolidaysAsync(AnuyatDbContext db, IEnumerable<HolidayOverride> pending, IEnumerable<int> pendingYears, CancellationToken cancellationToken = default)
    {
        var stored = await db.HolidayOverrides.AsNoTracking().ToListAsync(cancellationToken);
        var years = await db.HolidayYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
        var changes = stored.Where(s => !pending.Any(p => p.Date == s.Date)).Concat(pending).Select(ToChange);
        return HolidayOverlay.Apply(files.Calendar, changes, years.Concat(pendingYears));
    }

    public static HolidayChange ToChange(HolidayOverride row) => new(
        row.Date,
        row.Removed,
        new BilingualText(row.NameTh, row.NameEn),
        row.Kind switch { "public" => HolidayKind.Public, "substitution" => HolidayKind.Substitution, _ => HolidayKind.Special },
        row.Confirmed);

    public static string KindCode(HolidayKind kind) => kind switch
    {
        HolidayKind.Public => "public",
        HolidayKind.Substitution => "substitution",
        _ => "special",
    };
}
