using CriuBench.Measurements;
using CriuBench.Running;

namespace CriuBench.Tests.Running;

[Trait("Category", "Unit")]
public class MigrationProgressTests
{
    private static readonly MigrationRecord Row = new()
    {
        RunId = "r", Repetition = 1, Workload = "timestamps", Engine = "process", Strategy = "tar", Source = "src", Destination = "dst",
        LinkRate = "1gbit", HostKind = "lab-netns", Succeeded = true, WorkloadRunsOn = "dst",
        StopTimeMs = 412.34, ImageBytes = 3 * 1048576, CounterGap = 0, AppDowntimeMs = 380.5,
    };

    [Fact]
    public void A_line_shows_position_cell_and_the_key_numbers() =>
        Assert.Equal("[ 3/20] timestamps   tar         src->dst  1gbit     stop 412.3 ms  image 3.00 MiB  gap 0  app downtime 380.5 ms",
            MigrationProgress.Describe(3, 20, Row));

    [Fact]
    public void A_post_copy_line_names_the_mode_and_shows_the_last_page_and_the_stall() =>
        Assert.Equal("[ 3/20] timestamps   tar postcopy src->dst  1gbit     stop 412.3 ms  image 3.00 MiB  gap 0  app downtime 380.5 ms  all pages 900.0 ms  stall 12.5 ms",
            MigrationProgress.Describe(3, 20, Row with { Mode = "postcopy", AllPagesTimeMs = 900, PostRestoreStallMs = 12.5 }));

    [Fact]
    public void A_failure_says_why_and_where_the_workload_runs()
    {
        var line = MigrationProgress.Describe(1, 2, Row with { Succeeded = false, FailureReason = "restore failed", WorkloadRunsOn = "src" });
        Assert.EndsWith("FAILED: restore failed (workload runs on src)", line);
    }
}
