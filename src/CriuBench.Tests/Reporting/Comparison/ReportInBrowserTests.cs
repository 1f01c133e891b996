using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Reporting.Comparison;
using CriuBench.Reporting.Writing;
using CriuBench.Tests.Support;
using Microsoft.Playwright;

namespace CriuBench.Tests.Reporting.Comparison;

/// <summary>
/// report.html opened the way a person would: in Debian's Chromium (through Playwright, the
/// system's browser, not Playwright's download), headless, from disk, with no network, in a
/// 1400x900 window. Without Chromium these tests fail and say how to install it; they never skip.
/// </summary>
public sealed class ReportInBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>What the default suite runs: five workloads (three engines) with tar and sshfs at one link rate, five repetitions.</summary>
    internal static IReadOnlyList<MigrationRecord> DefaultRun()
    {
        var records = new List<MigrationRecord>();
        (string Workload, string Engine, double Ms)[] workloads =
            [("counter", "process", 95), ("timestamps", "process", 90), ("memory-256m-d50", "process", 3900), ("runc-counter", "runc", 260), ("docker-counter", "docker", 900)];
        foreach (var (workload, engine, ms) in workloads)
        foreach (var (strategy, factor) in new[] { ("tar", 1.0), ("shared", 1.3) })
        for (var repetition = 1; repetition <= 5; repetition++)
            records.Add(ComparisonRecords.Migration(workload, strategy, ms * factor * (1 + 0.03 * repetition), "1gbit", repetition, engine,
                imageBytes: workload.StartsWith("memory", StringComparison.Ordinal) ? 256L << 20 : 500_000) with
            {
                CounterGap = workload.Contains("counter", StringComparison.Ordinal) ? 0 : null,
                AppDowntimeMs = workload == "timestamps" ? ms * factor + 3 : null,
            });
        return records;
    }

    private async Task<string> WriteReportAsync(IReadOnlyList<MigrationRecord> records)
    {
        Requires.Tool("chromium", "chromium");
        var run = _dir.File("run");
        await new ComparisonReport().WriteAsync(run, records, Summarizer.Summarize(records), SampleEnvironment.Create(),
            [new("counter", "process", "nfs", "cold", "1gbit", "the kernel of src has no NFS server: use the VM lab (--hosts vm)")]);
        return Path.Combine(run, RunFiles.ReportHtml);
    }

    private static async Task<(IPlaywright Playwright, IBrowser Browser, IPage Page)> OpenAsync(string html)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await page.GotoAsync(new Uri(html).AbsoluteUri);
        return (playwright, browser, page);
    }

    [Fact]
    public async Task The_first_screen_at_1400_by_900_shows_the_whole_headline_table()
    {
        var html = await WriteReportAsync(DefaultRun());
        var (playwright, browser, page) = await OpenAsync(html);
        await using var _ = browser;
        using var __ = playwright;

        var heading = page.Locator("h2", new() { HasText = "Stop time per workload and link rate" });
        var table = page.Locator("table").First;
        var box = await table.BoundingBoxAsync();
        var headingBox = await heading.BoundingBoxAsync();
        await page.ScreenshotAsync(new() { Path = _dir.File("first-screen.png") });

        Assert.NotNull(box);
        Assert.NotNull(headingBox);
        Assert.True(headingBox.Y < box.Y, "the headline table is not the one under its heading");
        Assert.True(box.Y + box.Height <= 900, $"the headline table ends at {box.Y + box.Height} px, below the first screen");
        Assert.True(box.X + box.Width <= 1400, $"the headline table is {box.X + box.Width} px wide, cut at 1400");
        var text = await table.InnerTextAsync();
        Assert.Contains("sshfs", text);
        Assert.DoesNotContain("shared", text);
        Assert.Contains("gap 0 in 5/5", text);
        Assert.Contains("1 (baseline)", text);
        Assert.Contains("Not measured here: nfs", await page.Locator("main").InnerTextAsync());
        var wide = await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 1400).map(e => e.tagName + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 1400, $"the page scrolls sideways at 1400 px: {wide}");
    }

    [Fact]
    public async Task Chromium_renders_every_chart_of_the_report_as_svg_and_no_table_is_cut_at_1400_px()
    {
        var records = ComparisonRecords.Run();
        var html = await WriteReportAsync(records);
        var (playwright, browser, page) = await OpenAsync(html);
        await using var _ = browser;
        using var __ = playwright;

        var charts = ComparisonReport.Build(records, Summarizer.Summarize(records), SampleEnvironment.Create()).Charts;
        Assert.Equal(charts.Count, await page.Locator("figure > svg").CountAsync());
        foreach (var chart in charts)
            Assert.True(await page.Locator($"figure[id='{chart.FileName}'] > svg text").CountAsync() > 3, $"{chart.FileName} has no text drawn");
        var widest = await page.EvaluateAsync<double>("Math.max(...[...document.querySelectorAll('table')].map(t => t.getBoundingClientRect().right))");
        Assert.True(widest <= 1400, $"a table reaches {widest} px");
    }
}
