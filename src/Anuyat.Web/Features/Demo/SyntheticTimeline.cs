using Anuyat.Domain.Applications;
using Anuyat.Domain.Common;

namespace Anuyat.Web.Features.Demo;

/// <summary>
/// The timeline of a generated application, read from its own dates. Generated files have no audit entries (the real
/// chain must hold only real events), so the pages and the API show this instead, each line marked as demo data.
/// </summary>
public static class SyntheticTimeline
{
    public sealed record Entry(DateTime At, string Action, string ActorRole, BilingualText Summary);

    private static readonly BilingualText Mark = new(" (ข้อมูลสาธิต)", " (demo data)");

    public static IReadOnlyList<Entry> For(PermitApplication a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var entries = new List<Entry> { New(a.CreatedAt, "application.opened", a.Channel == Channel.Online ? "citizen" : "officer", new("สร้างคำขอฉบับร่าง", "Draft opened")) };
        if (a.SubmittedAt is { } submitted)
        {
            entries.Add(New(submitted, "application.submitted", "citizen", new("ยื่นคำขอแล้ว", "Application sent")));
        }

        if (a.Deficiency is { } deficiency)
        {
            entries.Add(New(deficiency.IssuedAt, "application.deficiency", "officer", new("เจ้าหน้าที่ขอเอกสารเพิ่มเติม", "The office asked for missing items")));
            if (deficiency.AnsweredAt is { } answered)
            {
                entries.Add(New(answered, "application.resubmitted", "citizen", new("ส่งเอกสารเพิ่มเติมแล้ว", "Missing items sent")));
            }
        }

        if (a.AcceptedAt is { } accepted)
        {
            entries.Add(New(accepted, "application.accepted", "officer", new("เอกสารครบถ้วน เริ่มพิจารณา", "File complete; review started")));
        }

        entries.AddRange(a.Extensions.Select(e => New(e.GrantedAt, "application.extended", "approver", new($"ขยายเวลาพิจารณา {e.Days} วัน", $"Deadline extended by {e.Days} days"))));
        if (a.RecommendedAt is { } recommended)
        {
            entries.Add(New(recommended, "application.recommended", "officer", new("เจ้าหน้าที่เสนอความเห็นแล้ว", "The reviewing officer recommended")));
        }

        if (a.DecidedAt is { } decided)
        {
            entries.Add(New(decided, "application.decided", "approver", a.Decision == DecisionOutcome.Refused ? new("ไม่อนุญาต", "Refused") : new("อนุญาต", "Approved")));
        }

        if (a.ClosedAt is { } closed && a.Status is ApplicationStatus.Withdrawn or ApplicationStatus.Lapsed)
        {
            entries.Add(New(closed, "application." + a.Status.ToCode(), a.Status == ApplicationStatus.Withdrawn ? "citizen" : "system", a.Status.Describe()));
        }

        return [.. entries.OrderBy(e => e.At)];
    }

    private static Entry New(DateTime at, string action, string role, BilingualText summary) =>
        new(at, action, role, new BilingualText(summary.Th + Mark.Th, summary.En + Mark.En));
}
