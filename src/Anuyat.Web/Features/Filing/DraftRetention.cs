namespace Anuyat.Web.Features.Filing;

/// <summary>
/// How long an untouched draft is kept (<c>Applications:DraftRetentionDays</c>) and how many days before its deletion
/// the applicant is warned (<c>Applications:DraftWarningDays</c>). A draft holds personal data the office never
/// received; keeping it forever serves nobody (PDPA B.E. 2562 s.37(3): erase what is no longer needed).
/// </summary>
public sealed class DraftRetention
{
    public const string Section = "Applications";

    public int DraftRetentionDays { get; set; } = 90;

    public int DraftWarningDays { get; set; } = 14;
}
