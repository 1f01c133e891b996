using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Reporting.Comparison;
using CriuBench.Reporting.Writing;

namespace CriuBench.Tests.Reporting.Comparison;

/// <summary>The services section: client downtime beside stop and CRIU time per mode, failures and connections summed, and the chart around the seam.</summary>
[Trait("Category", "Unit")]
public sealed class ServicesSectionTests
{
    /// <summary>redis, cold and post-copy, three repetitions each; one cold migration lost its connection.</summary>
    private static IReadOnlyList<MigrationRecord> Run() =>
    [
        .. new[] { ("cold", 240.0), ("postcopy", 120.0) }.SelectMany(mode => Enumerable.Range(1, 3).Select(repetition =>
            ComparisonRecords.Migration("redis", "tar-ssh", mode.Item2 - 30 + repetition, "1gbit", repetition) with
            {
                Mode = mode.Item1,
                CriuFrozenTimeMs = 80,
                CriuRestoreTimeMs = 20,
                ClientDowntimeMs = mode.Item2 + repetition,
                ClientFailedRequests = mode.Item1 == "cold" && repetition == 3 ? 1 : 0,
                ConnectionsKept = mode.Item1 == "cold" && repetition == 3 ? 0 : 1,
                ConnectionsTotal = 1,
                ClientP99AfterMs = 0.4,
            })),
    ];

    private static IReadOnlyList<ClientSampleRecord> Timeline() =>
    [
        .. new[] { "cold", "postcopy" }.SelectMany(mode => Enumerable.Range(1, 3).SelectMany(repetition => new[]
        {
            ClientTimelineCsvTests.Slice(-10, 10, 0.1, repetition, mode),
            ClientTimelineCsvTests.Slice(0, 0, null, repetition, mode),
            ClientTimelineCsvTests.Slice(240, 1, 240, repetition, mode),
        })),
    ];

    private static ReportDocument Build(IReadOnlyList<MigrationRecord> records, IReadOnlyList<ClientSampleRecord>? timeline) =>
        ComparisonReport.Build(records, Summarizer.Summarize(records), SampleEnvironment.Create(), clientTimeline: timeline);

    [Fact]
    public void Each_mode_has_its_client_downtime_beside_stop_and_criu_time_and_the_losses_summed()
    {
        var document = Build(Run(), Timeline());

        var heading = document.Blocks.OfType<Heading>().Single(h => h.Text == "Services: what their clients saw");
        var table = document.Blocks.SkipWhile(b => b != heading).OfType<Table>().First();
        Assert.Equal(["service", "mode", "n", "client downtime (ms)", "stop time (ms)", "criu frozen + restore (ms)", "p99 latency after (ms)", "failed requests", "connections kept"], table.Headers);
        Assert.Equal(["redis", "cold", "3", "242.0 [241.0, 243.0]", "212.0 [211.0, 213.0]", "100 [100, 100]", "0.40", "1", "2 of 3"], table.Rows[0]);
        Assert.Equal(["redis", "postcopy", "3", "122.0 [121.0, 123.0]", "92.0 [91.0, 93.0]", "100 [100, 100]", "0.40", "0", "3 of 3"], table.Rows[1]);
    }

    [Fact]
    public void The_chart_draws_the_median_migration_of_each_mode_and_a_run_without_a_timeline_has_the_table_only()
    {
        var figure = Build(Run(), Timeline()).Blocks.OfType<Figure>().Single(f => f.Chart.FileName == "report_client_redis_1gbit");
        var chart = (PointChart)figure.Chart;
        Assert.Equal(4, chart.Lines.Count); // per mode: the slowest request (left) and the answers per slice (right)
        Assert.Equal([(-10.0, 10.0), (0, 0), (240, 1)], chart.Lines.Single(l => l.Label == "tar-ssh cold: requests per 10 ms").Points);
        Assert.Equal([(-10.0, 0.1), (240, 240)], chart.Lines.Single(l => l.Label == "tar-ssh cold: slowest request").Points);
        Assert.True(chart.LogY); // 0.1 ms to 240 ms
        Assert.False(chart.LogX); // time, from before the checkpoint

        var without = Build(Run(), timeline: null);
        Assert.Contains(without.Blocks, b => b is Heading { Text: "Services: what their clients saw" });
        Assert.DoesNotContain(without.Blocks, b => b is Figure { Chart.FileName: "report_client_redis_1gbit" });
    }

    [Fact]
    public void A_run_without_services_has_no_services_section()
    {
        var records = Enumerable.Range(1, 3).Select(r => ComparisonRecords.Migration("counter", "tar", 100 + r, "1gbit", r)).ToList();
        Assert.DoesNotContain(Build(records, null).Blocks, b => b is Heading { Text: "Services: what their clients saw" });
    }
}
