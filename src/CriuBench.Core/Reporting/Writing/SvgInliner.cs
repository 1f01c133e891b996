using System.Net;
using System.Text.RegularExpressions;
using CriuBench.Reporting.Comparison;

namespace CriuBench.Reporting.Writing;

/// <summary>
/// Turns a gnuplot SVG file into an &lt;svg&gt; element for an HTML page: without the XML
/// declaration, with the chart's title, and with every id prefixed by the chart's name so several
/// charts on one page neither clash nor borrow each other's point shapes.
/// </summary>
internal static partial class SvgInliner
{
    public static string Inline(string svg, string idPrefix, string title)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0) throw new InvalidDataException($"{idPrefix}: not an SVG document");
        var element = svg[start..].TrimEnd();
        element = IdAttribute().Replace(element, m => $"{m.Groups["name"].Value}={m.Groups["q"].Value}{idPrefix}-");
        element = LocalReference().Replace(element, m => $"{m.Groups["lead"].Value}#{idPrefix}-");
        element = GnuplotTitle().Replace(element, "<title>" + WebUtility.HtmlEncode(title) + "</title>", 1);
        return element;
    }

    /// <summary>id='x' or id="x".</summary>
    [GeneratedRegex(@"\b(?<name>id)=(?<q>['""])")]
    private static partial Regex IdAttribute();

    /// <summary>href='#x', href="#x" and url(#x).</summary>
    [GeneratedRegex(@"(?<lead>href=['""]|url\()#")]
    private static partial Regex LocalReference();

    [GeneratedRegex(@"<title>[^<]*</title>")]
    private static partial Regex GnuplotTitle();
}
