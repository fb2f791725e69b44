using Anuyat.Domain.Calendar;
using Anuyat.Domain.Common;

namespace Anuyat.Domain.Applications;

/// <summary>
/// One application (คำขอ) for one service in one district, from its draft to its outcome. It keeps the version of
/// the service definition it was opened under, so a later version of the manual never changes its steps or fees.
/// Answers are kept as the JSON document the form or API sent, exactly; validation reports problems beside the
/// fields but never drops what was typed.
/// </summary>
public sealed class PermitApplication
{
    private PermitApplication()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The running reference, e.g. 1001-2569-000123 (<see cref="ApplicationReference"/>).</summary>
    public string Reference { get; private set; } = string.Empty;

    public string ServiceCode { get; private set; } = string.Empty;

    /// <summary>The version of the service definition this application follows for its whole life.</summary>
    public int ServiceVersion { get; private set; }

    public string DistrictCode { get; private set; } = string.Empty;

    /// <summary>The section that handles the service in the district; with the district, the office that holds the file.</summary>
    public string SectionCode { get; private set; } = string.Empty;

    /// <summary>The account of the person the application is for.</summary>
    public Guid ApplicantAccountId { get; private set; }

    /// <summary>Who keyed it in: the applicant, or a counter officer for a walk-in applicant.</summary>
    public Guid FiledByAccountId { get; private set; }

    public Channel Channel { get; private set; }

    public ApplicationStatus Status { get; private set; }

    /// <summary>The answers as a JSON object, keyed by the definition's field names.</summary>
    public string AnswersJson { get; private set; } = "{}";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>The one written request for missing items, if the office made it.</summary>
    public DeficiencyRecord? Deficiency { get; private set; }

    /// <summary>When the office found the file complete and review began.</summary>
    public DateTime? AcceptedAt { get; private set; }

    public Guid? RecommendedBy { get; private set; }

    public RecommendationOutcome? Recommendation { get; private set; }

    public string? RecommendationNote { get; private set; }

    public DateTime? RecommendedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DecisionOutcome? Decision { get; private set; }

