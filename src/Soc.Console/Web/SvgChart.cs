using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Soc.Console.Web;

/// <summary>
/// Bar charts drawn on the server as inline SVG: the page needs no script, no chart library and no fetch,
/// and prints as it looks.
/// </summary>
public static class SvgChart
{
    private const int Width = 600;
    private const int Height = 140;
    private const int Bottom = 18;
    private const int Left = 30;

    /// <summary>Vertical bars; every <paramref name="labelEvery"/>-th bar gets its label under the axis.</summary>
    public static IHtmlContent Bars(IReadOnlyList<(string Label, long Value)> bars, int labelEvery, string id, string cssClass = "bar")
    {
        ArgumentNullException.ThrowIfNull(bars);
        var inv = CultureInfo.InvariantCulture;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var plotHeight = Height - Bottom - 6;
        var slot = (double)(Width - Left) / Math.Max(1, bars.Count);
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg id=\"{id}\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" preserveAspectRatio=\"none\" style=\"max-height:170px\">");
        svg.Append(inv, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width}\" y2=\"{Height - Bottom}\" stroke=\"#d5dae3\"/>");
        svg.Append(inv, $"<text x=\"{Left - 4}\" y=\"12\" text-anchor=\"end\">{max}</text><text x=\"{Left - 4}\" y=\"{Height - Bottom}\" text-anchor=\"end\">0</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = value == 0 ? 0 : Math.Max(1.5, plotHeight * value / (double)max);
            var x = Left + (i * slot) + (slot * 0.15);
            svg.Append(inv, $"<rect class=\"{cssClass}\" x=\"{x:0.#}\" y=\"{Height - Bottom - h:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{h:0.#}\"><title>{WebUtility.HtmlEncode(label)}: {value}</title></rect>");
            if (i % labelEvery == 0)
            {
                svg.Append(inv, $"<text x=\"{x + (slot * 0.35):0.#}\" y=\"{Height - 4}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(label)}</text>");
            }
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
