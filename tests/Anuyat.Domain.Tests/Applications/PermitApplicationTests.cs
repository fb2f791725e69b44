using Anuyat.Domain.Applications;
using Anuyat.Domain.Common;

namespace Anuyat.Domain.Tests.Applications;

public sealed class PermitApplicationTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Guid Citizen = Guid.NewGuid();
    private static readonly Guid Reviewer = Guid.NewGuid();
    private static readonly Guid Approver = Guid.NewGuid();
    private static readonly ExtensionLimit BuildingPermitExtensions = new(2, 45);

    [Fact]
    public void Reference_IsDistrictBuddhistYearAndSixDigitNumber()
    {
        var reference = new ApplicationReference("1001", ApplicationReference.BuddhistYearOf(Today), 123);

        Assert.Equal("1001-2569-000123", reference.ToString());
    }

    [Fact]
    public void RecordDeficiency_Twice_IsRefusedCitingSection8()
    {
        var application = Submitted();
        Assert.True(application.RecordDeficiency(["title-deed", "site-plan"], "สำเนาโฉนดไม่ชัด", Today.AddDays(15), Today, Reviewer, Now).IsSuccess);
        Assert.True(application.Resubmit(Now.AddDays(3)).IsSuccess);

        var second = application.RecordDeficiency(["site-plan"], "again", Today.AddDays(30), Today.AddDays(3), Reviewer, Now.AddDays(3));

        var error = Assert.IsType<ConflictError>(second.Error);
        Assert.Equal("deficiency-already-issued", error.Code);
        Assert.Equal("Licensing Facilitation Act B.E. 2558 s.8", error.LegalBasis);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(["title-deed", "site-plan"], application.Deficiency!.Items);
    }

    [Fact]
    public void RecordDeficiency_WithNoItemsAndAPastDueDate_NamesBothFields()
    {
        var application = Submitted();

        var result = application.RecordDeficiency([], "note", Today, Today, Reviewer, Now);

        var errors = Assert.IsType<ValidationFailed>(result.Error).Errors;
        Assert.Equal(["dueDate", "items"], errors.Keys.Order());
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Null(application.Deficiency);
    }

    [Fact]
    public void Resubmit_AfterDeficiency_ReturnsTheFileToTheOfficeAndRecordsWhen()
    {
        var application = Submitted();
        application.RecordDeficiency(["site-plan"], "", Today.AddDays(10), Today, Reviewer, Now);

        var result = application.Resubmit(Now.AddDays(2));

        Assert.True(result.IsSuccess);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(Now.AddDays(2), application.Deficiency!.AnsweredAt);
    }

    [Fact]
    public void Lapse_OnlyAfterTheDueDatePassed()
    {
        var application = Submitted();
        application.RecordDeficiency(["site-plan"], "", Today.AddDays(10), Today, Reviewer, Now);

        Assert.False(application.Lapse(Today.AddDays(10), Now).IsSuccess);
        Assert.True(application.Lapse(Today.AddDays(11), Now.AddDays(11)).IsSuccess);
        Assert.Equal(ApplicationStatus.Lapsed, application.Status);
    }

    [Fact]
    public void Decide_ByTheOfficerWhoRecommended_IsRefusedByTheFourEyesRule()
    {
        var application = InReview();
        application.Recommend(RecommendationOutcome.Approve, "ครบถ้วน", Reviewer, Now);

        var result = application.Decide(DecisionOutcome.Approved, "", feeDue: true, Reviewer, Now);

        Assert.Equal("four-eyes", result.Error!.Code);
        Assert.Equal(ApplicationStatus.InReview, application.Status);
    }

    [Fact]
    public void Decide_WithoutARecommendation_IsRefused()
    {
        var application = InReview();

        Assert.Equal("recommendation-required", application.Decide(DecisionOutcome.Approved, "", true, Approver, Now).Error!.Code);
    }

    [Fact]
    public void Decide_RefusalWithoutReasons_IsAFieldErrorCitingSection10()
    {
        var application = InReview();
        application.Recommend(RecommendationOutcome.Refuse, "ผิดระยะร่น", Reviewer, Now);

        var result = application.Decide(DecisionOutcome.Refused, "  ", false, Approver, Now);

        var error = Assert.IsType<ValidationFailed>(result.Error);
        Assert.True(error.Errors.ContainsKey("reasons"));
        Assert.Equal("Licensing Facilitation Act B.E. 2558 s.10", error.LegalBasis);
    }

    [Theory]
    [InlineData(DecisionOutcome.Approved, true, ApplicationStatus.AwaitingPayment)]
    [InlineData(DecisionOutcome.Approved, false, ApplicationStatus.Issued)]
    [InlineData(DecisionOutcome.Refused, true, ApplicationStatus.Refused)]
    public void Decide_MovesToPaymentIssuanceOrRefusal(DecisionOutcome outcome, bool feeDue, ApplicationStatus expected)
    {
        var application = InReview();
        application.Recommend(RecommendationOutcome.Approve, "ok", Reviewer, Now);

        var result = application.Decide(outcome, "อาคารล้ำแนวเขตที่ดิน", feeDue, Approver, Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(expected, application.Status);
        Assert.Equal(Approver, application.DecidedBy);
    }

    [Fact]
    public void Extend_BeyondTheServiceLimit_IsRefused_AndEachNeedsAReason()
    {
        var application = InReview();

        Assert.IsType<ValidationFailed>(application.Extend(" ", BuildingPermitExtensions, Approver, Now).Error);
        Assert.True(application.Extend("รอความเห็นวิศวกรโครงสร้าง", BuildingPermitExtensions, Approver, Now).IsSuccess);
        Assert.True(application.Extend("รอผลตรวจสถานที่", BuildingPermitExtensions, Approver, Now).IsSuccess);
        var third = application.Extend("อีกครั้ง", BuildingPermitExtensions, Approver, Now);

        Assert.Equal("extension-limit", third.Error!.Code);
        Assert.Equal([45, 45], application.Extensions.Select(e => e.Days));
    }

    [Fact]
    public void ReplaceAnswers_AfterSubmission_IsRefused_ButAllowedWhileDeficient()
    {
        var application = Submitted();
        Assert.Equal("answers-locked", application.ReplaceAnswers("""{"a":1}""", Now).Error!.Code);

        application.RecordDeficiency(["site-plan"], "", Today.AddDays(5), Today, Reviewer, Now);

        Assert.True(application.ReplaceAnswers("""{"a":2}""", Now).IsSuccess);
        Assert.Equal("""{"a":2}""", application.AnswersJson);
    }

    [Fact]
    public void Withdraw_AfterDecision_IsRefused()
    {
        var application = InReview();
        application.Recommend(RecommendationOutcome.Approve, "ok", Reviewer, Now);
        application.Decide(DecisionOutcome.Approved, "", true, Approver, Now);

        Assert.Equal("cannot-withdraw", application.Withdraw(Now).Error!.Code);
    }

    [Fact]
    public void EveryChange_BumpsTheRowVersion()
    {
        var application = Draft();
        var before = application.RowVersion;

        application.Submit(Now);
        application.Accept(Now);

        Assert.Equal(before + 2, application.RowVersion);
    }

    private static PermitApplication Draft() => PermitApplication.Open(Guid.NewGuid(), new ApplicationReference("1001", 2569, 1), "building-permit-k1", 1, "public-works", Citizen, Citizen, Channel.Online, "{}", Now);

    private static PermitApplication Submitted()
    {
        var application = Draft();
        Assert.True(application.Submit(Now).IsSuccess);
        return application;
    }

    private static PermitApplication InReview()
    {
        var application = Submitted();
        Assert.True(application.Accept(Now).IsSuccess);
        return application;
    }
}

public sealed class AssignmentTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AssignTo_ADraft_IsRefused_ButAnOpenFileCanBeClaimedAndReleased()
    {
        var officer = Guid.NewGuid();
        var application = PermitApplication.Open(Guid.NewGuid(), new ApplicationReference("1001", 2569, 9), "x", 1, "public-works", Guid.NewGuid(), Guid.NewGuid(), Channel.Online, "{}", Now);

        Assert.Equal("wrong-status", application.AssignTo(officer, Now).Error!.Code);
        application.Submit(Now);
        Assert.True(application.AssignTo(officer, Now).IsSuccess);
        Assert.Equal(officer, application.AssignedTo);
        application.Release(Now);
        Assert.Null(application.AssignedTo);
    }
}
