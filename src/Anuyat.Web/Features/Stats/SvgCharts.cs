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

    /// <summary>One district's square on the tile map.</summary>
    public sealed record Tile(int Row, int Col, string Name, double? Rate, string Text, string? Url);

    /// <summary>
    /// The on-time classes of the map, darkest best, from a colour-blind-safe sequential blue scale; the class is also
    /// written as a number in each square, so colour is never the only carrier. Lower bounds are shares (0–1).
    /// </summary>
    public static readonly IReadOnlyList<(double From, string Fill, string Ink)> OnTimeClasses =
    [
        (0.9, "#08306b", "#ffffff"),
        (0.8, "#2171b5", "#ffffff"),
        (0.7, "#6baed6", "#0b0c0c"),
        (0.6, "#c6dbef", "#0b0c0c"),
        (0.0, "#f7fbff", "#0b0c0c"),
    ];

    public const string NoDataFill = "#e1e1e1";

    /// <summary>
    /// A schematic tile map: one equal square per district at its row and column (see <see cref="DistrictTiles"/>),
    /// coloured by class, the value written inside and each square a link when <see cref="Tile.Url"/> is set.
    /// </summary>
    public static IHtmlContent TileMap(string id, string title, string description, int rows, int cols, IReadOnlyList<Tile> tiles)
    {
        const double size = 58, gap = 4, pad = 2;
        var width = pad * 2 + (cols * (size + gap)) - gap;
        var height = pad * 2 + (rows * (size + gap)) - gap;
        var svg = Open(id, title, description, width, height);
        foreach (var tile in tiles)
        {
            var x = pad + (tile.Col * (size + gap));
            var y = pad + (tile.Row * (size + gap));
            var (fill, ink) = tile.Rate is { } rate
                ? OnTimeClasses.First(c => rate >= c.From) is var c ? (c.Fill, c.Ink) : default
                : (NoDataFill, "#0b0c0c");
            if (tile.Url is not null)
            {
                svg.Append(F($"<a href=\"{Escape(tile.Url)}\">"));
            }

            svg.Append(F($"<g><title>{Escape(tile.Name)}: {Escape(tile.Text)}</title>"));
            svg.Append(F($"<rect x=\"{x}\" y=\"{y}\" width=\"{size}\" height=\"{size}\" rx=\"4\" fill=\"{fill}\" stroke=\"#505a5f\" stroke-width=\"1\"/>"));
            svg.Append(F($"<text x=\"{x + (size / 2)}\" y=\"{y + (size / 2) + 7}\" text-anchor=\"middle\" font-size=\"20\" font-weight=\"bold\" fill=\"{ink}\">{Escape(tile.Text)}</text>"));
            svg.Append("</g>");
            if (tile.Url is not null)
            {
                svg.Append("</a>");
            }
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
