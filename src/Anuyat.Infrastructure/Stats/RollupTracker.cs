using Anuyat.Domain.Applications;
using Anuyat.Domain.Stats;
using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Anuyat.Infrastructure.Stats;

/// <summary>
/// Keeps the rollups current as applications change, in the transaction of the change. It reads the change tracker
/// when the context saves: for every added, changed or deleted <see cref="PermitApplication"/> it subtracts the
/// contribution of the facts as loaded and adds the contribution of the facts as they will be saved.
/// Hooked into the context's save (beside the audit sealer) rather than into each action, so no action can forget it:
/// the API, the pages, the clock duties and any action added later are covered without touching them.
/// </summary>
public static class RollupTracker
{
    private static readonly AsyncLocal<bool> SuspendedFlag = new();

    /// <summary>True while a bulk loader has suspended tracking (it must call <see cref="RollupRebuilder"/> afterwards).</summary>
    public static bool IsSuspended => SuspendedFlag.Value;

    /// <summary>
    /// For bulk loaders only (the demo generator): saves inside the scope do not touch the rollups; call
    /// <see cref="RollupRebuilder.RebuildAsync"/> when the load is done.
    /// </summary>
    public static IDisposable Suspend()
    {
        SuspendedFlag.Value = true;
        return new Resume();
    }

    /// <summary>The change to the rollups that saving the tracked applications makes; null when there is none.</summary>
    public static RollupDelta? Capture(DbContext db)
    {
        if (IsSuspended)
        {
            return null;
        }

        RollupDelta? delta = null;
        foreach (var entry in db.ChangeTracker.Entries<PermitApplication>())
        {
            if (entry.State is EntityState.Detached)
            {
                continue;
            }

            var before = entry.State == EntityState.Added ? null : Original(entry);
            var after = entry.State == EntityState.Deleted ? null : ApplicationFacts.Of(entry.Entity);
            if (before == after)
            {
                continue;
            }

            delta ??= new RollupDelta();
            delta.Add(before, -1);
            delta.Add(after, 1);
        }

        delta?.RemoveZeros();
        return delta is { IsEmpty: false } ? delta : null;
    }

