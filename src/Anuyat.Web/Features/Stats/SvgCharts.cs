using System.Globalization;
using System.Net;
using System.Text;
using Anuyat.Web.Platform;
using Microsoft.AspNetCore.Html;

namespace Anuyat.Web.Features.Stats;

/// <summary>
/// Charts drawn on the server as SVG: no script, readable by screen readers (role="img" with a title and a
/// description naming the data table beside the chart), colours as presentation attributes so the CSP needs no
/// inline styles. The text is in the page's language; sizes come from the viewBox, so the chart scales to 360 px.
/// </summary>
public static class SvgCharts
{
    public const string ReceivedColour = "#1d70b8";
    public const string DecidedColour = "#00703c";
    public const string BarColour = "#1d70b8";

    public sealed record Series(string Name, string Colour, IReadOnlyList<double> Values);

    /// <summary>Lines over months; <paramref name="labels"/> are the month names, one per value.</summary>
    public static IHtmlContent Trend(string id, string title, string description, IReadOnlyList<string> labels, IReadOnlyList<Series> series)
    {
        const double width = 640, height = 260, left = 64, right = 12, top = 36, bottom = 40;
        var axis = ChartScale.Nice(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var scaleMax = axis.Top;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        double X(int i) => left + (labels.Count <= 1 ? plotWidth / 2 : plotWidth * i / (labels.Count - 1));
        double Y(double v) => top + plotHeight - (plotHeight * v / scaleMax);

        var svg = Open(id, title, description, width, height);
        foreach (var value in axis.Ticks)
        {
            svg.Append(F($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{Y(value):0.#}\" y2=\"{Y(value):0.#}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>"));
            svg.Append(F($"<text x=\"{left - 6}\" y=\"{Y(value) + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">{Escape(ChartScale.Label(value, axis.Step, !Text.IsEnglish))}</text>"));
        }

        var step = Math.Max(1, (int)Math.Ceiling(labels.Count / 6.0));
        for (var i = 0; i < labels.Count; i += step)
        {
            svg.Append(F($"<text x=\"{X(i)}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\">{Escape(labels[i])}</text>"));
        }

        var legendX = left;
        foreach (var s in series)
        {
            svg.Append(F($"<rect x=\"{legendX}\" y=\"10\" width=\"14\" height=\"14\" fill=\"{s.Colour}\"/>"));
            svg.Append(F($"<text x=\"{legendX + 20}\" y=\"22\" font-size=\"13\" fill=\"#0b0c0c\">{Escape(s.Name)}</text>"));
            legendX += 40 + (s.Name.Length * 8);
            var points = string.Join(' ', s.Values.Select((v, i) => F($"{X(i):0.#},{Y(v):0.#}")));
            svg.Append(F($"<polyline fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"3\" points=\"{points}\"/>"));
            for (var i = 0; i < s.Values.Count; i++)
            {
                svg.Append(F($"<circle cx=\"{X(i):0.#}\" cy=\"{Y(s.Values[i]):0.#}\" r=\"3.5\" fill=\"{s.Colour}\"/>"));
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Horizontal bars, one per row, label above the bar and the value written at its end; values 0–100 (%).</summary>
    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<(string Label, double? Value, string Text)> bars)
    {
        const double width = 640, rowHeight = 44, top = 8, left = 4, right = 70;
        var height = top + (Math.Max(1, bars.Count) * rowHeight) + 8;
        var plotWidth = width - left - right;
        var svg = Open(id, title, description, width, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, text) = bars[i];
            var y = top + (i * rowHeight);
            var barWidth = Math.Max(0, Math.Min(100, value ?? 0)) / 100 * plotWidth;
            svg.Append(F($"<text x=\"{left}\" y=\"{y + 15}\" font-size=\"14\" fill=\"#0b0c0c\">{Escape(label)}</text>"));
            svg.Append(F($"<rect x=\"{left}\" y=\"{y + 21}\" width=\"{plotWidth}\" height=\"16\" fill=\"#f3f2f1\"/>"));
            svg.Append(F($"<rect x=\"{left}\" y=\"{y + 21}\" width=\"{barWidth:0.#}\" height=\"16\" fill=\"{BarColour}\"/>"));
            svg.Append(F($"<text x=\"{left + plotWidth + 6}\" y=\"{y + 34}\" font-size=\"14\" font-weight=\"bold\" fill=\"#0b0c0c\">{Escape(text)}</text>"));
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static StringBuilder Open(string id, string title, string description, double width, double height)
    {
        var svg = new StringBuilder();
        svg.Append(F($"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(F($"<title id=\"{id}-title\">{Escape(title)}</title><desc id=\"{id}-desc\">{Escape(description)}</desc>"));
        return svg;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
