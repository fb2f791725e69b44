using Anuyat.Domain.Applications;
using Anuyat.Domain.Stats;

namespace Anuyat.Domain.Tests.Stats;

public sealed class RollupDeltaTests
{
    private static readonly DateTime Sent = new(2026, 1, 31, 18, 0, 0, DateTimeKind.Utc); // 1 February 01:00 in Bangkok

    [Fact]
    public void Add_ADecidedFileWithADeficiencyRound_SplitsOfficeAndApplicantTimeAndCountsEachEventInItsMonth()
    {
        var facts = new ApplicationFacts("1001", "public-works", "building-permit-k1", ApplicationStatus.Refused,
            Sent, Sent.AddDays(20), Sent.AddDays(20), DecisionOutcome.Refused, new DateOnly(2026, 2, 28),
            DeficiencyIssuedAt: Sent.AddDays(2), DeficiencyAnsweredAt: Sent.AddDays(7));
        var delta = new RollupDelta();

        delta.Add(facts, 1);

        var february = delta.Rollups[new RollupKey(202602, "1001", "public-works", "building-permit-k1")];
        Assert.Equal((1, 1, 1, 1, 1), (february.Received, february.Decided, february.OnTime, february.Refused, february.DeficiencyRecords));
        Assert.Equal((20 * 1440, 5 * 1440, 15 * 1440), (february.LeadMinutes, february.ApplicantMinutes, february.OfficeMinutes));
        Assert.Equal(1, delta.LeadTimes[new LeadTimeKey(new RollupKey(202602, "1001", "public-works", "building-permit-k1"), LeadTimeHistogram.BucketOf(20 * 1440))]);
        Assert.Equal(1, delta.LeadTimes[new LeadTimeKey(new RollupKey(202602, "1001", LeadTimeKey.AllOffices, LeadTimeKey.AllOffices), LeadTimeHistogram.BucketOf(20 * 1440))]);
        Assert.Equal(2, delta.LeadTimes.Count);
        Assert.Empty(delta.Open);
    }

    [Fact]
    public void Add_ThenRemoveTheSameFacts_LeavesNothing()
    {
        var facts = new ApplicationFacts("1003", "public-works", "curb-cut", ApplicationStatus.InReview, Sent, null, null, null, new DateOnly(2026, 2, 20), null, null);
        var delta = new RollupDelta();

        delta.Add(facts, 1);
        delta.Add(facts, -1);
        delta.RemoveZeros();

        Assert.True(delta.IsEmpty);
    }

    [Fact]
    public void OpenKey_WithTheApplicant_IsNeverOverdue_WithTheOffice_IsOverdueTheDayAfterTheDeadline()
    {
        var deadline = new DateOnly(2026, 3, 10);
        var office = new OpenKey(202602, "1001", "public-works", "curb-cut", deadline, WithApplicant: false);
        var applicant = office with { WithApplicant = true };

        Assert.False(office.IsOverdue(deadline));
        Assert.True(office.IsOverdue(deadline.AddDays(1)));
        Assert.False(applicant.IsOverdue(deadline.AddDays(30)));
    }

    [Fact]
    public void Percentile_OfBucketCounts_IsTheUpperEdgeOfTheBucketHoldingTheRank()
    {
        var counts = new Dictionary<int, long>
        {
            [LeadTimeHistogram.BucketOf(3 * 1440)] = 5,
            [LeadTimeHistogram.BucketOf((10 * 1440) - 30)] = 4, // 9 days 23.5 hours rounds up to 10 days
            [LeadTimeHistogram.BucketOf(100 * 1440)] = 1,
        };

        Assert.Equal(3, LeadTimeHistogram.Percentile(counts, 0.5));
        Assert.Equal(10, LeadTimeHistogram.Percentile(counts, 0.9));
        Assert.Equal(100, LeadTimeHistogram.Percentile(counts, 1.0));
        Assert.Null(LeadTimeHistogram.Percentile(new Dictionary<int, long>(), 0.5));
        Assert.Equal(LeadTimeHistogram.OverflowDays, LeadTimeHistogram.Percentile(new Dictionary<int, long> { [LeadTimeHistogram.BucketOf(900 * 1440)] = 1 }, 0.5));
    }
}
