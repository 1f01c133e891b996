using System.Xml;
using System.Xml.Linq;
using CriuBench.Execution;
using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Reporting.Comparison;
using CriuBench.Tests.Support;
using CriuBench.Reporting.Writing;

namespace CriuBench.Tests.Reporting.Comparison;

public sealed class ReportHtmlTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Writes the comparison report of <see cref="ComparisonRecords.Run"/> with real gnuplot; returns report.html.</summary>
    private async Task<string> WriteReportAsync()
    {
        Gnuplot.RequireInstalled();
        var records = ComparisonRecords.Run();
        await new ComparisonReport(ProcessRunner.Instance).WriteAsync(_dir.Path, records, Summarizer.Summarize(records), SampleEnvironment.Create());
        return await File.ReadAllTextAsync(_dir.File(RunFiles.ReportHtml));
    }

    private static XDocument Parse(string html) =>
        XDocument.Load(XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }));

    [Fact]
    public async Task The_html_report_is_one_well_formed_html5_document_with_every_chart_inlined_as_svg()
    {
        var html = await WriteReportAsync();

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n", html);
        var document = Parse(html);
        XNamespace svg = "http://www.w3.org/2000/svg";
        var charts = document.Descendants("figure").Select(f => (Id: (string?)f.Attribute("id"), Svg: f.Element(svg + "svg"))).ToList();
        Assert.Equal(11, charts.Count);
        Assert.All(charts, chart => Assert.NotNull(chart.Svg));
        Assert.All(charts, chart => Assert.NotEmpty(chart.Svg!.Descendants(svg + "path")));
        Assert.DoesNotContain("<?xml", html);
    }

    [Fact]
    public async Task Ids_are_unique_across_the_inlined_charts_and_references_stay_within_their_chart()
    {
        var document = Parse(await WriteReportAsync());

        var ids = document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        XNamespace xlink = "http://www.w3.org/1999/xlink";
        foreach (var figure in document.Descendants("figure"))
        {
            var prefix = (string)figure.Attribute("id")! + "-";
            var references = figure.Descendants().Select(e => (string?)e.Attribute(xlink + "href") ?? (string?)e.Attribute("href")).OfType<string>();
            Assert.All(references, href => Assert.StartsWith("#" + prefix, href));
        }
    }

    [Fact]
    public async Task The_html_report_needs_nothing_from_outside_the_file()
    {
        var html = await WriteReportAsync();
        var document = Parse(html);

        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "script" or "link" or "img" or "iframe" or "object" or "embed");
        Assert.DoesNotContain(document.Descendants().Attributes(), a => a.Name.LocalName is "src" or "srcset");
        Assert.DoesNotContain("url(http", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("@font-face", html);
        // The only http(s) text is the SVG namespaces, which name and never fetch.
        var urls = System.Text.RegularExpressions.Regex.Matches(html, "https?://[^\"' )]+").Select(m => m.Value).Distinct().Order();
        Assert.Equal(["http://www.w3.org/1999/xlink", "http://www.w3.org/2000/svg"], urls);
    }

    [Fact]
    public async Task Text_from_the_csv_is_escaped()
    {
        MigrationRecord[] records = [ComparisonRecords.Migration("<script>alert(1)</script> & co", "tar", 100)];

        await new ComparisonReport(new FakeCommandRunner { Answer = _ => (0, "", "svg pngcairo") })
            .WriteAsync(_dir.Path, records, Summarizer.Summarize(records), SampleEnvironment.Create());
        var html = await File.ReadAllTextAsync(_dir.File(RunFiles.ReportHtml));

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html);
        Parse(html);
    }

    [Fact]
    public async Task A_chart_gnuplot_did_not_draw_is_shown_as_missing_rather_than_failing_the_report()
    {
        MigrationRecord[] records = [ComparisonRecords.Migration("counter", "tar", 100)];

        await new ComparisonReport(new FakeCommandRunner { Answer = _ => (0, "", "svg pngcairo") })
            .WriteAsync(_dir.Path, records, Summarizer.Summarize(records), SampleEnvironment.Create());

        Assert.Contains("<p class=\"missing\">The chart report_stop_vs_image.svg was not drawn.</p>", await File.ReadAllTextAsync(_dir.File(RunFiles.ReportHtml)));
    }

    [Fact]
    public void Inlining_an_svg_drops_the_xml_declaration_prefixes_ids_and_names_the_chart()
    {
        const string svg = "<?xml version=\"1.0\"?>\n<svg viewBox=\"0 0 10 10\">\n<title>Gnuplot</title>\n<g id=\"gnuplot_canvas\">" +
                           "<path id='gpPt1' d='M0,0'/><use xlink:href='#gpPt1' clip-path='url(#clip)'/></g>\n</svg>\n";

        var inlined = SvgInliner.Inline(svg, "chart", "A & B");

        Assert.Equal("<svg viewBox=\"0 0 10 10\">\n<title>A &amp; B</title>\n<g id=\"chart-gnuplot_canvas\">" +
                     "<path id='chart-gpPt1' d='M0,0'/><use xlink:href='#chart-gpPt1' clip-path='url(#chart-clip)'/></g>\n</svg>", inlined);
    }
}
