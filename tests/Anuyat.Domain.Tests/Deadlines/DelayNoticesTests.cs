using Anuyat.Domain.Deadlines;
using static Anuyat.Domain.Tests.Calendar.Holidays2026;

namespace Anuyat.Domain.Tests.Deadlines;

public class DelayNoticesTests
{
    private static readonly DateOnly Deadline = D(11, 16); // Monday

    [Fact]
    public void Check_OnTheDeadline_NothingDueNextIsTheDayAfter()
    {
        var status = DelayNotices.Check(Deadline, null, Deadline, new HashSet<DateOnly>());
        Assert.Empty(status.Schedule);
        Assert.Null(status.DueNow);
        Assert.Equal(D(11, 17), status.Next);
    }

    [Fact]
    public void Check_DayAfterDeadline_FirstNoticeDue()
    {
        var status = DelayNotices.Check(Deadline, null, D(11, 17), new HashSet<DateOnly>());
        Assert.Equal(D(11, 17), status.DueNow);
        Assert.Equal(D(11, 24), status.Next);
    }

    [Fact]
    public void Check_FirstNoticeAlreadySent_NothingDueUntilSevenDaysLater()
    {
        var sent = new HashSet<DateOnly> { D(11, 17) };
        Assert.Null(DelayNotices.Check(Deadline, null, D(11, 17), sent).DueNow);
        Assert.Null(DelayNotices.Check(Deadline, null, D(11, 23), sent).DueNow);
        Assert.Equal(D(11, 24), DelayNotices.Check(Deadline, null, D(11, 24), sent).DueNow);
    }

    [Fact]
    public void Schedule_UndecidedThreeWeeksLate_EverySevenDays() =>
        Assert.Equal([D(11, 17), D(11, 24), D(12, 1), D(12, 8)], DelayNotices.Schedule(Deadline, null, D(12, 9)));

    [Fact]
    public void Schedule_DecidedOnANoticeDay_NoNoticeThatDay() =>
        Assert.Equal([D(11, 17)], DelayNotices.Schedule(Deadline, D(11, 24), D(12, 9)));

    [Fact]
    public void Check_DecidedBeforeDeadline_NoNoticesAndNoNext()
    {
        var status = DelayNotices.Check(Deadline, D(11, 13), D(12, 9), new HashSet<DateOnly>());
        Assert.Empty(status.Schedule);
        Assert.Null(status.DueNow);
        Assert.Null(status.Next);
    }

    [Fact]
    public void Check_WorkerWasDown_OnlyLatestDueOlderReportedMissed()
    {
        var status = DelayNotices.Check(Deadline, null, D(12, 2), new HashSet<DateOnly>());
        Assert.Equal(D(12, 1), status.DueNow);
        Assert.Equal([D(11, 17), D(11, 24)], status.Missed);
    }

    [Fact]
    public void Check_WorkerRunsEveryHourlyTickForAMonth_EachNoticeSentExactlyOnce()
    {
        var sent = new List<DateOnly>();
        var decided = D(12, 10);
        for (var today = D(11, 10); today <= D(12, 31); today = today.AddDays(1))
        {
            for (var tick = 0; tick < 3; tick++)
            {
                var due = DelayNotices.Check(Deadline, today < decided ? null : decided, today, sent.ToHashSet()).DueNow;
                if (due is { } slot)
                {
                    Assert.Equal(today, slot); // sent on the very day it falls due
                    sent.Add(slot);
                }
            }
        }

        Assert.Equal([D(11, 17), D(11, 24), D(12, 1), D(12, 8)], sent);
    }

    [Fact]
    public void ResultNoticeDueBy_SevenDaysAfterDecision() => Assert.Equal(D(12, 17), DelayNotices.ResultNoticeDueBy(D(12, 10)));
}
