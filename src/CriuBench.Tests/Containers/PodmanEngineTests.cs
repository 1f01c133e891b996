using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Lab.Rescue;
using CriuBench.Logging;
using CriuBench.Preflight;
using CriuBench.Tests.Support;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;
using CriuBench.Workloads.Containers;
using Xunit.Abstractions;

namespace CriuBench.Tests.Containers;

public sealed class PodmanLab() : LabFixture("pod1");

/// <summary>
/// The podman engine against a real lab: each host its own Podman storage, `checkpoint --export`
/// moved by tar and over sshfs, `restore --import`, there and back; --print-stats in the row and
/// consistent with the images' own CRIU statistics.
/// </summary>
public sealed class PodmanEngineTests(PodmanLab fixture, ITestOutputHelper output) : IClassFixture<PodmanLab>
{
    [Fact(Timeout = 300_000)]
    public async Task A_podman_container_migrates_there_and_back_with_tar_and_sshfs_without_losing_a_value_its_statistics_agree_with_criu_and_it_leaves_nothing()
    {
        RequirePodman();
        var lab = fixture.Lab;
        var engine = new ReportKeepingEngine(new PodmanEngine());
        var machineCacheBefore = Directory.Exists(MachineCache);

        var scenario = new ContainerMigrationScenario(lab, engine, BuiltinWorkloads.ByName("podman-counter"), output);
        await scenario.RunAsync();

        Assert.Equal(4, scenario.Rows.Count);
        Assert.Equal(4, engine.Reports.Count);
        foreach (var (row, times) in scenario.Rows.Zip(engine.Reports))
        {
            output.WriteLine($"podman {row.EngineCheckpointTimeMs:0.0} ms (runtime {row.RuntimeCheckpointTimeMs:0.0}) checkpoint, " +
                $"{row.EngineRestoreTimeMs:0.0} ms (runtime {row.RuntimeRestoreTimeMs:0.0}) restore");
            // Each is inside the one before: the harness's checkpoint step holds Podman's, Podman's the runtime's, the runtime's CRIU's.
            Assert.InRange(row.EngineCheckpointTimeMs!.Value, row.RuntimeCheckpointTimeMs!.Value, row.CheckpointTimeMs!.Value);
            Assert.InRange(row.RuntimeCheckpointTimeMs.Value, row.CriuFrozenTimeMs!.Value, row.EngineCheckpointTimeMs.Value);
            Assert.InRange(row.EngineRestoreTimeMs!.Value, row.RuntimeRestoreTimeMs!.Value, row.RestoreTimeMs!.Value);
            Assert.InRange(row.RuntimeRestoreTimeMs.Value, row.CriuRestoreTimeMs!.Value, row.EngineRestoreTimeMs.Value);
            // CRIU's numbers as Podman reports them are those of the stats files in the archive and the restored container.
            Assert.Equal(row.CriuFreezingTimeMs, Ms(times.ReportedCriu["freezing_time"]));
            Assert.Equal(row.CriuFrozenTimeMs, Ms(times.ReportedCriu["frozen_time"]));
            Assert.Equal(row.CriuMemdumpTimeMs, Ms(times.ReportedCriu["memdump_time"]));
            Assert.Equal(row.CriuPagesWritten, times.ReportedCriu["pages_written"]);
            Assert.Equal(row.CriuRestoreTimeMs, Ms(times.ReportedCriu["restore_time"]));
            Assert.Equal(row.CriuForkingTimeMs, Ms(times.ReportedCriu["forking_time"]));
            Assert.Equal(row.CriuPagesRestored, times.ReportedCriu["pages_restored"]);
        }
        foreach (var host in lab.Hosts)
        {
            Assert.False(await ContainerMigrationScenario.ExistsAsync(host, PodmanCommands.Root), $"Podman's storage left on {host.Name}");
            var mounts = await host.RunCheckedAsync(Command.Of("findmnt", "-rn", "-o", "TARGET"));
            Assert.DoesNotContain(mounts.StandardOutput.Split('\n'), target => target.StartsWith(PodmanCommands.Root, StringComparison.Ordinal));
        }
        Assert.Empty(ContainerMigrationScenario.Leftovers(lab));
        if (!machineCacheBefore) Assert.False(Directory.Exists(MachineCache), $"podman load left its machine-wide {MachineCache}");
    }

