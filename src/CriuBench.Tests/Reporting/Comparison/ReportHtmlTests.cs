using System.Xml;
using System.Xml.Linq;
using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Reporting.Comparison;
using CriuBench.Tests.Support;
using CriuBench.Reporting.Writing;

namespace CriuBench.Tests.Reporting.Comparison;

[Trait("Category", "Unit")]
public sealed class ReportHtmlTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Writes the comparison report of <see cref="ComparisonRecords.Run"/>, charts drawn; returns report.html.</summary>
    private async Task<string> WriteReportAsync()
    {
        var records = ComparisonRecords.Run();
        await new ComparisonReport().WriteAsync(_dir.Path, records, Summarizer.Summarize(records), SampleEnvironment.Create());
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
        var records = ComparisonRecords.Run();
        Assert.Equal(ComparisonReport.Build(records, Summarizer.Summarize(records), SampleEnvironment.Create()).Charts.Count, charts.Count);
        Assert.True(charts.Count > 10, $"only {charts.Count} charts");
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

        await new ComparisonReport().WriteAsync(_dir.Path, records, Summarizer.Summarize(records), SampleEnvironment.Create());
        var html = await File.ReadAllTextAsync(_dir.File(RunFiles.ReportHtml));

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html);
        Parse(html);
    }

    [Fact]
    public void A_chart_that_was_not_drawn_is_shown_as_missing_rather_than_failing_the_report()
    {
        MigrationRecord[] records = [ComparisonRecords.Migration("counter", "tar", 100)];
        var document = ComparisonReport.Build(records, Summarizer.Summarize(records), SampleEnvironment.Create());

        var html = new HtmlReportExporter().Export(document, _dir.File("no-charts"));

        Assert.Contains("<p class=\"missing\">The chart report_stop_vs_bound.svg was not drawn.</p>", html);
    }

    [Fact]
    public void Inlining_an_svg_drops_the_xml_declaration_prefixes_ids_adds_a_view_box_and_names_the_chart()
    {
        const string svg = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"660\" height=\"380\">\n" +
                           "<clipPath id=\"cl_1\"><rect/></clipPath><g clip-path=\"url(#cl_1)\"/>\n</svg>\n";

        var inlined = SvgInliner.Inline(svg, "chart", "A & B");

        Assert.Equal("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"660\" height=\"380\" viewBox=\"0 0 660 380\">\n<title>A &amp; B</title>\n" +
                     "<clipPath id=\"chart-cl_1\"><rect/></clipPath><g clip-path=\"url(#chart-cl_1)\"/>\n</svg>", inlined);
    }
}
