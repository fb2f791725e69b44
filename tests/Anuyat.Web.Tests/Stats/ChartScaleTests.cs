using Anuyat.Web.Features.Stats;

namespace Anuyat.Web.Tests.Stats;

/// <summary>The value axis of the dashboard's charts: round steps, enough headroom, labels that read well.</summary>
public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(2500, 500, 2500, 6)]
    [InlineData(2501, 1000, 3000, 4)]
    [InlineData(97, 20, 100, 6)]
    [InlineData(100, 20, 100, 6)]
    [InlineData(7, 2, 8, 5)]
    [InlineData(3, 1, 3, 4)]
    [InlineData(1, 1, 1, 2)]
    [InlineData(123_456, 50_000, 150_000, 4)]
    [InlineData(8_400_000, 2_000_000, 10_000_000, 6)]
    public void Nice_Maximum_RoundStepAndTopAtOrAboveIt(double max, double step, double top, int ticks)
    {
        var axis = ChartScale.Nice(max);

        Assert.Equal(step, axis.Step);
        Assert.Equal(top, axis.Top);
        Assert.Equal(ticks, axis.Ticks.Count);
        Assert.Equal(0, axis.Ticks[0]);
    }

    [Fact]
    public void Nice_ManyMaxima_EveryStepIsOneTwoOrFiveTimesAPowerOfTenAndTicksAreEven()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var max = Math.Round(Math.Pow(10, random.NextDouble() * 8), 0) + 1;
            var axis = ChartScale.Nice(max);

            var mantissa = axis.Step / Math.Pow(10, Math.Floor(Math.Log10(axis.Step)));
            Assert.Contains(Math.Round(mantissa, 9), new[] { 1.0, 2.0, 5.0 });
            Assert.InRange(axis.Ticks.Count - 1, 1, 5);
            Assert.True(axis.Top >= max, $"top {axis.Top} below {max}");
            Assert.True(axis.Top - axis.Step < max, $"a whole empty step above {max}: top {axis.Top}, step {axis.Step}");
            for (var t = 1; t < axis.Ticks.Count; t++)
            {
                Assert.Equal(axis.Step, axis.Ticks[t] - axis.Ticks[t - 1], 6);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void Nice_NothingToShow_AxisFromZeroToOne(double max)
    {
        var axis = ChartScale.Nice(max);

        Assert.Equal([0.0, 1.0], axis.Ticks);
    }

    [Fact]
    public void Nice_FractionsAllowed_StepBelowOne()
    {
        var axis = ChartScale.Nice(0.72, wholeNumbers: false);

        Assert.Equal(0.2, axis.Step, 9);
        Assert.Equal([0.0, 0.2, 0.4, 0.6, 0.8], axis.Ticks);
    }

    [Theory]
    [InlineData(0, 500, true, "0")]
    [InlineData(12_500, 2_500, true, "12,500")]
    [InlineData(12_500, 2_500, false, "12,500")]
    [InlineData(1_500_000, 500_000, true, "1.5 ล้าน")]
    [InlineData(1_500_000, 500_000, false, "1.5M")]
    [InlineData(10_000_000, 2_000_000, false, "10M")]
    [InlineData(0.4, 0.2, false, "0.4")]
    public void Label_Value_ReadsWellInEachLanguage(double value, double step, bool thai, string expected)
    {
        Assert.Equal(expected, ChartScale.Label(value, step, thai));
    }

    [Fact]
    public void AxisMonth_OctoberTwentyTwentyThree_BuddhistEraInThai()
    {
        var month = StatsLabels.AxisMonth("202310");

        Assert.Equal("ต.ค. 66", month.Th);
        Assert.Equal("Oct 2023", month.En);
    }
}
