using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Migration;

/// <summary>Real cold migrations of both seed workloads with both core strategies, there and back.</summary>
public class ColdMigrationTests(MigrationLab fixture) : IClassFixture<MigrationLab>
{
    public static TheoryData<string, string> Cases => new()
    {
        { "counter", "tar" }, { "counter", "shared" }, { "timestamps", "tar" }, { "timestamps", "shared" }, { "memory", "tar" },
    };

    [Theory(Timeout = 240_000)]
    [MemberData(nameof(Cases))]
    public async Task A_workload_migrates_there_and_back_without_losing_or_repeating_a_value(string workloadName, string strategyName)
    {
        var lab = fixture.Lab;
        var engine = new ProcessEngine();
        var spec = workloadName == "memory"
            ? BuiltinWorkloads.Create("memory", new Dictionary<string, string> { ["mib"] = "64", ["dirty_mib_per_s"] = "20" })
            : BuiltinWorkloads.ByName(workloadName);
        // The images directory each migration really used (tar: the host's disk; shared: the share),
        // seen holding images after the transfer, so the check that it is gone afterwards looks at a real path.
        var used = new List<(IHost Host, string Directory, int Images)>();
        await using var strategy = new Faults.FaultyTransfer(TransferStrategies.Create(strategyName))
        {
            After = async (request, session) =>
            {
                foreach (var (host, directory) in new[] { (request.Source, session.DumpDirectory), (request.Destination, session.RestoreDirectory) })
                    used.Add((host, directory, (await host.ListFilesAsync(directory)).Count(file => file.Name.EndsWith(".img", StringComparison.Ordinal))));
            },
        };
        await strategy.SetUpAsync(lab.Hosts, CancellationToken.None);
        var instance = $"{workloadName}-{strategyName}";
        var running = await engine.StartAsync(lab.Source, spec, instance, CancellationToken.None);
        try
        {
            await WorkloadOutput.WaitForOutputAsync(running);
            foreach (var (repetition, destination) in new[] { (1, lab.Destination), (2, lab.Source) })
            {
                var result = await new MigrationDriver(NullLog.Instance).RunAsync(
                    new MigrationRequest("test", repetition, running, destination, engine, strategy, "1gbit"), CancellationToken.None);

                var row = result.Record;
                Assert.True(row.Succeeded, row.FailureReason);
                Assert.Equal(destination.Name, row.WorkloadRunsOn);
                Assert.Equal(0, row.CounterGap);
                Assert.True(row.StopTimeMs > 0 && row.CheckpointTimeMs > 0 && row.RestoreTimeMs > 0 && row.TransferTimeMs >= 0);
                Assert.True(row.StopTimeMs >= row.CheckpointTimeMs + row.RestoreTimeMs);
                Assert.True(row.ImageBytes > row.PageBytes && row.PageBytes > 0);
                Assert.True(row.PageBytes >= (spec.MinimumImageBytes ?? 0), $"pages {row.PageBytes} < {spec.MinimumImageBytes}");
                Assert.True(row.CriuPagesWritten * 4096 >= (spec.MinimumImageBytes ?? 0));
                Assert.True(row.CriuFrozenTimeMs > 0, "CRIU's stats-dump was not read");
                Assert.True(row.CriuRestoreTimeMs > 0, "CRIU's stats-restore was not read");
                if (spec.Output == CriuBench.Workloads.Output.OutputFormat.CounterTimestamp)
                    Assert.True(row.AppDowntimeMs > 0);
                else
                    Assert.Null(row.AppDowntimeMs);

                running = result.Workload!;
                Assert.Same(destination, running.Host);
                await WorkloadOutput.AssertStillCountingAsync(running);
                Assert.Equal(2 * repetition, used.Count);
                foreach (var (host, directory, images) in used.TakeLast(2))
                {
                    Assert.True(images > 0, $"{directory} on {host.Name} held no images after the transfer");
                    // Removed once the migration succeeded. A share is asked on its server (the lab's first
                    // host): an sshfs client caches attributes, and may still see a removed directory for a while.
                    var server = strategyName == "shared" ? lab.Source : host;
                    Assert.True(await server.FileSizeAsync(directory) is null, $"{directory} is still on {server.Name} after the migration");
                }
            }
        }
        finally
        {
            await engine.StopAsync(running, CancellationToken.None);
        }
    }
}