    /// <summary>Where Podman 4.3 keeps its blob-info cache whatever --root says (workloads/host/podman-load.sh).</summary>
    private const string MachineCache = "/var/lib/containers";

    [Fact(Timeout = 300_000)]
    public async Task After_a_crash_the_labs_teardown_leaves_no_podman_container_conmon_or_storage()
    {
        RequirePodman();
        var lab = fixture.Lab;
        var engine = new PodmanEngine();
        foreach (var host in lab.Hosts) await engine.PrepareHostAsync(host, CancellationToken.None);
        await engine.StartAsync(lab.Source, BuiltinWorkloads.ByName("podman-counter"), "crash", CancellationToken.None);
        var disks = lab.Hosts.Select(host => lab.Layout.DiskOf(host.Name)).ToList();
        Assert.True(Conmons().Count > 0, "no conmon ran for the container: the test would prove nothing");

        var survivors = await ContainerMigrationScenario.CrashAndTearDownAsync(lab);

        Assert.Empty(survivors);
        Assert.Empty(Conmons());
        foreach (var disk in disks) Assert.False(Directory.Exists(Path.Combine(disk, "podman")), $"Podman's storage left in {disk}");
    }

    [Fact(Timeout = 300_000)]
    public async Task A_podman_checkpoint_a_labs_teardown_kept_is_restored_from_the_rescue_in_another_lab_its_counter_goes_on_and_that_labs_teardown_leaves_nothing()
    {
        RequirePodman();
        var lab = fixture.Lab;
        var engine = new PodmanEngine();
        foreach (var host in lab.Hosts) await engine.PrepareHostAsync(host, CancellationToken.None);
        var counter = BuiltinWorkloads.ByName("podman-counter");
        var running = await engine.StartAsync(lab.Source, counter, "rescued", CancellationToken.None);
        for (var i = 0; i < 200 && (await lab.Source.FileSizeAsync(running.OutputFile!) ?? 0) < 8; i++) await Task.Delay(50);
        // The checkpoint of a migration cut short before its restore: only the archive holds the workload.
        var images = HostPaths.ImagesDirectory("rescued-r001");
        await lab.Source.MakeDirectoryAsync(images);
        await engine.CheckpointAsync(running, images, [], CancellationToken.None);
        var log = new CollectingLog();
        await CriuBench.Hosts.Lab.Lab.DownAsync(lab.Layout.Name, ProcessRunner.Instance, log);
        var kept = System.Text.RegularExpressions.Regex.Match(string.Join("\n", log.Warnings), @"the hosts' disks are kept together in (\S+): rescued can be restored from it");
        const string restoringLab = "pod1r";
        try
        {
            Assert.True(kept.Success, string.Join("\n", log.Warnings));
            var rescued = Assert.Single(LabRescue.Read(kept.Groups[1].Value).Workloads);
            Assert.True(rescued.IsPodman);
            var restoring = await CriuBench.Hosts.Lab.Lab.UpAsync(restoringLab, lab.Rate, ProcessRunner.Instance, NullLog.Instance);

            var back = await PodmanRescue.RestoreAsync(rescued, restoring.Destination, CancellationToken.None);

            Assert.True(back.Continues, "the restored container does not print");
            var last = File.ReadAllText(rescued.OutputFile!).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ')[0];
            Assert.Equal(long.Parse(last) + 1, long.Parse(back.FirstLineAfter!.Split(' ')[0]));
            var restored = new RunningWorkload(counter, rescued.Instance, restoring.Destination, back.Container!) { OutputFile = back.OutputFile };
            Assert.True(await CriuBench.Tests.Faults.RowTruth.GrowsAsync(restored), "the restored container's output does not grow");
            Assert.True(Conmons(rescued.Instance).Count > 0, "no conmon runs for the restored container: the teardown below would prove nothing");

            // What the user does next (`lab down`): the container goes, and the cgroup parent it kept, the gone src's.
            await CriuBench.Hosts.Lab.Lab.DownAsync(restoringLab, ProcessRunner.Instance, NullLog.Instance);
            Assert.Empty(Conmons(rescued.Instance));
            Assert.Empty(ScopeCgroups([lab.Source.Identity, .. restoring.Hosts.Select(host => host.Identity)]));
        }
        finally
        {
            await CriuBench.Hosts.Lab.Lab.DownAsync(restoringLab, ProcessRunner.Instance, NullLog.Instance);
            await CriuBench.Hosts.Lab.Lab.UpAsync(lab.Layout.Name, lab.Rate, ProcessRunner.Instance, NullLog.Instance); // for the class's other tests
            if (kept.Success) Directory.Delete(kept.Groups[1].Value, recursive: true);
        }
    }

