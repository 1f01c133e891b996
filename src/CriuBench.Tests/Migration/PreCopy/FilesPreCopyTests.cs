using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Migration.Modes;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Migration.PreCopy;

public sealed class FilesPreCopyLab() : LabFixture("qfiles");

/// <summary>
/// files-precopy for real on the netns lab (it needs no soft-dirty): the 64 MiB allocator, there
/// and back, with rsync sending only the blocks the final dump changed.
/// </summary>
public class FilesPreCopyTests(FilesPreCopyLab fixture) : IClassFixture<FilesPreCopyLab>
{
    [Fact(Timeout = 4 * 60 * 1000)]
    public async Task The_64_MiB_allocator_migrates_there_and_back_with_no_gap_and_a_final_pass_far_smaller_than_its_image()
    {
        var lab = fixture.Lab;
        var engine = new ProcessEngine();
        var spec = BuiltinWorkloads.Create("memory", new Dictionary<string, string> { ["mib"] = "64", ["dirty_mib_per_s"] = "2" });
        await using var strategy = TransferStrategies.Create("rsync");
        var mode = MigrationModes.Create(ModeNames.FilesPreCopy);
        var iterations = new MemoryIterationLog();
        var running = await engine.StartAsync(lab.Source, spec, "qfiles-memory", CancellationToken.None);
        try
        {
            await WorkloadOutput.WaitForOutputAsync(running);
            foreach (var (repetition, destination) in new[] { (1, lab.Destination), (2, lab.Source) })
            {
                var request = new MigrationRequest("test", repetition, running, destination, engine, strategy, "1gbit") { Mode = mode };
                var result = await new MigrationDriver(NullLog.Instance, iterations: iterations).RunAsync(request, CancellationToken.None);

                var row = result.Record;
                Assert.True(row.Succeeded, row.FailureReason);
                Assert.Equal(ModeNames.FilesPreCopy, row.Mode);
                Assert.Equal(destination.Name, row.WorkloadRunsOn);
                Assert.Equal(0, row.CounterGap);
                Assert.True(row.AppDowntimeMs > 0);
                Assert.Equal(1, row.Iterations);
                Assert.Equal(FilesPreCopyMode.RuleName, row.StopRule);
                // The final pass crosses as rsync deltas: a fraction of the image, yet the images are whole.
                Assert.True(row.PageBytes >= spec.MinimumImageBytes, $"pages {row.PageBytes} < {spec.MinimumImageBytes}");
                Assert.True(row.TransferredBytes < row.ImageBytes / 4, $"final pass sent {row.TransferredBytes} of {row.ImageBytes} image bytes");
                Assert.True(row.LinkBytes > row.ImageBytes, $"both passes together ({row.LinkBytes}) carry at least one whole image ({row.ImageBytes})");
                Assert.True(row.StopTimeMs >= row.CheckpointTimeMs + row.RestoreTimeMs);

                var first = Assert.Single(iterations.Rounds, round => round.MigrationId == request.MigrationId);
                Assert.Equal(1, first.Iteration);
                Assert.True(first.PagesWritten * 4096 >= spec.MinimumImageBytes, $"first pass wrote {first.PagesWritten} pages");
                Assert.True(first.BytesMoved >= spec.MinimumImageBytes);
                Assert.Equal(0, first.PagesSkippedParent);

                running = result.Workload!;
                Assert.Same(destination, running.Host);
                Assert.Null(await lab.Source.FileSizeAsync(HostPaths.ImagesDirectory(request.MigrationId)));
                Assert.Null(await lab.Destination.FileSizeAsync(HostPaths.ImagesDirectory(request.MigrationId)));
            }
            var whole = await WholeOutputCheck.AnalyzeAsync(running, CancellationToken.None);
            Assert.True(whole.IsContinuous, WholeOutputCheck.Describe(whole));
        }
        finally
        {
            await engine.StopAsync(running, CancellationToken.None);
        }
    }
}
