using Anuyat.Domain.Common;

namespace Anuyat.Domain.Deadlines;

/// <summary>
/// How far a service's deadline may be extended, e.g. Building Control Act B.E. 2522 s.25 for ข.1: at most two
/// extensions of at most 45 days each. <paramref name="LegalBasis"/> names the law on the errors.
/// </summary>
public sealed record ExtensionPolicy(int MaxCount, int MaxDaysEach, DeadlineUnit Unit, string? LegalBasis = null)
{
    /// <summary>A service whose deadline may not be extended.</summary>
    public static ExtensionPolicy None { get; } = new(0, 0, DeadlineUnit.CalendarDays);

    /// <summary>Null when one more extension of <paramref name="requestedDays"/> is allowed after <paramref name="alreadyGranted"/>.</summary>
    public DomainError? Check(int alreadyGranted, int requestedDays)
    {
        if (MaxCount == 0)
        {
            return new RuleViolation("deadline.extension-not-allowed", new BilingualText(
                "บริการนี้ไม่อนุญาตให้ขยายระยะเวลาพิจารณา",
                "This service's time limit cannot be extended"))
            { LegalBasis = LegalBasis };
        }

        if (alreadyGranted >= MaxCount)
        {
            return new RuleViolation("deadline.extension-limit", new BilingualText(
                $"ขยายระยะเวลาได้ไม่เกิน {MaxCount} ครั้ง และได้ขยายครบแล้ว",
                $"The time limit may be extended at most {MaxCount} times, and it has been"))
            { LegalBasis = LegalBasis };
        }

        if (requestedDays < 1 || requestedDays > MaxDaysEach)
        {
            return new RuleViolation("deadline.extension-length", new BilingualText(
                $"ขยายได้ครั้งละ 1 ถึง {MaxDaysEach} วัน",
                $"Each extension must be between 1 and {MaxDaysEach} days"))
            { LegalBasis = LegalBasis };
        }

        return null;
    }
}
