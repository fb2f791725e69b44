using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Admin;

internal sealed class HolidayOverrideConfiguration : IEntityTypeConfiguration<HolidayOverride>
{
    public void Configure(EntityTypeBuilder<HolidayOverride> builder)
    {
        builder.ToTable("holiday_overrides");
        builder.HasKey(h => h.Date);
        builder.Property(h => h.NameTh).HasMaxLength(300);
        builder.Property(h => h.NameEn).HasMaxLength(300);
        builder.Property(h => h.Kind).HasMaxLength(20);
        builder.Property(h => h.Reason).HasMaxLength(500);
    }
}

internal sealed class HolidayYearConfiguration : IEntityTypeConfiguration<HolidayYear>
{
    public void Configure(EntityTypeBuilder<HolidayYear> builder)
    {
        builder.ToTable("holiday_years");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
    }
}

internal sealed class RolloutDecisionConfiguration : IEntityTypeConfiguration<RolloutDecision>
{
    public void Configure(EntityTypeBuilder<RolloutDecision> builder)
    {
        builder.ToTable("rollout_decisions");
        builder.HasKey(r => new { r.ServiceCode, r.DistrictCode });
        builder.Property(r => r.ServiceCode).HasMaxLength(100);
        builder.Property(r => r.DistrictCode).HasMaxLength(10);
    }
}

internal sealed class VersionScheduleConfiguration : IEntityTypeConfiguration<VersionSchedule>
{
    public void Configure(EntityTypeBuilder<VersionSchedule> builder)
    {
        builder.ToTable("version_schedules");
        builder.HasKey(v => new { v.ServiceCode, v.Version });
        builder.Property(v => v.ServiceCode).HasMaxLength(100);
        builder.Property(v => v.Version).ValueGeneratedNever();
    }
}
