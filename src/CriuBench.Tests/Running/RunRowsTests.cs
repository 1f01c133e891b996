using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Running;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Running;

[Trait("Category", "Unit")]
public class RunRowsTests
{
    private static readonly MigrationRecord Row = new()
    {
        RunId = "r", Repetition = 1, Workload = "counter", Engine = "process", Strategy = "tar", Source = "src", Destination = "dst",
        LinkRate = "1gbit", HostKind = "lab-netns", Succeeded = true, WorkloadRunsOn = "dst", StopTimeMs = 100, ImageBytes = 1048576, CounterGap = 0,
    };

    [Fact]
    public async Task A_row_added_while_the_run_is_being_cancelled_is_both_in_the_csv_and_printed()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, RunFiles.Migrations);
        var log = new CollectingLog();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync(); // Ctrl-C a moment after the restore returned

        await using (var csv = await MigrationsCsvWriter.OpenAsync(path))
        {
            var rows = new RunRows(csv, log, total: 2);
            await rows.AddAsync(Row, cancelled.Token);
            await rows.AddAsync(Row with { Repetition = 2, Source = "dst", Destination = "src" }, cancelled.Token);
            Assert.Equal(2, rows.Records.Count);
        }

        var inCsv = await MigrationsCsv.ReadAsync(path);
        Assert.Equal([1, 2], inCsv.Select(row => row.Repetition));
        Assert.Equal(2, log.Infos.Count);
        Assert.StartsWith("[1/2] counter", log.Infos[0]);
        Assert.StartsWith("[2/2] counter", log.Infos[1]);
    }
}
