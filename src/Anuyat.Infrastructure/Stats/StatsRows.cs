using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Stats;

/// <summary>
/// One row of <c>stats_rollups</c>: the counters of one Bangkok month × district × section × service. Each counter is
/// attributed to the month of its own event (received in the month of sending, decided in the month of the decision,
/// and so on), so a month's row reads "in March, 120 received and 100 decided". Times are whole minutes of elapsed
/// calendar time. The pilot flag and the district group are the district's, read from <c>districts</c>.
/// </summary>
public sealed class StatsRollup
{
    public int Month { get; set; }

    public string DistrictCode { get; set; } = string.Empty;

    public string SectionCode { get; set; } = string.Empty;

    public string ServiceCode { get; set; } = string.Empty;

    public long Received { get; set; }

    public long Decided { get; set; }

    public long OnTime { get; set; }

    public long Refused { get; set; }

    public long DeficiencyRecords { get; set; }

    public long Lapsed { get; set; }

    public long Withdrawn { get; set; }

    public long LeadMinutes { get; set; }

    public long OfficeMinutes { get; set; }

    public long ApplicantMinutes { get; set; }
}

/// <summary>
/// One row of <c>stats_lead_times</c>: how many decisions of a rollup row fell in one lead-time bucket. Rows whose
/// section and service are <see cref="Domain.Stats.LeadTimeKey.AllOffices"/> hold the same decisions summed over a
/// district's month (what the city-wide dashboard reads); readers of section or service rows must leave them out.
/// </summary>
public sealed class StatsLeadTime
{
    public int Month { get; set; }

    public string DistrictCode { get; set; } = string.Empty;

    public string SectionCode { get; set; } = string.Empty;

    public string ServiceCode { get; set; } = string.Empty;

    /// <summary>Index into <see cref="Domain.Stats.LeadTimeHistogram.UpperEdges"/>.</summary>
    public int Bucket { get; set; }

    public long Count { get; set; }
}

/// <summary>One row of <c>stats_open_files</c>: files still open, by month received, office, legal deadline and holder.</summary>
public sealed class StatsOpenFile
{
    public int ReceivedMonth { get; set; }

    public string DistrictCode { get; set; } = string.Empty;

    public string SectionCode { get; set; } = string.Empty;

    public string ServiceCode { get; set; } = string.Empty;

    /// <summary><see cref="DateOnly.MaxValue"/> when the file has no deadline yet.</summary>
    public DateOnly LegalDeadline { get; set; }

    /// <summary>A deficiency record is open: the clock is stopped and the file is not the office's to be late with.</summary>
    public bool WithApplicant { get; set; }

    public long Count { get; set; }
}

/// <summary>Column names are snake_case because the incremental update is raw SQL (INSERT … ON CONFLICT DO UPDATE).</summary>
internal sealed class StatsRollupConfiguration : IEntityTypeConfiguration<StatsRollup>
{
    public void Configure(EntityTypeBuilder<StatsRollup> builder)
    {
        builder.ToTable("stats_rollups");
        builder.HasKey(r => new { r.Month, r.DistrictCode, r.SectionCode, r.ServiceCode });
        builder.Property(r => r.Month).HasColumnName("month");
        builder.Property(r => r.DistrictCode).HasColumnName("district_code").HasMaxLength(8);
        builder.Property(r => r.SectionCode).HasColumnName("section_code").HasMaxLength(40);
        builder.Property(r => r.ServiceCode).HasColumnName("service_code").HasMaxLength(60);
        builder.Property(r => r.Received).HasColumnName("received");
        builder.Property(r => r.Decided).HasColumnName("decided");
        builder.Property(r => r.OnTime).HasColumnName("on_time");
        builder.Property(r => r.Refused).HasColumnName("refused");
        builder.Property(r => r.DeficiencyRecords).HasColumnName("deficiency_records");
        builder.Property(r => r.Lapsed).HasColumnName("lapsed");
        builder.Property(r => r.Withdrawn).HasColumnName("withdrawn");
        builder.Property(r => r.LeadMinutes).HasColumnName("lead_minutes");
        builder.Property(r => r.OfficeMinutes).HasColumnName("office_minutes");
        builder.Property(r => r.ApplicantMinutes).HasColumnName("applicant_minutes");

        // The key leads with the month (every dashboard query has a month range); a district drill-down also uses this.
        builder.HasIndex(r => new { r.DistrictCode, r.Month });
    }
}

internal sealed class StatsLeadTimeConfiguration : IEntityTypeConfiguration<StatsLeadTime>
{
    public void Configure(EntityTypeBuilder<StatsLeadTime> builder)
    {
        builder.ToTable("stats_lead_times");
        builder.HasKey(r => new { r.Month, r.DistrictCode, r.SectionCode, r.ServiceCode, r.Bucket });
        builder.Property(r => r.Month).HasColumnName("month");
        builder.Property(r => r.DistrictCode).HasColumnName("district_code").HasMaxLength(8);
        builder.Property(r => r.SectionCode).HasColumnName("section_code").HasMaxLength(40);
        builder.Property(r => r.ServiceCode).HasColumnName("service_code").HasMaxLength(60);
        builder.Property(r => r.Bucket).HasColumnName("bucket");
        builder.Property(r => r.Count).HasColumnName("count");
        builder.HasIndex(r => new { r.DistrictCode, r.Month });
    }
}

internal sealed class StatsOpenFileConfiguration : IEntityTypeConfiguration<StatsOpenFile>
{
    public void Configure(EntityTypeBuilder<StatsOpenFile> builder)
    {
        builder.ToTable("stats_open_files");
        builder.HasKey(r => new { r.ReceivedMonth, r.DistrictCode, r.SectionCode, r.ServiceCode, r.LegalDeadline, r.WithApplicant });
        builder.Property(r => r.ReceivedMonth).HasColumnName("received_month");
        builder.Property(r => r.DistrictCode).HasColumnName("district_code").HasMaxLength(8);
        builder.Property(r => r.SectionCode).HasColumnName("section_code").HasMaxLength(40);
        builder.Property(r => r.ServiceCode).HasColumnName("service_code").HasMaxLength(60);
        builder.Property(r => r.LegalDeadline).HasColumnName("legal_deadline");
        builder.Property(r => r.WithApplicant).HasColumnName("with_applicant");
        builder.Property(r => r.Count).HasColumnName("count");
        builder.HasIndex(r => new { r.DistrictCode, r.ReceivedMonth });
    }
}
