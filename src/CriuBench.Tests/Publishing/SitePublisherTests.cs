using System.Xml.Linq;
using CriuBench.Comparing;
using CriuBench.Measurements;
using CriuBench.Publishing;
using CriuBench.Reporting;
using CriuBench.Tests.Comparing;
using CriuBench.Tests.Reporting;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Publishing;

/// <summary>The Pages directory built from two runs: each under runs/, the index, the history and the trend chart.</summary>
[Trait("Category", "Unit")]
public sealed class SitePublisherTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private string Site => temp.File("site");

    [Fact]
    public async Task Two_runs_make_an_index_newest_first_a_history_and_a_trend_line_per_configuration()
    {
        var first = await WriteRunAsync("20261201-100000-comparison", ComparisonRuns.Records(), "4.1.1", new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var second = await WriteRunAsync("20261202-100000-comparison", ComparisonRuns.Records(scale: 1.2), "4.2.1", new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        await SitePublisher.PublishAsync(first, Site);
        await WriteComparisonAsync(Path.Combine(Site, "runs", "20261201-100000-comparison"), second);

        var published = await SitePublisher.PublishAsync(second, Site);

        Assert.StartsWith("REGRESSION", published.Verdict);
        Assert.Equal("20261201-100000-comparison", published.ComparedWith);
        var runs = await PublishedRunsCsv.ReadAsync(Path.Combine(Site, PublishedRunsCsv.FileName));
        Assert.Equal(["20261201-100000-comparison", "20261202-100000-comparison"], runs.Select(r => r.RunId));
        var history = await HistoryCsv.ReadAsync(Path.Combine(Site, HistoryCsv.FileName));
        Assert.Equal(12, history.Count); // 6 configurations × 2 runs
        var counter = history.Where(h => h.Workload == "counter" && h.Strategy == "tar").Select(h => h.MedianStopTimeMs).ToList();
        Assert.Equal(1.2, counter[1] / counter[0], 9);

        foreach (var file in new[] { "report.html", "migrations.csv", "environment.csv", "summary.csv", "charts/stop.svg" })
            Assert.True(File.Exists(Path.Combine(Site, "runs", "20261201-100000-comparison", file)), file);
        Assert.True(File.Exists(Path.Combine(Site, "runs", "20261202-100000-comparison", "comparison.html")));

        var index = await File.ReadAllTextAsync(Path.Combine(Site, SiteIndex.FileName));
        Assert.True(index.IndexOf("20261202-100000-comparison", StringComparison.Ordinal) < index.IndexOf("20261201-100000-comparison", StringComparison.Ordinal),
            "the newest run comes first");
        Assert.Contains("href=\"runs/20261202-100000-comparison/comparison.html\"", index);
        Assert.Contains("<img src=\"trend.svg\"", index);

        var svg = XDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Site, TrendChart.FileName)));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var series = svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "series").ToList();
        Assert.Equal(6, series.Count);
        Assert.All(series, g =>
        {
            Assert.Single(g.Elements(ns + "polyline"));
            Assert.Equal(2, g.Elements(ns + "circle").Count());
        });
        Assert.True(File.Exists(Path.Combine(Site, ".nojekyll")));
    }

    [Fact]
    public async Task A_run_is_published_once()
    {
        var run = await WriteRunAsync("20261201-100000-comparison", ComparisonRuns.Records(), "4.2.1", DateTimeOffset.UnixEpoch);
        await SitePublisher.PublishAsync(run, Site);

        var refused = await Assert.ThrowsAsync<RunFileException>(() => SitePublisher.PublishAsync(run, Site));

        Assert.Contains("is published already", refused.Message);
        Assert.Single(await PublishedRunsCsv.ReadAsync(Path.Combine(Site, PublishedRunsCsv.FileName)));
    }

    [Fact]
    public async Task A_directory_without_a_report_is_refused()
    {
        Directory.CreateDirectory(temp.File("empty"));

        var refused = await Assert.ThrowsAsync<RunFileException>(() => SitePublisher.PublishAsync(temp.File("empty"), Site));

        Assert.Contains("has no migrations.csv", refused.Message);
    }

    [Theory]
    [InlineData(0.3, 0.5)]
    [InlineData(87, 100)]
    [InlineData(100, 100)]
    [InlineData(101, 200)]
    [InlineData(3002, 5000)]
    public void The_axis_ends_on_a_round_number(double max, double expected) => Assert.Equal(expected, TrendChart.NiceCeiling(max), 9);

    [Fact]
    public void An_empty_history_draws_a_chart_that_says_so() =>
        Assert.Contains("no runs published yet", TrendChart.Render([]));

    /// <summary>A run directory as a run leaves it, with a report and a chart (their content does not matter here).</summary>
    private async Task<string> WriteRunAsync(string name, IReadOnlyList<MigrationRecord> records, string criu, DateTimeOffset started)
    {
        var directory = temp.File(name);
        Directory.CreateDirectory(Path.Combine(directory, "charts"));
        await MigrationsCsv.WriteAsync(Path.Combine(directory, RunFiles.Migrations), records);
        await EnvironmentCsv.WriteAsync(Path.Combine(directory, RunFiles.Environment), SampleEnvironment.Create() with { CriuVersion = criu, StartedAt = started });
        await SummaryCsv.WriteAsync(Path.Combine(directory, RunFiles.SummaryCsv), Summarizer.Summarize(records));
        await File.WriteAllTextAsync(Path.Combine(directory, RunFiles.ReportHtml), $"<html>{name}</html>");
        await File.WriteAllTextAsync(Path.Combine(directory, "charts", "stop.svg"), "<svg/>");
        return directory;
    }

    /// <summary>What scripts/ci-compare.sh leaves in a run directory: compare --out RUN/comparison.</summary>
    private static async Task WriteComparisonAsync(string previous, string run)
    {
        var comparison = RunComparer.Compare(await ComparedRuns.LoadAsync(previous), await ComparedRuns.LoadAsync(run));
        var directory = Path.Combine(run, SitePublisher.ComparisonDirectory);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "comparison.txt"), ComparisonText.Render(comparison));
        await File.WriteAllTextAsync(Path.Combine(directory, "comparison.html"), ComparisonHtml.Render(comparison));
    }

    public void Dispose() => temp.Dispose();
}