    /// <summary>The hosts' cgroup scopes in any hierarchy of this machine.</summary>
    private static List<string> ScopeCgroups(IEnumerable<string> identities) =>
        [.. from root in Directory.EnumerateDirectories("/sys/fs/cgroup").Prepend("/sys/fs/cgroup")
            from identity in identities
            let scope = Path.Combine(root, HostCgroups.Top, identity)
            where Directory.Exists(scope)
            select scope];

    private static void RequirePodman()
    {
        Requires.Criu();
        Requires.Tool("podman", "podman");
        Requires.Tool("iptables-restore", "iptables");
    }

    private static double Ms(long microseconds) => TimeSpan.FromMicroseconds(microseconds).TotalMilliseconds;

    /// <summary>conmon processes of this lab's hosts (their command line names the host's Podman storage and this test's container).</summary>
    private static List<int> Conmons(string container = "crash") =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(name => int.TryParse(name, out var pid) ? pid : 0).Where(pid => pid > 0)
            .Where(pid =>
            {
                try
                {
                    var line = File.ReadAllText($"/proc/{pid}/cmdline");
                    return line.StartsWith("/usr/bin/conmon", StringComparison.Ordinal) && line.Contains(PodmanCommands.Storage, StringComparison.Ordinal) && line.Contains(container, StringComparison.Ordinal);
                }
                catch (IOException) { return false; }
            }).ToList();

    /// <summary>The podman engine, keeping what it reported of each successful migration for the cross-check.</summary>
    private sealed class ReportKeepingEngine(PodmanEngine inner) : IWorkloadEngine
    {
        public List<EngineTimes> Reports { get; } = [];

        public string Name => inner.Name;
        public CriuBench.Preflight.Support Supports(Combination combination) => inner.Supports(combination);
        public Task PrepareHostAsync(IHost host, CancellationToken ct) => inner.PrepareHostAsync(host, ct);
        public Task ShutdownAsync(IHost host, CancellationToken ct) => inner.ShutdownAsync(host, ct);
        public Task<RunningWorkload> StartAsync(IHost host, WorkloadSpec spec, string instance, CancellationToken ct) => inner.StartAsync(host, spec, instance, ct);
        public Task CheckpointAsync(RunningWorkload workload, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct) =>
            inner.CheckpointAsync(workload, imagesDirectory, options, ct);
        public Task PrepareRestoreAsync(IHost destination, RunningWorkload workload, CancellationToken ct) => inner.PrepareRestoreAsync(destination, workload, ct);
        public Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, CancellationToken ct) =>
            inner.RestoreAsync(host, checkpointed, imagesDirectory, ct);
        public Task<ResumedWorkload> ResumeAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct) =>
            inner.ResumeAsync(host, checkpointed, imagesDirectory, options, ct);
        public Task StopAsync(RunningWorkload workload, CancellationToken ct) => inner.StopAsync(workload, ct);

        public EngineTimes? TimesOf(RunningWorkload restored)
        {
            var times = inner.TimesOf(restored);
            if (times is not null) Reports.Add(times);
            return times;
        }
    }
}