    /// <summary>The reasons the applicant reads; required for a refusal.</summary>
    public string? DecisionReasons { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public List<DeadlineExtension> Extensions { get; private set; } = [];

    /// <summary>The site inspection, for a service whose manual has one.</summary>
    public InspectionAppointment? Inspection { get; private set; }

    /// <summary>Checklist item codes an officer has ticked as verified against the documents.</summary>
    public List<string> VerifiedItems { get; private set; } = [];

    /// <summary>
    /// Why the file is late, in the officer's words; the 7-day delay notice carries the latest one
    /// (Licensing Facilitation Act B.E. 2558 s.10: the applicant is told the reason).
    /// </summary>
    public string? DelayReason { get; private set; }

    public DateTime? DelayReasonAt { get; private set; }

    /// <summary>The officer working the file, if someone claimed it or was assigned it.</summary>
    public Guid? AssignedTo { get; private set; }

    /// <summary>
    /// The legal deadline as last computed from the clock's facts (kept so queues sort and filter in the database);
    /// recomputed whenever the facts or the holiday calendar change. Null for drafts.
    /// </summary>
    public DateOnly? LegalDeadline { get; private set; }

    /// <summary>Bumped on every change; two officers acting at once cannot silently overwrite each other.</summary>
    public int RowVersion { get; private set; }

    /// <summary>
    /// Made by <c>demo generate</c> for demos and benchmarks, never filed by a person. Synthetic files have no audit
    /// entries (their timeline is read from their own dates) and must never be counted as real work.
    /// </summary>
    public bool IsSynthetic { get; private set; }

    public static PermitApplication Open(Guid id, ApplicationReference reference, string serviceCode, int serviceVersion, string sectionCode, Guid applicant, Guid filedBy, Channel channel, string answersJson, DateTime now) => new()
    {
        Id = id,
        Reference = reference.ToString(),
        ServiceCode = serviceCode,
        ServiceVersion = serviceVersion,
        DistrictCode = reference.DistrictCode,
        SectionCode = sectionCode,
        ApplicantAccountId = applicant,
        FiledByAccountId = filedBy,
        Channel = channel,
        Status = ApplicationStatus.Draft,
        AnswersJson = answersJson,
        CreatedAt = now,
        UpdatedAt = now,
        RowVersion = 1,
    };

    /// <summary>Marks a file made by the demo generator (see <see cref="IsSynthetic"/>); only ever set at creation.</summary>
    public PermitApplication MarkSynthetic()
    {
        IsSynthetic = true;
        return this;
    }

    /// <summary>Answers may change while the applicant holds the file: as a draft, or while answering a deficiency record.</summary>
    public Result<PermitApplication> ReplaceAnswers(string answersJson, DateTime now)
    {
        if (Status is not (ApplicationStatus.Draft or ApplicationStatus.Deficient))
        {
            return new ConflictError("answers-locked", new BilingualText(
                "ยื่นคำขอแล้ว แก้ไขคำตอบไม่ได้ เว้นแต่เจ้าหน้าที่ขอให้แก้ไข",
                "The application has been sent; answers can change only when the office asks for corrections"));
        }

        AnswersJson = answersJson;
        Touch(now);
        return this;
    }

    /// <summary>Withdrawal is the applicant's right until the office decides.</summary>
    public Result<PermitApplication> Withdraw(DateTime now)
    {
        if (!Status.CanWithdraw())
        {
            return new ConflictError("cannot-withdraw", new BilingualText(
                "ถอนคำขอไม่ได้ เพราะมีผลการพิจารณาแล้ว",
                "The application cannot be withdrawn once it has been decided"));
        }

        Status = ApplicationStatus.Withdrawn;
        ClosedAt = now;
        Touch(now);
        return this;
    }

    /// <summary>Sends a draft to the office. Completeness of answers and documents is checked by the caller first.</summary>
    public Result<PermitApplication> Submit(DateTime now)
    {
        if (Status != ApplicationStatus.Draft)
        {
            return new ConflictError("already-submitted", new BilingualText("ยื่นคำขอนี้แล้ว", "This application has already been sent"));
        }

        Status = ApplicationStatus.Submitted;
        SubmittedAt = now;
        Touch(now);
        return this;
    }

    /// <summary>The completeness check passed: the file is complete and review begins.</summary>
    public Result<PermitApplication> Accept(DateTime now)
    {
        if (Status != ApplicationStatus.Submitted)
        {
            return ReviewErrors.WrongStatus(Status, "accept");
        }

        Status = ApplicationStatus.InReview;
        AcceptedAt = now;
        Touch(now);
        return this;
    }

    /// <summary>
    /// Records what is missing and hands the file back to the applicant; the legal clock stops until they answer.
    /// Licensing Facilitation Act B.E. 2558 s.8: missing items are asked for once, in writing — a second record is refused.
    /// </summary>
    public Result<PermitApplication> RecordDeficiency(IReadOnlyCollection<string> items, string note, DateOnly dueDate, DateOnly today, Guid officer, DateTime now)
    {
        if (Deficiency is not null)
        {
            return new ConflictError("deficiency-already-issued", new BilingualText(
                "ออกบันทึกความบกพร่องได้เพียงครั้งเดียวต่อคำขอ (พ.ร.บ. การอำนวยความสะดวกฯ พ.ศ. 2558 มาตรา 8)",
                "Only one deficiency record may be issued per application (Licensing Facilitation Act B.E. 2558, s.8)"))
            { LegalBasis = "Licensing Facilitation Act B.E. 2558 s.8" };
        }

        if (Status != ApplicationStatus.Submitted)
        {
            return ReviewErrors.WrongStatus(Status, "record missing items");
        }

        var errors = new Dictionary<string, BilingualText[]>();
        if (items.Count == 0)
        {
            errors["items"] = [new("เลือกรายการที่ขาดหรือไม่ถูกต้องอย่างน้อยหนึ่งรายการ", "Choose at least one missing or wrong item")];
        }

        if (dueDate <= today)
        {
            errors["dueDate"] = [new(
                "วันครบกำหนดต้องอยู่หลังวันนี้ ผู้ยื่นต้องมีเวลาส่งเอกสาร (พ.ร.บ. การอำนวยความสะดวกฯ พ.ศ. 2558 มาตรา 8)",
                "The due date must be after today so the applicant has time to answer (Licensing Facilitation Act B.E. 2558 s.8)")];
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors) { LegalBasis = "Licensing Facilitation Act B.E. 2558 s.8" };
        }

        Deficiency = new DeficiencyRecord { Items = [.. items.Distinct(StringComparer.Ordinal)], Note = note.Trim(), DueDate = dueDate, IssuedAt = now, IssuedBy = officer, AnswersAtIssue = AnswersJson };
        Status = ApplicationStatus.Deficient;
        Touch(now);
        return this;
    }

