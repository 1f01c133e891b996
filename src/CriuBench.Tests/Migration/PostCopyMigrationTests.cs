using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;
using CriuBench.Criu;
using CriuBench.Migration.Modes;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Migration;

public sealed class PostCopyLab() : LabFixture("pcopy");

/// <summary>
/// Real post-copy migrations on the netns lab: the workload runs on the destination before its
/// memory is there, its pages follow through CRIU's lazy page server, and it must lose no value.
/// fs.pipe-max-size is raised for the test as for a run, and must be back afterwards.
/// </summary>
public sealed class PostCopyMigrationTests(PostCopyLab fixture) : IClassFixture<PostCopyLab>
{
    private const long MiB = 1024 * 1024;

    public static TheoryData<string, string> Cases => new()
    {
        { "memory", "tar-ssh" }, { "timestamps", "rsync" }, { "runc-counter", "tar" },
    };

    [Theory(Timeout = 180_000)]
    [MemberData(nameof(Cases))]
    public async Task A_workload_migrates_post_copy_there_and_back_without_losing_a_value(string workloadName, string strategyName)
    {
        Requires.Criu();
        var lab = fixture.Lab;
        var spec = workloadName == "memory"
            ? BuiltinWorkloads.Create("memory", new Dictionary<string, string> { ["mib"] = "64", ["dirty_mib_per_s"] = "10" })
            : BuiltinWorkloads.ByName(workloadName);
        var engine = spec.Engine.Create();
        var pipeMaxSizeBefore = await PipeMaxSizeGuard.ReadAsync(lab.Source, CancellationToken.None);
        var log = new CollectingLog();
        var mode = new PostCopyMode();
        await using var strategy = TransferStrategies.Create(strategyName);
        await strategy.SetUpAsync(lab.Hosts, CancellationToken.None);
        foreach (var host in lab.Hosts) await engine.PrepareHostAsync(host, CancellationToken.None);
        var instance = $"pc-{workloadName}-{strategyName}";
        var running = await engine.StartAsync(lab.Source, spec, instance, CancellationToken.None);
        try
        {
            await using (await mode.PrepareHostsAsync(lab.Hosts, log, CancellationToken.None))
            {
                Assert.True(await PipeMaxSizeGuard.ReadAsync(lab.Source, CancellationToken.None) >= PipeMaxSizeGuard.Required);
                await WorkloadOutput.WaitForOutputAsync(running);
                foreach (var (repetition, destination) in new[] { (1, lab.Destination), (2, lab.Source) })
                {
                    var result = await new MigrationDriver(log).RunAsync(
                        new MigrationRequest("test", repetition, running, destination, engine, strategy, "1gbit") { Mode = mode }, CancellationToken.None);

                    var row = result.Record;
                    Assert.True(row.Succeeded, row.FailureReason);
                    Assert.Equal("postcopy", row.Mode);
                    Assert.Equal(destination.Name, row.WorkloadRunsOn);
                    Assert.Equal(0, row.CounterGap);
                    Assert.True(row.StopTimeMs > 0 && row.CheckpointTimeMs > 0 && row.RestoreTimeMs > 0, "the stop window's parts were not timed");
                    Assert.True(row.AllPagesTimeMs > row.CheckpointTimeMs, $"the last page ({row.AllPagesTimeMs} ms) cannot arrive before the pages were served ({row.CheckpointTimeMs} ms)");
                    Assert.True(row.MigrationTimeMs >= row.AllPagesTimeMs && row.MigrationTimeMs >= row.StopTimeMs);
                    Assert.True(row.LazyPages > 0, "no page was sent lazily");
                    Assert.True(row.TransferredBytes >= row.LazyPages * LazyPagesCommands.PageBytes);
                    Assert.True(row.CriuRestoreTimeMs > 0, "CRIU's stats-restore (in the work directory) was not read");
                    if (spec.MinimumImageBytes is { } least)
                        Assert.True(row.LazyPages * LazyPagesCommands.PageBytes >= least, $"{row.LazyPages} lazy pages cannot hold {least / MiB} MiB");
                    if (spec.Output == OutputFormat.CounterTimestamp)
                    {
                        Assert.True(row.AppDowntimeMs > 0, "no app-observed downtime");
                        Assert.True(row.PostRestoreStallMs > 0, "no post-restore stall was measured");
                    }
                    else
                        Assert.Null(row.PostRestoreStallMs);

                    running = result.Workload!;
                    Assert.Same(destination, running.Host);
                    await WorkloadOutput.AssertStillCountingAsync(running);
                    foreach (var host in lab.Hosts)
                        Assert.Null(await host.FileSizeAsync(PostCopyMode.WorkDirectory($"{instance}-r{repetition:D3}")));
                }
            }
            Assert.Equal(pipeMaxSizeBefore, await PipeMaxSizeGuard.ReadAsync(lab.Source, CancellationToken.None));
            var whole = WholeOutputCheck.Describe(await WholeOutputCheck.AnalyzeAsync(running, CancellationToken.None));
            Assert.Contains(", continuous", whole, StringComparison.Ordinal);
            Assert.DoesNotContain("FAILED", whole, StringComparison.Ordinal); // the allocator's memory check held too
        }
        finally
        {
            await engine.StopAsync(running, CancellationToken.None);
            foreach (var host in lab.Hosts) await engine.ShutdownAsync(host, CancellationToken.None);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_crashed_run_s_raised_pipe_max_size_is_put_back_by_the_next_lab_start()
    {
        Requires.Root();
        var before = PipeMaxSizeGuard.Parse(await File.ReadAllTextAsync(PipeMaxSizeGuard.Sysctl));
        var lab = await CriuBench.Hosts.Lab.Lab.UpAsync("pcrash", LinkRate.Default, CriuBench.Execution.ProcessRunner.Instance, NullLog.Instance);
        try
        {
            // A run that raised the limit and died: the guard is never disposed.
            var crashed = await PipeMaxSizeGuard.RaiseAsync(lab.Hosts, NullLog.Instance, CancellationToken.None);
            GC.KeepAlive(crashed);
            Assert.True(await PipeMaxSizeGuard.ReadAsync(lab.Source, CancellationToken.None) >= PipeMaxSizeGuard.Required);
        }
        finally
        {
            var log = new CollectingLog();
            await CriuBench.Hosts.Lab.Lab.DownAsync("pcrash", CriuBench.Execution.ProcessRunner.Instance, log);
            if (before < PipeMaxSizeGuard.Required)
                Assert.Contains(log.Warnings, warning => warning.Contains("pipe-max-size put back", StringComparison.Ordinal));
        }
        Assert.Equal(before, PipeMaxSizeGuard.Parse(await File.ReadAllTextAsync(PipeMaxSizeGuard.Sysctl)));
    }
}
