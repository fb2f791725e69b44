namespace Anuyat.Domain.Applications;

/// <summary>
/// Where an application stands in the one lifecycle every service shares:
/// draft → submitted → [deficient → submitted] → in-review → [inspection] → decided → [awaiting-payment] → issued,
/// or refused, withdrawn, lapsed. The API codes (<see cref="ApplicationStatuses"/>) are part of the public contract.
/// </summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    Deficient,
    InReview,
    Inspection,
    Decided,
    AwaitingPayment,
    Issued,
    Refused,
    Withdrawn,
    Lapsed,
}

public static class ApplicationStatuses
{
    private static readonly Dictionary<ApplicationStatus, string> Codes = new()
    {
        [ApplicationStatus.Draft] = "draft",
        [ApplicationStatus.Submitted] = "submitted",
        [ApplicationStatus.Deficient] = "deficient",
        [ApplicationStatus.InReview] = "in-review",
        [ApplicationStatus.Inspection] = "inspection",
        [ApplicationStatus.Decided] = "decided",
        [ApplicationStatus.AwaitingPayment] = "awaiting-payment",
        [ApplicationStatus.Issued] = "issued",
        [ApplicationStatus.Refused] = "refused",
        [ApplicationStatus.Withdrawn] = "withdrawn",
        [ApplicationStatus.Lapsed] = "lapsed",
    };

    public static string ToCode(this ApplicationStatus status) => Codes[status];

    public static bool TryParse(string? code, out ApplicationStatus status)
    {
        foreach (var (key, value) in Codes)
        {
            if (string.Equals(value, code, StringComparison.Ordinal))
            {
                status = key;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>No further action by anyone changes the outcome.</summary>
    public static bool IsClosed(this ApplicationStatus status) =>
        status is ApplicationStatus.Issued or ApplicationStatus.Refused or ApplicationStatus.Withdrawn or ApplicationStatus.Lapsed;

    /// <summary>The applicant may still withdraw: anything filed and not yet decided.</summary>
    public static bool CanWithdraw(this ApplicationStatus status) =>
        status is ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.Deficient or ApplicationStatus.InReview or ApplicationStatus.Inspection;

    /// <summary>Plain words for the applicant: what the status means.</summary>
    public static Common.BilingualText Describe(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => new("ฉบับร่าง ยังไม่ได้ยื่น", "Draft, not yet sent"),
        ApplicationStatus.Submitted => new("ยื่นแล้ว รอเจ้าหน้าที่ตรวจความครบถ้วน", "Sent, waiting for the completeness check"),
        ApplicationStatus.Deficient => new("เจ้าหน้าที่ขอเอกสารหรือข้อมูลเพิ่ม", "The office asked for missing items"),
        ApplicationStatus.InReview => new("อยู่ระหว่างพิจารณา", "Being considered"),
        ApplicationStatus.Inspection => new("รอตรวจสถานที่", "Waiting for a site inspection"),
        ApplicationStatus.Decided => new("พิจารณาแล้ว", "Decided"),
        ApplicationStatus.AwaitingPayment => new("อนุมัติแล้ว รอชำระค่าธรรมเนียม", "Approved, waiting for the fee"),
        ApplicationStatus.Issued => new("ออกใบอนุญาตแล้ว", "Permit issued"),
        ApplicationStatus.Refused => new("ไม่อนุญาต", "Refused"),
        ApplicationStatus.Withdrawn => new("ถอนคำขอแล้ว", "Withdrawn"),
        ApplicationStatus.Lapsed => new("คำขอสิ้นผล เพราะไม่ได้ส่งเอกสารเพิ่มตามกำหนด", "Lapsed: the missing items were not sent in time"),
        _ => new(status.ToString(), status.ToString()),
    };
}