    /// <summary>The applicant sends the requested items back; the file returns to the office and the clock runs again.</summary>
    public Result<PermitApplication> Resubmit(DateTime now)
    {
        if (Status != ApplicationStatus.Deficient || Deficiency is null)
        {
            return ReviewErrors.WrongStatus(Status, "resubmit");
        }

        Deficiency.AnsweredAt = now;
        Status = ApplicationStatus.Submitted;
        Touch(now);
        return this;
    }

    /// <summary>The due date of the deficiency record passed without an answer: the application lapses.</summary>
    public Result<PermitApplication> Lapse(DateOnly today, DateTime now)
    {
        if (Status != ApplicationStatus.Deficient || Deficiency is null || today <= Deficiency.DueDate)
        {
            return ReviewErrors.WrongStatus(Status, "lapse");
        }

        Status = ApplicationStatus.Lapsed;
        ClosedAt = now;
        Touch(now);
        return this;
    }

    /// <summary>The reviewing officer recommends an outcome to the approver.</summary>
    public Result<PermitApplication> Recommend(RecommendationOutcome outcome, string note, Guid reviewer, DateTime now)
    {
        if (Status is not (ApplicationStatus.InReview or ApplicationStatus.Inspection))
        {
            return ReviewErrors.WrongStatus(Status, "recommend");
        }

        if (outcome == RecommendationOutcome.Refuse && string.IsNullOrWhiteSpace(note))
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["note"] = [new("ระบุเหตุผลที่เสนอไม่อนุญาต", "Give the reasons for recommending refusal")] });
        }

        Recommendation = outcome;
        RecommendationNote = note.Trim();
        RecommendedBy = reviewer;
        RecommendedAt = now;
        Touch(now);
        return this;
    }

    /// <summary>
    /// The approver decides. Four eyes: the approver may not be the officer who recommended. A refusal carries its
    /// reasons (Licensing Facilitation Act B.E. 2558 s.10: a refusal is in writing with reasons). An approval moves on
    /// to payment when the service charges a fee, otherwise straight to issuance.
    /// </summary>
    public Result<PermitApplication> Decide(DecisionOutcome outcome, string reasons, bool feeDue, Guid approver, DateTime now)
    {
        if (Status is not (ApplicationStatus.InReview or ApplicationStatus.Inspection))
        {
            return ReviewErrors.WrongStatus(Status, "decide");
        }

        if (Recommendation is null)
        {
            return new RuleViolation("recommendation-required", new BilingualText("ต้องมีความเห็นของเจ้าหน้าที่ผู้ตรวจก่อนการตัดสิน", "A reviewing officer must recommend before the approver decides"));
        }

        if (RecommendedBy == approver)
        {
            return new RuleViolation("four-eyes", new BilingualText(
                "ผู้อนุมัติต้องไม่ใช่ผู้ที่เสนอความเห็น (หลักการตรวจสองชั้น)",
                "The approver may not be the officer who recommended (four-eyes rule)"));
        }

        if (outcome == DecisionOutcome.Refused && string.IsNullOrWhiteSpace(reasons))
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]>
            {
                ["reasons"] = [new("การไม่อนุญาตต้องระบุเหตุผล (พ.ร.บ. การอำนวยความสะดวกฯ มาตรา 10)", "A refusal must give its reasons (Licensing Facilitation Act s.10)")],
            })
            { LegalBasis = "Licensing Facilitation Act B.E. 2558 s.10" };
        }

        Decision = outcome;
        DecisionReasons = reasons.Trim();
        DecidedBy = approver;
        DecidedAt = now;
        Status = outcome == DecisionOutcome.Refused ? ApplicationStatus.Refused
            : feeDue ? ApplicationStatus.AwaitingPayment
            : ApplicationStatus.Issued;
        if (Status is ApplicationStatus.Refused or ApplicationStatus.Issued)
        {
            ClosedAt = now;
        }

        Touch(now);
        return this;
    }

    /// <summary>The fee was paid (the bank confirmed it): the permit is issued and the file closes.</summary>
    public Result<PermitApplication> IssueAfterPayment(DateTime now)
    {
        if (Status != ApplicationStatus.AwaitingPayment)
        {
            return ReviewErrors.WrongStatus(Status, "issue");
        }

        Status = ApplicationStatus.Issued;
        ClosedAt = now;
        Touch(now);
        return this;
    }

    /// <summary>An approver extends the legal deadline with a written reason, within what the service allows.</summary>
    public Result<PermitApplication> Extend(string reason, ExtensionLimit rule, Guid approver, DateTime now)
    {
        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.InReview or ApplicationStatus.Inspection))
        {
            return ReviewErrors.WrongStatus(Status, "extend the deadline");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["reason"] = [new("ระบุเหตุผลของการขยายเวลา", "Give the reason for the extension")] });
        }

        if (Extensions.Count >= rule.MaxCount)
        {
            return new RuleViolation("extension-limit", new BilingualText(
                $"บริการนี้ขยายเวลาได้ไม่เกิน {rule.MaxCount} ครั้ง",
                $"This service allows at most {rule.MaxCount} extension(s)"));
        }

        Extensions.Add(new DeadlineExtension { Days = rule.DaysEach, Reason = reason.Trim(), GrantedAt = now, GrantedBy = approver });
        Touch(now);
        return this;
    }

    /// <summary>An officer takes the file, or a colleague assigns it to them; only open files can be worked.</summary>
    public Result<PermitApplication> AssignTo(Guid officer, DateTime now)
    {
        if (Status == ApplicationStatus.Draft || Status.IsClosed())
        {
            return ReviewErrors.WrongStatus(Status, "assign");
        }

        AssignedTo = officer;
        Touch(now);
        return this;
    }

    /// <summary>The officer gives the file back to the office's queue.</summary>
    public Result<PermitApplication> Release(DateTime now)
    {
        AssignedTo = null;
        Touch(now);
        return this;
    }

    /// <summary>
    /// The office books the site inspection (the file moves to <see cref="ApplicationStatus.Inspection"/>), or moves
    /// an appointment that has no result yet. Only for a service whose manual has an inspection step.
    /// </summary>
    public Result<PermitApplication> ScheduleInspection(bool serviceInspects, DateOnly date, InspectionSlot slot, DateOnly today, BusinessCalendar calendar, Guid officer, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!serviceInspects)
        {
            return new RuleViolation("no-inspection", new BilingualText("คู่มือสำหรับประชาชนของบริการนี้ไม่มีขั้นตอนตรวจสถานที่", "This service's manual has no inspection step"));
        }

        var open = Status == ApplicationStatus.InReview || (Status == ApplicationStatus.Inspection && Inspection is { Outcome: null });
        if (!open)
        {
            return ReviewErrors.WrongStatus(Status, "schedule an inspection");
        }

        if (InspectionDateError(date, today, calendar) is { } error)
        {
            return error;
        }

        Inspection = new InspectionAppointment
        {
            Date = date,
            Slot = slot,
            ScheduledAt = now,
            ScheduledBy = officer,
            RescheduleUsed = Inspection?.RescheduleUsed ?? false,
            RescheduleReason = Inspection?.RescheduleReason,
            RescheduledAt = Inspection?.RescheduledAt,
        };
        Status = ApplicationStatus.Inspection;
        Touch(now);
        return this;
    }

    /// <summary>The applicant asks, once, to move the inspection to another business day.</summary>
    public Result<PermitApplication> RequestReschedule(DateOnly date, InspectionSlot slot, string reason, DateOnly today, BusinessCalendar calendar, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Status != ApplicationStatus.Inspection || Inspection is not { Outcome: null } inspection)
        {
            return ReviewErrors.WrongStatus(Status, "reschedule the inspection");
        }

        if (inspection.RescheduleUsed)
        {
            return new ConflictError("reschedule-already-used", new BilingualText(
                "ขอเลื่อนวันตรวจสถานที่ได้เพียงครั้งเดียว โปรดติดต่อสำนักงานเขต",
                "The inspection can be moved at the applicant's request only once; please contact the district office"));
        }

        if (InspectionDateError(date, today, calendar) is { } error)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["reason"] = [new("ระบุเหตุผลที่ขอเลื่อน", "Say why you need another date")] });
        }

        inspection.Date = date;
        inspection.Slot = slot;
        inspection.RescheduleUsed = true;
        inspection.RescheduleReason = reason.Trim();
        inspection.RescheduledAt = now;
        Touch(now);
        return this;
    }

    /// <summary>The inspector records what was found; the file goes back to review for the recommendation.</summary>
    public Result<PermitApplication> RecordInspectionResult(InspectionOutcome outcome, string notes, Guid inspector, DateTime now)
    {
        if (Status != ApplicationStatus.Inspection || Inspection is not { Outcome: null } inspection)
        {
            return ReviewErrors.WrongStatus(Status, "record the inspection result");
        }

        if (outcome == InspectionOutcome.Failed && string.IsNullOrWhiteSpace(notes))
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["notes"] = [new("บันทึกสิ่งที่พบเมื่อผลการตรวจไม่ผ่าน", "Write down what was found when the inspection fails")] });
        }

        inspection.Outcome = outcome;
        inspection.Notes = notes.Trim();
        inspection.RecordedAt = now;
        inspection.RecordedBy = inspector;
        Status = ApplicationStatus.InReview;
        Touch(now);
        return this;
    }

    /// <summary>The checklist items an officer has verified against the documents (the whole set, as ticked).</summary>
    public Result<PermitApplication> SetVerifiedItems(IEnumerable<string> items, IReadOnlySet<string> checklist, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        if (Status == ApplicationStatus.Draft || Status.IsClosed())
        {
            return ReviewErrors.WrongStatus(Status, "verify documents");
        }

        var wanted = items.Distinct(StringComparer.Ordinal).ToList();
        var unknown = wanted.Where(i => !checklist.Contains(i)).ToList();
        if (unknown.Count > 0)
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]>
            {
                ["items"] = [new($"ไม่มีรายการ {string.Join(", ", unknown)} ในรายการเอกสารของบริการนี้", $"{string.Join(", ", unknown)} is not on this service's checklist")],
            });
        }

        VerifiedItems = wanted;
        Touch(now);
        return this;
    }

    /// <summary>
    /// The officer writes why the file is late. Licensing Facilitation Act B.E. 2558 s.10: the applicant is told the
    /// reason every 7 days; the notice carries the latest reason.
    /// </summary>
    public Result<PermitApplication> RecordDelayReason(string reason, DateTime now)
    {
        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.InReview or ApplicationStatus.Inspection))
        {
            return ReviewErrors.WrongStatus(Status, "record a reason for the delay");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["reason"] = [new("ระบุเหตุผลที่ล่าช้า", "Give the reason for the delay")] });
        }

        DelayReason = reason.Trim();
        DelayReasonAt = now;
        Touch(now);
        return this;
    }

    /// <summary>Stores the deadline computed by the legal clock; not a change of the file, so no new row version.</summary>
    public void RecordLegalDeadline(DateOnly? deadline) => LegalDeadline = deadline;

    private static ValidationFailed? InspectionDateError(DateOnly date, DateOnly today, BusinessCalendar calendar)
    {
        if (date <= today)
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["date"] = [new("วันตรวจต้องอยู่หลังวันนี้", "The inspection date must be after today")] });
        }

        return calendar.IsBusinessDay(date) ? null
            : new ValidationFailed(new Dictionary<string, BilingualText[]> { ["date"] = [new("วันตรวจต้องเป็นวันทำการ", "The inspection date must be a working day")] });
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        RowVersion++;
    }
}
