namespace Anuyat.Domain.Applications;

/// <summary>Half-day slots an inspector can be booked for.</summary>
public enum InspectionSlot
{
    Morning,
    Afternoon,
}

/// <summary>What the inspector found on site.</summary>
public enum InspectionOutcome
{
    Passed,
    Failed,
}

/// <summary>
/// The site inspection of a service whose manual has an inspection step: the appointment (date and half-day slot),
/// the applicant's one request to move it, and the inspector's result. Photos are files kept beside the application.
/// </summary>
public sealed class InspectionAppointment
{
    public DateOnly Date { get; set; }

    public InspectionSlot Slot { get; set; }

    public DateTime ScheduledAt { get; set; }

    public Guid ScheduledBy { get; set; }

    /// <summary>The applicant may ask once to move the appointment; then it is used up.</summary>
    public bool RescheduleUsed { get; set; }

    public string? RescheduleReason { get; set; }

    public DateTime? RescheduledAt { get; set; }

    public InspectionOutcome? Outcome { get; set; }

    public string? Notes { get; set; }

    public DateTime? RecordedAt { get; set; }

    public Guid? RecordedBy { get; set; }
}

public static class InspectionSlots
{
    public static string ToCode(this InspectionSlot slot) => slot == InspectionSlot.Morning ? "morning" : "afternoon";

    public static bool TryParse(string? code, out InspectionSlot slot)
    {
        slot = code switch { "afternoon" => InspectionSlot.Afternoon, _ => InspectionSlot.Morning };
        return code is "morning" or "afternoon";
    }

    public static Common.BilingualText Describe(this InspectionSlot slot) => slot == InspectionSlot.Morning
        ? new("ช่วงเช้า (09:00–12:00)", "Morning (09:00–12:00)")
        : new("ช่วงบ่าย (13:00–16:00)", "Afternoon (13:00–16:00)");
}
