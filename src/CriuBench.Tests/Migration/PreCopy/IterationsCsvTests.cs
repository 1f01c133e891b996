using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Migration.PreCopy;

[Trait("Category", "Unit")]
public class IterationsCsvTests
{
    private static IterationRecord Round(int iteration, long written, long skipped, string decision) => new()
    {
        RunId = "run1", MigrationId = "memory-precopy-rsync-1gbit-r001", Workload = "memory", Mode = "precopy",
        Strategy = "rsync", LinkRate = "1gbit", Iteration = iteration,
        PagesScanned = written + skipped, PagesWritten = written, PagesSkippedParent = skipped, BytesMoved = written * 4096 + 1000,
        DurationMs = 812.5, DumpTimeMs = 300.25, TransferTimeMs = 512.25,
        CriuFreezingTimeMs = 0.183, CriuFrozenTimeMs = 17.5, CriuMemdumpTimeMs = 12, CriuMemwriteTimeMs = 280.5, CriuPagePipes = 8,
        Decision = decision,
    };

    [Fact]
    public async Task Rounds_are_appended_one_row_each_under_one_header_also_across_reopening()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, RunFiles.Iterations);
        await using (var writer = await IterationsCsvWriter.OpenAsync(path))
            await writer.AppendAsync(Round(1, 16410, 0, "continue"), default);
        await using (var writer = await IterationsCsvWriter.OpenAsync(path))
            await writer.AppendAsync(Round(2, 120, 16290, "stop: round 2 skipped 99.3 % of its pages as unchanged: over the 70 % goal"), default);

        Assert.Equal(
            [
                "run_id,migration_id,workload,mode,strategy,link_rate,iteration,pages_scanned,pages_written,pages_skipped_parent,bytes_moved,"
                    + "duration_ms,dump_time_ms,transfer_time_ms,criu_freezing_time_ms,criu_frozen_time_ms,criu_memdump_time_ms,criu_memwrite_time_ms,criu_page_pipes,decision",
                "run1,memory-precopy-rsync-1gbit-r001,memory,precopy,rsync,1gbit,1,16410,16410,0,67216360,812.5,300.25,512.25,0.183,17.5,12,280.5,8,continue",
                "run1,memory-precopy-rsync-1gbit-r001,memory,precopy,rsync,1gbit,2,16410,120,16290,492520,812.5,300.25,512.25,0.183,17.5,12,280.5,8,stop: round 2 skipped 99.3 % of its pages as unchanged: over the 70 % goal",
            ],
            await File.ReadAllLinesAsync(path));
        Assert.Equal([Round(1, 16410, 0, "continue"), Round(2, 120, 16290, "stop: round 2 skipped 99.3 % of its pages as unchanged: over the 70 % goal")],
            await IterationsCsv.ReadAsync(path));
    }

    [Fact]
    public async Task A_file_with_other_columns_is_not_appended_to()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, RunFiles.Iterations);
        await File.WriteAllTextAsync(path, "iteration,pages\n1,2\n");
        await Assert.ThrowsAsync<InvalidDataException>(() => IterationsCsvWriter.OpenAsync(path));
    }
}
