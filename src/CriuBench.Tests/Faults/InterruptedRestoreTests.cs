using CriuBench.Tests.Support;
using CriuBench.Transfer;
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
}
