namespace Anuyat.Infrastructure.Admin;

/// <summary>
/// The administrator's decision about one holiday date, on top of reference/holidays/YYYY.csv (the file stays the
/// default; the history of decisions is in the audit trail). One row per date: the latest decision.
/// </summary>
public sealed class HolidayOverride
{
    public DateOnly Date { get; set; }

    /// <summary>True: not a holiday, whatever the file says.</summary>
    public bool Removed { get; set; }

    public string NameTh { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    /// <summary>public, substitution or special (the <c>kind</c> column of the reference files).</summary>
    public string Kind { get; set; } = "special";

    public bool Confirmed { get; set; } = true;

    public string Reason { get; set; } = string.Empty;

    public DateTime ChangedAt { get; set; }

    public Guid ChangedBy { get; set; }
}

/// <summary>A year whose holiday list was imported in the console (its days are <see cref="HolidayOverride"/> rows).</summary>
public sealed class HolidayYear
{
    public int Year { get; set; }

    public DateTime ImportedAt { get; set; }

    public Guid ImportedBy { get; set; }
}

/// <summary>
/// The administrator's rollout decision for one service in one district, replacing catalog/rollout.csv for that pair:
/// open online from <see cref="OpensFrom"/>, or not open when it is null.
/// </summary>
public sealed class RolloutDecision
{
    public string ServiceCode { get; set; } = string.Empty;

    public string DistrictCode { get; set; } = string.Empty;

    public DateOnly? OpensFrom { get; set; }

    public DateTime ChangedAt { get; set; }

    public Guid ChangedBy { get; set; }
}

/// <summary>The effective date an administrator scheduled for a version of a service; the definition file is not edited.</summary>
public sealed class VersionSchedule
{
    public string ServiceCode { get; set; } = string.Empty;

    public int Version { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateTime ChangedAt { get; set; }

    public Guid ChangedBy { get; set; }
}
