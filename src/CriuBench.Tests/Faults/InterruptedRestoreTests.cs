using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Lab;
using CriuBench.Hosts.Lab.Rescue;
using CriuBench.Migration;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Faults;

public sealed class InterruptedRestoreLab() : LabFixture("rsqfault");

/// <summary>
/// A `criu restore` killed midway on the destination (the allocator's 256 MiB restore takes about
/// a second): the restored tree it leaves there, however far it got, is found and stopped before
/// the workload is restored on the source, the row says so, and the next migration works.
/// </summary>
public class InterruptedRestoreTests(InterruptedRestoreLab fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<InterruptedRestoreLab>
{
    private const int TrialTimeout = 180_000;

    private CriuBench.Hosts.Lab.Lab Lab => fixture.Lab;
    private FaultMigrations Migrations => new(fixture.Lab, output);

    public static TheoryData<string, int> RestoreKillTrials => new() { { "tar", 1 }, { "tar", 2 }, { "sshfs", 1 }, { "sshfs", 2 } };

    [Theory(Timeout = TrialTimeout)]
    [MemberData(nameof(RestoreKillTrials))]
    public async Task Criu_restore_killed_mid_restore_leaves_no_half_restored_copy_and_the_workload_restored_on_the_source(string strategyName, int trial)
    {
        // criu restore (itself, not the tasks it forks) SIGKILLed once the restored tree exists on
        // the destination (trial 1), or once it holds 128 MiB of the allocator's 256 (trial 2).
        var killed = 0;
        var engine = new FaultyEngine
        {
            DuringRestoreOn = Lab.Destination,
            DuringRestore = async (host, _, ct) =>
                killed = await CriuKiller.KillWhenAsync(Lab, host, () => LabProcesses.Workloads(Lab, host) is { Count: > 0 } trees
                    && (trial == 1 || LabProcesses.ResidentBytes(trees[0]) >= 128L << 20), ct, CriuKiller.IsRestoreItself),
        };
        await using (var strategy = TransferStrategies.Create(strategyName))
        await Migrations.MigrateOnceAsync(BuiltinWorkloads.MemoryHog(256), $"rkill{strategyName}{trial}", engine, strategy, (result, _) =>
        {
            Assert.True(killed > 0, "the restore ended before criu could be killed: the fault was not injected");
            Assert.False(result.Record.Succeeded);
            Assert.Contains("restore failed", result.Record.FailureReason);
            Assert.Contains("CRIU was killed by signal 9", result.Record.FailureReason);
            // Checked through the lab's namespaces: the only copy is the one restored on the source.
            Assert.Empty(LabProcesses.Workloads(Lab, Lab.Destination));
            Assert.Single(LabProcesses.Workloads(Lab, Lab.Source));
            Assert.Equal(Lab.Source.Name, result.Record.WorkloadRunsOn);
            Assert.Contains("a half-restored copy on dst was stopped", result.Record.FailureReason);
            return Task.CompletedTask;
        });
        await Migrations.AssertNextCellMigratesAsync($"afterrkill{trial}", strategyName);
    }

    [Fact(Timeout = TrialTimeout)]
    public async Task A_lost_workload_is_kept_by_its_lab_and_its_rescue_restores_it_elsewhere()
    {
        // Lost for real: the transfer fails after it copied everything, with the source's images damaged
        // (its pagemaps removed; a truncated page image instead makes criu restore spin), so the fallback's
        // restore on the source fails too. The copy the transfer made on the destination is intact: the
        // rescue must use it.
        var log = new CollectingLog();
        var lost = await CriuBench.Hosts.Lab.Lab.UpAsync("rsqlost", CriuBench.Vocabulary.LinkRate.Default, ProcessRunner.Instance, log);
        string? rescueDirectory = null;
        try
        {
            RescuedWorkload rescued;
            await using (lost)
            {
                await using var strategy = new FaultyTransfer(new TarTransfer())
                {
                    After = async (request, transfer) =>
                    {
                        await request.Source.RunCheckedAsync(Command.Of("bash", "-c", "rm \"$1\"/pagemap-*.img", "damage", transfer.DumpDirectory));
                        throw new InvalidOperationException("the link failed after the copy (injected)");
                    },
                };
                var engine = new ProcessEngine();
                var original = await engine.StartAsync(lost.Source, BuiltinWorkloads.MemoryHog(64), "lostmem", CancellationToken.None);
                for (var i = 0; i < 400 && (await original.Host.FileSizeAsync(original.OutputFile) ?? 0) == 0; i++) await Task.Delay(50);
                await Task.Delay(300);
                var result = await new MigrationDriver(new CollectingLog(), null).RunAsync(
                    new MigrationRequest("fault", 1, original, lost.Destination, engine, strategy, "1gbit"), CancellationToken.None);
                output.WriteLine($"row: runs on {result.Record.WorkloadRunsOn}; reason: {result.Record.FailureReason}");
                Assert.Null(result.Workload);
                Assert.Equal("nowhere (lost)", result.Record.WorkloadRunsOn);
                Assert.Contains("restoring on src failed too", result.Record.FailureReason);
                Assert.Matches(@"its images are kept in \S+ on dst \(\d+ image files\)", result.Record.FailureReason);
                await RowTruth.AssertTrueAsync(result, lost.Hosts, original);
            } // the lab goes down: its disks are rescued
            var said = string.Join("\n", log.Warnings);
            output.WriteLine(said);
            var kept = System.Text.RegularExpressions.Regex.Match(said, @"the hosts' disks are kept together in (\S+): lostmem can be restored from it");
            Assert.True(kept.Success, said);
            rescueDirectory = kept.Groups[1].Value;
            rescued = Assert.Single(LabRescue.Read(rescueDirectory).Workloads);
            Assert.True(rescued.Checkpoints.Any(images => images.Host == "src" && images.RestoreFailed), "the source's failed restore is not seen");
            Assert.Equal("dst", rescued.Images!.Host);

            // Back in another lab's host (the fixture's), from the rescue alone.
            var back = await RescueIntoLab.RestoreAsync(rescued, Lab.Source, CancellationToken.None);
            try
            {
                Assert.True(back.Continues, "the restored workload does not print");
                var last = File.ReadAllText(rescued.OutputFile!).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ')[0];
                Assert.Equal(long.Parse(last) + 1, long.Parse(back.FirstLineAfter!.Split(' ')[0]));
                Assert.True(await RowTruth.GrowsAsync(new RunningWorkload(BuiltinWorkloads.MemoryHog(64), rescued.Instance, Lab.Source, back.Pid.ToString())));
            }
            finally
            {
                await new ProcessEngine().StopAsync(new RunningWorkload(BuiltinWorkloads.MemoryHog(64), rescued.Instance, Lab.Source, back.Pid.ToString()), CancellationToken.None);
                await Lab.Source.RemoveAsync(rescued.HostWorkDirectory);
            }
        }
        finally
        {
            if (rescueDirectory is not null) Directory.Delete(rescueDirectory, recursive: true);
        }
    }
}
