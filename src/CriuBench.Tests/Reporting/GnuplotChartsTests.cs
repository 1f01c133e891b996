using CriuBench.Execution;
using CriuBench.Measurements;
using CriuBench.Reporting;

using CriuBench.Tests.Support;

namespace CriuBench.Tests.Reporting;

public sealed class GnuplotChartsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Gnuplot_draws_stop_time_transfer_time_and_image_size_as_svg_and_png()
    {
        Gnuplot.RequireInstalled();
        var summary = Summarizer.Summarize(SampleRecords.SmallRun());

        var charts = await new GnuplotCharts(ProcessRunner.Instance).WriteAsync(_dir.Path, summary);

        Assert.Equal(["stop_time", "checkpoint_time", "transfer_time", "restore_time", "image_size"], charts);
        foreach (var name in new[] { "stop_time", "transfer_time", "image_size" })
        {
            Gnuplot.AssertSvg(_dir.File(name + ".svg"));
            Gnuplot.AssertPng(_dir.File(name + ".png"));
            Assert.True(File.Exists(_dir.File(name + ".dat")));
            Assert.True(File.Exists(_dir.File(name + ".gp")));
        }
        Assert.Contains("image_size (MiB)", await File.ReadAllTextAsync(_dir.File("image_size.svg")));
    }

    [Fact]
    public async Task Charts_drawn_twice_from_the_same_summary_are_byte_identical()
    {
        Gnuplot.RequireInstalled();
        var summary = Summarizer.Summarize(SampleRecords.SmallRun());
        var charts = new GnuplotCharts(ProcessRunner.Instance);

        await charts.WriteAsync(_dir.File("first"), summary);
        await charts.WriteAsync(_dir.File("second"), summary);

        foreach (var file in Directory.GetFiles(_dir.File("first")).Select(Path.GetFileName))
            Assert.True(File.ReadAllBytes(_dir.File("first/" + file)).SequenceEqual(File.ReadAllBytes(_dir.File("second/" + file))), $"{file} differs");
    }

    [Fact]
    public async Task Several_link_rates_get_one_chart_each()
    {
        Gnuplot.RequireInstalled();
        MigrationRecord[] records =
        [
            SampleRecords.Successful(linkRate: "1gbit") with { StopTimeMs = 100 },
            SampleRecords.Successful(linkRate: "100mbit") with { StopTimeMs = 900 },
        ];

        var charts = await new GnuplotCharts(ProcessRunner.Instance).WriteAsync(_dir.Path, Summarizer.Summarize(records));

        Assert.Equal(["stop_time_1gbit", "stop_time_100mbit"], charts);
        Gnuplot.AssertSvg(_dir.File("stop_time_100mbit.svg"));
        Gnuplot.AssertPng(_dir.File("stop_time_100mbit.png"));
    }

    [Fact]
    public async Task Gnuplot_runs_each_script_with_its_arguments_as_a_list_in_the_charts_directory()
    {
        var runner = new FakeCommandRunner { Answer = _ => (0, "", "\tsvg png pngcairo\n") };

        await new GnuplotCharts(runner).WriteAsync(_dir.Path, Summarizer.Summarize([SampleRecords.Successful() with { StopTimeMs = 1 }]));

        Assert.Equal(2, runner.Commands.Count);
        Assert.Equal(["-e", "print GPVAL_TERMINALS"], runner.Commands[0].Arguments);
        Assert.Equal("gnuplot", runner.Commands[1].Program);
        Assert.Equal(["stop_time.gp"], runner.Commands[1].Arguments);
        Assert.Equal(_dir.Path, runner.Commands[1].WorkingDirectory);
        Assert.Contains("set terminal pngcairo ", await File.ReadAllTextAsync(_dir.File("stop_time.gp")));
    }

    [Fact]
    public async Task Without_pngcairo_the_plain_png_terminal_is_used()
    {
        var runner = new FakeCommandRunner { Answer = _ => (0, "", "svg png dumb") };

        await new GnuplotCharts(runner).WriteAsync(_dir.Path, Summarizer.Summarize([SampleRecords.Successful() with { StopTimeMs = 1 }]));

        Assert.Contains("set terminal png ", await File.ReadAllTextAsync(_dir.File("stop_time.gp")));
    }

    [Fact]
    public async Task No_summary_rows_means_no_charts_and_no_gnuplot()
    {
        var runner = new FakeCommandRunner();

        Assert.Empty(await new GnuplotCharts(runner).WriteAsync(_dir.Path, []));
        Assert.Empty(runner.Commands);
    }
}
