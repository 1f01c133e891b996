using System.Text.RegularExpressions;
using CriuBench.Execution;
using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Reporting.Comparison;
using CriuBench.Tests.Support;
using CriuBench.Reporting.Writing;

namespace CriuBench.Tests.Reporting.Comparison;

/// <summary>
/// report.html opened the way a person would: in Debian's Chromium, headless, from disk, with no
/// network. Without Chromium these tests fail and say how to install it; they never skip.
/// </summary>
public sealed class ReportInBrowserTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<string> WriteReportAsync()
    {
        Gnuplot.RequireInstalled();
        Requires.Tool("chromium", "chromium");
        var records = ComparisonRecords.Run();
        var run = _dir.File("run");
        await new ComparisonReport(ProcessRunner.Instance).WriteAsync(run, records, Summarizer.Summarize(records), SampleEnvironment.Create());
        return Path.Combine(run, RunFiles.ReportHtml);
    }

    /// <summary>Chromium with a fresh profile and everything that could reach a network off.</summary>
    private Command Chromium(params string[] arguments) => Command.Of("chromium",
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        $"--user-data-dir={Directory.CreateDirectory(_dir.File($"chromium-{Guid.NewGuid():N}")).FullName}", // removed with the test's directory
        .. arguments,
    ]).WithTimeout(TimeSpan.FromMinutes(2));

    [Fact]
    public async Task Chromium_renders_every_chart_of_the_report_as_svg_in_the_page()
    {
        var html = await WriteReportAsync();

        var dom = (await ProcessRunner.Instance.RunAsync(Chromium("--dump-dom", "file://" + html))).EnsureSuccess().StandardOutput;

        Assert.Equal(11, Regex.Count(dom, "<svg[ >]"));
        foreach (var chart in new[] { "report_stop_vs_image", "report_stop_time_by_rate", "report_transfer_time_by_rate", "report_memory_sweep_100mbit", "report_memory_sweep_unlimited" })
            Assert.Contains($"<figure id=\"{chart}\"><svg", dom.Replace("\n", ""));
        Assert.Contains("<h2>Winner per workload and link rate</h2>", dom);
    }

    [Fact]
    public async Task A_screenshot_of_the_report_is_not_blank()
    {
        var html = await WriteReportAsync();
        var screenshot = _dir.File("report.png");

        (await ProcessRunner.Instance.RunAsync(Chromium($"--screenshot={screenshot}", "--window-size=1280,2000", "file://" + html))).EnsureSuccess();

        Assert.True(File.Exists(screenshot), $"Chromium wrote no screenshot to {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 50_000, $"the screenshot is only {new FileInfo(screenshot).Length} bytes");
        var image = PngImage.Read(screenshot);
        Assert.Equal((1280, 2000), (image.Width, image.Height));
        var colours = image.Pixels.Distinct().Count();
        var inked = image.Pixels.Count(p => p != 0xFFFFFF) / (double)image.Pixels.Length;
        Assert.True(colours > 50, $"only {colours} distinct colours: the page looks blank");
        Assert.True(inked > 0.03, $"only {inked:P1} of the page is not white");
        // The charts' series colours are on screen: gnuplot's first two line colours (purple, green).
        Assert.Contains(0x9400D3u, image.Pixels);
        Assert.Contains(0x009E73u, image.Pixels);
    }
}
