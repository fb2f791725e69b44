using System.Globalization;

namespace Anuyat.Web.Features.Stats;

/// <summary>
/// The value axis of a chart: ticks at "nice" steps (1, 2 or 5 times a power of ten) from zero to the first tick at
/// or above the largest value, so gridlines fall on round numbers a reader can say aloud (0, 500, 1,000, 1,500 …)
/// rather than on quarters of an odd maximum (0, 625, 1,250 …).
/// </summary>
public static class ChartScale
{
    /// <summary>The steps tried within each power of ten, smallest first.</summary>
    private static readonly double[] Mantissas = [1, 2, 5];

    /// <summary>An axis: the step between ticks, the top of the scale and the ticks themselves (zero first).</summary>
    public sealed record Axis(double Step, double Top, IReadOnlyList<double> Ticks);

    /// <summary>
    /// The smallest nice step that reaches <paramref name="max"/> in at most <paramref name="maxIntervals"/> steps.
    /// Counts are whole numbers, so with <paramref name="wholeNumbers"/> the step is at least 1 (no "0.5 applications").
    /// An empty or all-zero series gets the axis 0–1.
    /// </summary>
    public static Axis Nice(double max, int maxIntervals = 5, bool wholeNumbers = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIntervals, 1);
        if (!(max > 0) || double.IsInfinity(max))
        {
            return new Axis(1, 1, [0, 1]);
        }

        var step = double.NaN;
        for (var power = Math.Floor(Math.Log10(max / maxIntervals)); double.IsNaN(step); power++)
        {
            foreach (var mantissa in Mantissas)
            {
                var candidate = mantissa * Math.Pow(10, power);
                if (wholeNumbers && candidate < 1)
                {
                    continue;
                }

                // A small tolerance: 3 × 0.1 is 0.30000000000000004, and should still reach 0.3.
                if (Math.Ceiling((max / candidate) - 1e-9) <= maxIntervals)
                {
                    step = candidate;
                    break;
                }
            }
        }

        var intervals = (int)Math.Ceiling((max / step) - 1e-9);
        var ticks = new double[intervals + 1];
        for (var i = 0; i <= intervals; i++)
        {
            // Multiplying (not adding the step again and again) keeps 0.1-steps free of accumulated rounding.
            ticks[i] = Math.Round(i * step, 10);
        }

        return new Axis(step, ticks[^1], ticks);
    }

    /// <summary>
    /// A tick's label. Thousands are grouped with commas in both languages (Thai official statistics write 12,500 with
    /// Arabic digits too); from a million on the label is shortened the way each language says it: "1.5 ล้าน", "1.5M".
    /// Decimals only as many as the step needs.
    /// </summary>
    public static string Label(double value, double step, bool thai)
    {
        if (Math.Abs(value) >= 1_000_000 && step >= 100_000)
        {
            var millions = (value / 1_000_000).ToString(Decimals(step / 1_000_000), CultureInfo.InvariantCulture);
            return thai ? millions + " ล้าน" : millions + "M";
        }

        return value.ToString(Decimals(step), CultureInfo.InvariantCulture);
    }

    private static string Decimals(double step)
    {
        var places = step >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(step) - 1e-9);
        return places == 0 ? "#,0" : "#,0." + new string('0', places);
    }
}