    /// <summary>
    /// Adds the delta to the rollup rows with one upsert per row (INSERT … ON CONFLICT DO UPDATE, the same on SQLite and
    /// PostgreSQL): concurrent changes add up without a read-modify-write race, and rows are visited in key order so two
    /// transactions cannot deadlock on them. Rows that fall to zero are removed so they do not pile up.
    /// </summary>
    public static async Task ApplyAsync(AnuyatDbContext db, RollupDelta delta, CancellationToken cancellationToken)
    {
        foreach (var (k, c) in delta.Rollups.OrderBy(r => r.Key.Month).ThenBy(r => r.Key.DistrictCode, StringComparer.Ordinal).ThenBy(r => r.Key.SectionCode, StringComparer.Ordinal).ThenBy(r => r.Key.ServiceCode, StringComparer.Ordinal))
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO stats_rollups (tenant_id, month, district_code, section_code, service_code, received, decided, on_time, refused, deficiency_records, lapsed, withdrawn, lead_minutes, office_minutes, applicant_minutes)
                VALUES ({db.TenantId}, {k.Month}, {k.DistrictCode}, {k.SectionCode}, {k.ServiceCode}, {c.Received}, {c.Decided}, {c.OnTime}, {c.Refused}, {c.DeficiencyRecords}, {c.Lapsed}, {c.Withdrawn}, {c.LeadMinutes}, {c.OfficeMinutes}, {c.ApplicantMinutes})
                ON CONFLICT (tenant_id, month, district_code, section_code, service_code) DO UPDATE SET
                  received = stats_rollups.received + excluded.received,
                  decided = stats_rollups.decided + excluded.decided,
                  on_time = stats_rollups.on_time + excluded.on_time,
                  refused = stats_rollups.refused + excluded.refused,
                  deficiency_records = stats_rollups.deficiency_records + excluded.deficiency_records,
                  lapsed = stats_rollups.lapsed + excluded.lapsed,
                  withdrawn = stats_rollups.withdrawn + excluded.withdrawn,
                  lead_minutes = stats_rollups.lead_minutes + excluded.lead_minutes,
                  office_minutes = stats_rollups.office_minutes + excluded.office_minutes,
                  applicant_minutes = stats_rollups.applicant_minutes + excluded.applicant_minutes
                """,
                cancellationToken);
            if (c.Received < 0 || c.Decided < 0 || c.DeficiencyRecords < 0 || c.Lapsed < 0 || c.Withdrawn < 0)
            {
                await db.Database.ExecuteSqlAsync(
                    $"""
                    DELETE FROM stats_rollups WHERE tenant_id = {db.TenantId} AND month = {k.Month} AND district_code = {k.DistrictCode} AND section_code = {k.SectionCode} AND service_code = {k.ServiceCode}
                      AND received = 0 AND decided = 0 AND on_time = 0 AND refused = 0 AND deficiency_records = 0 AND lapsed = 0 AND withdrawn = 0
                      AND lead_minutes = 0 AND office_minutes = 0 AND applicant_minutes = 0
                    """,
                    cancellationToken);
            }
        }

        foreach (var (k, n) in delta.LeadTimes.OrderBy(r => r.Key.Rollup.Month).ThenBy(r => r.Key.Rollup.DistrictCode, StringComparer.Ordinal).ThenBy(r => r.Key.Rollup.SectionCode, StringComparer.Ordinal).ThenBy(r => r.Key.Rollup.ServiceCode, StringComparer.Ordinal).ThenBy(r => r.Key.Bucket))
        {
            var r = k.Rollup;
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO stats_lead_times (tenant_id, month, district_code, section_code, service_code, bucket, count)
                VALUES ({db.TenantId}, {r.Month}, {r.DistrictCode}, {r.SectionCode}, {r.ServiceCode}, {k.Bucket}, {n})
                ON CONFLICT (tenant_id, month, district_code, section_code, service_code, bucket) DO UPDATE SET count = stats_lead_times.count + excluded.count
                """,
                cancellationToken);
            if (n < 0)
            {
                await db.Database.ExecuteSqlAsync(
                    $"DELETE FROM stats_lead_times WHERE tenant_id = {db.TenantId} AND month = {r.Month} AND district_code = {r.DistrictCode} AND section_code = {r.SectionCode} AND service_code = {r.ServiceCode} AND bucket = {k.Bucket} AND count = 0",
                    cancellationToken);
            }
        }

        foreach (var (k, n) in delta.Open.OrderBy(r => r.Key.ReceivedMonth).ThenBy(r => r.Key.DistrictCode, StringComparer.Ordinal).ThenBy(r => r.Key.SectionCode, StringComparer.Ordinal).ThenBy(r => r.Key.ServiceCode, StringComparer.Ordinal).ThenBy(r => r.Key.LegalDeadline).ThenBy(r => r.Key.WithApplicant))
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO stats_open_files (tenant_id, received_month, district_code, section_code, service_code, legal_deadline, with_applicant, count)
                VALUES ({db.TenantId}, {k.ReceivedMonth}, {k.DistrictCode}, {k.SectionCode}, {k.ServiceCode}, {k.LegalDeadline}, {k.WithApplicant}, {n})
                ON CONFLICT (tenant_id, received_month, district_code, section_code, service_code, legal_deadline, with_applicant) DO UPDATE SET count = stats_open_files.count + excluded.count
                """,
                cancellationToken);
            if (n < 0)
            {
                await db.Database.ExecuteSqlAsync(
                    $"DELETE FROM stats_open_files WHERE tenant_id = {db.TenantId} AND received_month = {k.ReceivedMonth} AND district_code = {k.DistrictCode} AND section_code = {k.SectionCode} AND service_code = {k.ServiceCode} AND legal_deadline = {k.LegalDeadline} AND with_applicant = {k.WithApplicant} AND count = 0",
                    cancellationToken);
            }
        }
    }

    private static ApplicationFacts Original(EntityEntry<PermitApplication> entry)
    {
        var values = entry.OriginalValues;
        var deficiency = entry.Reference(a => a.Deficiency).TargetEntry;
        DateTime? issuedAt = null;
        DateTime? answeredAt = null;
        if (deficiency is not null && deficiency.State != EntityState.Added)
        {
            issuedAt = deficiency.OriginalValues.GetValue<DateTime>(nameof(DeficiencyRecord.IssuedAt));
            answeredAt = deficiency.OriginalValues.GetValue<DateTime?>(nameof(DeficiencyRecord.AnsweredAt));
        }

        return new ApplicationFacts(
            values.GetValue<string>(nameof(PermitApplication.DistrictCode)),
            values.GetValue<string>(nameof(PermitApplication.SectionCode)),
            values.GetValue<string>(nameof(PermitApplication.ServiceCode)),
            values.GetValue<ApplicationStatus>(nameof(PermitApplication.Status)),
            values.GetValue<DateTime?>(nameof(PermitApplication.SubmittedAt)),
            values.GetValue<DateTime?>(nameof(PermitApplication.ClosedAt)),
            values.GetValue<DateTime?>(nameof(PermitApplication.DecidedAt)),
            values.GetValue<DecisionOutcome?>(nameof(PermitApplication.Decision)),
            values.GetValue<DateOnly?>(nameof(PermitApplication.LegalDeadline)),
            issuedAt,
            answeredAt);
    }

    private sealed class Resume : IDisposable
    {
        public void Dispose() => SuspendedFlag.Value = false;
    }
}
