using CriuBench.Measurements;
using CriuBench.Reporting;

namespace CriuBench.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class SummaryMarkdownTests
{
    private static string Render(IReadOnlyList<MigrationRecord> records) =>
        SummaryMarkdown.Render(Summarizer.Summarize(records), records, SampleEnvironment.Create());

    [Fact]
    public void The_summary_starts_with_a_title_and_the_environment_table()
    {
        var md = Render(SampleRecords.SmallRun());

        Assert.StartsWith("# CriuBench run run-1\n\n| environment | |\n|---|---|\n| started | 2025-03-14 09:26:53 +01:00 |\n", md);
        Assert.Contains("| kernel | 6.8.0-45-generic |\n", md);
        Assert.Contains("| runc | 1.1.12 |\n", md);
        Assert.Contains("| memory | 15.5 GiB |\n", md);
        Assert.Contains("Migrations: 13 (12 succeeded, 1 failed).\n", md);
    }

    [Fact]
    public void Each_key_metric_has_a_table_with_a_row_per_configuration()
    {
        MigrationRecord[] records =
        [
            SampleRecords.Successful() with { StopTimeMs = 100 },
            SampleRecords.Successful() with { StopTimeMs = 300 },
            SampleRecords.Successful() with { StopTimeMs = 200 },
            SampleRecords.Failed("restore failed"),
        ];

        var md = Render(records);

        Assert.Contains(
            "## stop_time (ms)\n\nFrom the start of the checkpoint until the restored workload runs.\n\n" +
            "| workload | parameters | engine | strategy | mode | link rate | n | failures | median | p95 | min | max |\n" +
            "|---|---|---|---|---|---|---:|---:|---:|---:|---:|---:|\n" +
            "| counter |  | criu | tar | cold | 1gbit | 3 | 1 | 200.00 | 290.00 | 100.00 | 300.00 |\n", md);
    }

    [Fact]
    public void Image_sizes_are_shown_in_mebibytes()
    {
        var md = Render([SampleRecords.Successful() with { ImageBytes = 3 * 1024 * 1024 / 2 }]);

        Assert.Contains("## image_size (MiB)", md);
        Assert.Contains("| counter |  | criu | tar | cold | 1gbit | 1 | 0 | 1.50 | 1.50 | 1.50 | 1.50 |\n", md);
    }

    [Fact]
    public void A_key_metric_without_values_says_so()
    {
        var md = Render([SampleRecords.Successful() with { StopTimeMs = 1 }]);

        Assert.Contains("## app_downtime (ms)\n\nLargest gap between the workload's output timestamps around the seam.\n\nNo values.\n", md);
    }

    [Fact]
    public void Failed_migrations_are_listed_with_their_reasons()
    {
        var md = Render(SampleRecords.SmallRun());

        Assert.EndsWith(
            "Failed migrations (1):\n\n" +
            "- memhog/criu/page-server/cold at 1gbit, repetition 1, a->b: restore: criu exited with 1: Can't open \"pages-1.img\", | and a comma\n", md);
    }

    [Fact]
    public void A_run_without_failures_says_none_failed()
    {
        Assert.EndsWith("Failed migrations: none.\n", Render([SampleRecords.Successful() with { StopTimeMs = 1 }]));
    }

    [Fact]
    public void Pipes_and_line_breaks_in_cells_do_not_break_the_tables()
    {
        var environment = SampleEnvironment.Create() with { CommandLine = "criubench run | tee log\nsecond line" };

        var md = SummaryMarkdown.Render([], [], environment);

        Assert.Contains("| command | criubench run \\| tee log second line |\n", md);
    }
}
