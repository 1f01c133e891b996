using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Migration;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Faults;

/// <summary>
/// Real faults in real migrations (real CRIU, real lab), three trials each (criu dump killed at
/// five points of its dump; the link down for 1, 2 and 3 s). Whatever happens, the
/// row is true: the workload progresses where the row says and only there, or the row says lost
/// and its images are where it says. Afterwards no workload is left in either host, and a new
/// one migrates: the next cell starts clean.
/// </summary>
public class MigrationFaultTests(FaultLab fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FaultLab>
{
    private const int TrialTimeout = 180_000;

    public static TheoryData<int> Trials => [1, 2, 3];

    /// <summary>Where criu dump is killed: after 0, 48, 96, 144 and 192 MiB of pages.</summary>
    public static TheoryData<int> KillPoints => [1, 2, 3, 4, 5];

    /// <param name="strategies">Comma-separated, e.g. "tar,rsync".</param>
    public static TheoryData<string, int> StrategyTrials(string strategies)
    {
        var data = new TheoryData<string, int>();
        foreach (var strategy in strategies.Split(','))
            for (var trial = 1; trial <= 3; trial++) data.Add(strategy, trial);
        return data;
    }

    private CriuBench.Hosts.Lab.Lab Lab => fixture.Lab;
    private FaultMigrations Migrations => new(fixture.Lab, output);

    [Theory(Timeout = TrialTimeout)]
    [MemberData(nameof(KillPoints))]
    public async Task Criu_dump_killed_mid_dump_leaves_the_workload_where_the_row_says_or_truly_lost_and_the_next_migration_works(int trial)
    {
        // Kill points spread over the dump: as its first image appears, then after 48, 96, ... MiB of pages.
        var killAfterPageBytes = (trial - 1) * (48L << 20);
        var killed = 0;
        var engine = new FaultyEngine
        {
            DuringCheckpoint = async (workload, images, ct) =>
            {
                var onDisk = Lab.Layout.DiskOf(workload.Host.Name) + images[HostPaths.Disk.Length..];
                killed = await CriuKiller.KillWhenAsync(Lab, workload.Host, () => DumpReached(onDisk, killAfterPageBytes), ct);
            },
        };
        await using var strategy = new TarTransfer();
        var outcome = await Migrations.MigrateOnceAsync(BuiltinWorkloads.MemoryHog(256), $"killed{trial}", engine, strategy, async (result, original) =>
        {
            Assert.True(killed > 0, "the dump ended before criu could be killed: the fault was not injected");
            Assert.False(result.Record.Succeeded);
            Assert.Contains("CRIU was killed by signal 9", result.Record.FailureReason); // not an empty reason
            if (result.Workload is { } survivor)
            {
                // A workload that survived a killed dump migrates again (no task left seized or frozen by the dead CRIU).
                var again = await new MigrationDriver(new CollectingLog()).RunAsync(
                    new MigrationRequest("fault", 2, survivor, Lab.Destination, new ProcessEngine(), strategy, "1gbit"), CancellationToken.None);
                try
                {
                    Assert.True(again.Record.Succeeded, again.Record.FailureReason);
                    await RowTruth.AssertTrueAsync(again, Lab.Hosts, original);
                }
                finally
                {
                    if (again.Workload is { } moved && moved != survivor) await engine.StopAsync(moved, CancellationToken.None);
                }
            }
        });
        await Migrations.AssertNextCellMigratesAsync($"afterkill{trial}");
    }

    [Theory(Timeout = TrialTimeout)]
    [MemberData(nameof(StrategyTrials), "tar,rsync")]
    public async Task The_link_going_down_during_a_transfer_and_coming_back_leaves_a_true_row(string strategyName, int trial)
    {
        var downFor = TimeSpan.FromSeconds(trial);
        var wentDown = false;
        var link = Lab.Layout.Interface(Lab.Source.Name);
        await using var strategy = new FaultyTransfer(TransferStrategies.Create(strategyName))
        {
            During = async (_, _, ct) =>
            {
                while (LabProcesses.Named(Lab, Lab.Source, "scp", "rsync").Count == 0) await Task.Delay(5, ct);
                await Lab.Source.RunCheckedAsync(Command.Of("ip", "link", "set", link, "down"), CancellationToken.None);
                wentDown = true;
                try { await Task.Delay(downFor, CancellationToken.None); }
                finally { await Lab.Source.RunCheckedAsync(Command.Of("ip", "link", "set", link, "up"), CancellationToken.None); }
            },
        };
        await Migrations.MigrateOnceAsync(BuiltinWorkloads.MemoryHog(256), $"link{strategyName}{trial}", new ProcessEngine(), strategy, (_, _) =>
        {
            Assert.True(wentDown, "the transfer ended before the link could be taken down: the fault was not injected");
            return Task.CompletedTask;
        });
    }

    [Theory(Timeout = TrialTimeout)]
    [MemberData(nameof(StrategyTrials), "tar,rsync,page-server")]
    public async Task A_full_images_directory_on_the_destination_leaves_a_true_row(string strategyName, int trial)
    {
        // A tiny tmpfs over the destination's images directories, in its own mount namespace only.
        var images = HostPaths.Disk + "/images";
        await Lab.Destination.MakeDirectoryAsync(images);
        await Lab.Destination.RunCheckedAsync(Command.Of("mount", "-t", "tmpfs", "-o", "size=64k", "criubench-full", images));
        try
        {
            await using var strategy = TransferStrategies.Create(strategyName);
            await Migrations.MigrateOnceAsync(BuiltinWorkloads.MemoryHog(16), $"full{strategyName}{trial}", new ProcessEngine(), strategy, (result, _) =>
            {
                Assert.False(result.Record.Succeeded, "the migration succeeded into a full directory: the fault was not injected");
                return Task.CompletedTask;
            });
        }
        finally
        {
            await Lab.Destination.RunCheckedAsync(Command.Of("umount", "--lazy", images));
        }
    }

    [Theory(Timeout = TrialTimeout)]
    [MemberData(nameof(StrategyTrials), "tar,shared,page-server")]
    public async Task A_restore_refused_on_the_destination_leaves_the_workload_restored_on_the_source(string strategyName, int trial)
    {
        // CRIU refuses a restore whose open file is missing: the workload's output, removed on the destination after the transfer.
        await using var strategy = new FaultyTransfer(TransferStrategies.Create(strategyName))
        {
            After = (request, _) => request.Destination.RunCheckedAsync(Command.Of("rm", request.WorkloadDirectory + "/output.log")),
        };
        await Migrations.MigrateOnceAsync(BuiltinWorkloads.TimestampPrinter(), $"refused{trial}", new ProcessEngine(), strategy, (result, _) =>
        {
            Assert.False(result.Record.Succeeded);
            Assert.Contains("restore failed", result.Record.FailureReason);
            Assert.Equal(Lab.Source.Name, result.Record.WorkloadRunsOn);
            return Task.CompletedTask;
        });
    }

    [Theory(Timeout = TrialTimeout)]
    [MemberData(nameof(StrategyTrials), "tar,shared")]
    public async Task A_restored_copy_that_does_not_continue_is_stopped_and_the_workload_restored_again_on_the_source(string strategyName, int trial)
    {
        // The restore succeeds but the restored copy is stopped, so the output check fails; the
        // fallback restores from the same images directory (shared: the one the destination used).
        var engine = new FaultyEngine
        {
            AfterRestore = (restored, _) => restored.Host == Lab.Destination
                ? restored.Host.RunCheckedAsync(Command.Of("kill", "-STOP", restored.Id))
                : Task.CompletedTask,
        };
        await using var strategy = TransferStrategies.Create(strategyName);
        await Migrations.MigrateOnceAsync(BuiltinWorkloads.TimestampPrinter(), $"stalled{trial}", engine, strategy, (result, _) =>
        {
            Assert.False(result.Record.Succeeded);
            Assert.Contains("did not continue", result.Record.FailureReason);
            Assert.Equal(Lab.Source.Name, result.Record.WorkloadRunsOn);
            return Task.CompletedTask;
        });
    }

    [Theory(Timeout = TrialTimeout)]
    [MemberData(nameof(Trials))]
    public async Task Statistics_and_images_that_cannot_be_read_after_the_restore_still_end_as_a_true_row(int trial)
    {
        // Between the phases: the restore directory vanishes after the restore, so reading CRIU's
        // statistics (cat) and measuring the images (find) fail for real.
        var engine = new FaultyEngine
        {
            AfterRestore = (restored, images) => restored.Host.RemoveAsync(images),
        };
        await using var strategy = new TarTransfer();
        await Migrations.MigrateOnceAsync(BuiltinWorkloads.TimestampPrinter(), $"between{trial}", engine, strategy, (result, _) =>
        {
            Assert.True(result.Record.Succeeded, result.Record.FailureReason);
            Assert.Null(result.Record.ImageBytes);
            Assert.Null(result.Record.CriuRestoreTimeMs);
            return Task.CompletedTask;
        });
    }

    [Theory(Timeout = TrialTimeout)]
    [MemberData(nameof(Trials))]
    public async Task A_second_running_copy_fails_the_migration_and_exactly_one_copy_keeps_running(int trial)
    {
        // --leave-running (refused by the suite loader, so built here directly) keeps the source running after the dump.
        var spec = BuiltinWorkloads.TimestampPrinter() with { ExtraDumpArguments = ["--leave-running"] };
        await using var strategy = new TarTransfer();
        await Migrations.MigrateOnceAsync(spec, $"twice{trial}", new ProcessEngine(), strategy, async (result, original) =>
        {
            Assert.False(result.Record.Succeeded);
            // Seen by the verification (the source's output grows after the checkpoint), or earlier, when the
            // transfer fails (tar: "file changed as we read it"): either way the fallback finds the original running.
            Assert.Contains("the checkpoint did not stop the workload: it kept running on src and was not restored a second time", result.Record.FailureReason);
            Assert.Equal(Lab.Source.Name, result.Record.WorkloadRunsOn);
            Assert.Equal(original.Id, result.Workload!.Id);
            var copies = LabProcesses.Workloads(Lab, Lab.Source).Count + LabProcesses.Workloads(Lab, Lab.Destination).Count;
            Assert.Equal(1, copies);
        });
    }

    private static bool DumpReached(string imagesOnDisk, long pageBytes)
    {
        if (!Directory.Exists(imagesOnDisk)) return false;
        var images = Directory.GetFiles(imagesOnDisk, "*.img");
        if (pageBytes == 0) return images.Length > 0;
        return images.Where(file => Path.GetFileName(file).StartsWith("pages-", StringComparison.Ordinal))
            .Sum(file => new FileInfo(file).Length) >= pageBytes;
    }
}
