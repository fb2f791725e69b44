using Anuyat.Domain.Common;

namespace Anuyat.Domain.Applications;

/// <summary>
/// The written record of missing or wrong items (บันทึกความบกพร่อง), issued once per application.
/// Licensing Facilitation Act B.E. 2558 s.8: the official records what is missing in writing, gives the applicant a
/// copy, and may ask only once.
/// </summary>
public sealed class DeficiencyRecord
{
    /// <summary>Checklist item codes from the same checklist the applicant used.</summary>
    public List<string> Items { get; set; } = [];

    /// <summary>Corrections the officer asks for, in the officer's words.</summary>
    public string Note { get; set; } = string.Empty;

    /// <summary>The last day the applicant may answer; after it the application lapses.</summary>
    public DateOnly DueDate { get; set; }

    public DateTime IssuedAt { get; set; }

    public Guid IssuedBy { get; set; }

    /// <summary>The answers as they stood when the record was issued, so the officer sees what the applicant changed.</summary>
    public string AnswersAtIssue { get; set; } = "{}";

    /// <summary>When the applicant sent the items back; the clock runs again from then.</summary>
    public DateTime? AnsweredAt { get; set; }
}

/// <summary>A reviewing officer's recommendation to the approver.</summary>
public enum RecommendationOutcome
{
    Approve,
    Refuse,
}

/// <summary>The approver's decision.</summary>
public enum DecisionOutcome
{
    Approved,
    Refused,
}

/// <summary>One extension of the legal deadline, with the written reason the applicant reads.</summary>
public sealed class DeadlineExtension
{
    public int Days { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTime GrantedAt { get; set; }

    public Guid GrantedBy { get; set; }
}

/// <summary>The limits a service's manual sets on extensions (ข.1: twice, 45 days each).</summary>
public readonly record struct ExtensionLimit(int MaxCount, int DaysEach);

internal static class ReviewErrors
{
    public static ConflictError WrongStatus(ApplicationStatus status, string action) => new(
        "wrong-status",
        new BilingualText($"ทำรายการ \"{action}\" ไม่ได้ในสถานะ {status.Describe().Th}", $"Cannot {action} while the application is: {status.Describe().En}"));
}
