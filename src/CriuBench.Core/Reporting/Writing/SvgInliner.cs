using System.Net;
using System.Text.RegularExpressions;

namespace CriuBench.Reporting.Writing;

/// <summary>
/// Turns a chart's SVG file into an &lt;svg&gt; element for an HTML page: without the XML
/// declaration, with the chart's title first, a viewBox so the page can scale it, and every id
/// prefixed by the chart's name so several charts on one page do not clash.
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
        var tagEnd = element.IndexOf('>');
        var tag = element[..tagEnd];
        if (!tag.Contains("viewBox", StringComparison.Ordinal) && Size().Match(tag) is { Success: true } size)
            tag += $" viewBox=\"0 0 {size.Groups["w"].Value} {size.Groups["h"].Value}\"";
        var rest = ExistingTitle().Replace(element[(tagEnd + 1)..], "", 1);
        return tag + ">\n<title>" + WebUtility.HtmlEncode(title) + "</title>" + rest;
    }

    /// <summary>id='x' or id="x".</summary>
    [GeneratedRegex(@"\b(?<name>id)=(?<q>['""])")]
    private static partial Regex IdAttribute();

    /// <summary>href='#x', href="#x" and url(#x).</summary>
    [GeneratedRegex(@"(?<lead>href=['""]|url\()#")]
    private static partial Regex LocalReference();

    [GeneratedRegex(@"^\s*<title>[^<]*</title>")]
    private static partial Regex ExistingTitle();

    [GeneratedRegex(@"\bwidth=""(?<w>[0-9.]+)""\s+height=""(?<h>[0-9.]+)""")]
    private static partial Regex Size();
}
