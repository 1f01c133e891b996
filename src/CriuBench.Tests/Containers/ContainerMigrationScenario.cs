using CriuBench.Tests.Support;
using System.Globalization;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Lab;
using CriuBench.Logging;
using CriuBench.Measurements;
using CriuBench.Migration;
using CriuBench.Transfer;
using CriuBench.Workloads;
using Xunit.Abstractions;

namespace CriuBench.Tests.Containers;

/// <summary>
/// What both container engines' integration tests do on a real lab: prepare both hosts, migrate a
/// counter src -> dst -> src with each transfer strategy, then stop and shut the engine down.
/// </summary>
internal sealed class ContainerMigrationScenario(CriuBench.Hosts.Lab.Lab lab, IWorkloadEngine engine, WorkloadSpec spec, ITestOutputHelper output)
{
    public List<MigrationRecord> Rows { get; } = [];

    public async Task RunAsync()
    {
        foreach (var host in lab.Hosts) await engine.PrepareHostAsync(host, CancellationToken.None);
        try
        {
            foreach (var strategy in new ITransferStrategy[] { new TarTransfer(), new SshfsTransfer(SshfsTransfer.OlderName) })
            {
                await using (strategy)
                {
                    await strategy.SetUpAsync(lab.Hosts, CancellationToken.None);
                    await MigrateThereAndBackAsync(strategy);
                }
            }
        }
        finally
        {
            foreach (var host in lab.Hosts) await engine.ShutdownAsync(host, CancellationToken.None);
        }
    }

    private async Task MigrateThereAndBackAsync(ITransferStrategy strategy)
    {
        var instance = $"{spec.Name}-{strategy.Name}";
        var running = await engine.StartAsync(lab.Source, spec, instance, CancellationToken.None);
        try
        {
            await WaitForOutputAsync(running);
            var migration = new MigrationDriver(NullLog.Instance);
            for (var repetition = 1; repetition <= 2; repetition++)
            {
                var destination = running.Host == lab.Source ? lab.Destination : lab.Source;
                var result = await migration.RunAsync(new MigrationRequest("test", repetition, running, destination, engine, strategy, lab.Rate.Label), CancellationToken.None);
                var row = result.Record;
                output.WriteLine(Describe(row));
                Rows.Add(row);
                Assert.True(row.Succeeded, row.FailureReason);
                Assert.Equal(destination.Name, row.WorkloadRunsOn);
                Assert.Equal(0, row.CounterGap);
                Assert.NotNull(row.CriuFreezingTimeMs);
                Assert.NotNull(row.CriuRestoreTimeMs);
                Assert.True(row.ImageBytes > 0, "the images directory holds no images");
                running = result.Workload!;
                await Task.Delay(300);
            }
        }
        finally
        {
            await engine.StopAsync(running, CancellationToken.None);
            foreach (var host in lab.Hosts) await host.RemoveAsync(HostPaths.WorkloadDirectory(instance));
        }
    }

    private static async Task WaitForOutputAsync(RunningWorkload workload)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await workload.Host.FileSizeAsync(workload.OutputFile) ?? 0) < 4)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{workload.Spec.Name} printed nothing to {workload.OutputFile} on {workload.Host.Name} within 10 s");
            await Task.Delay(50);
        }
        await Task.Delay(300);
    }

    private static string Describe(MigrationRecord row) => string.Create(CultureInfo.InvariantCulture,
        $"{row.Engine} {row.Strategy} {row.Source}->{row.Destination}: ok={row.Succeeded} gap={row.CounterGap} " +
        $"checkpoint={row.CheckpointTimeMs:0.0}ms transfer={row.TransferTimeMs:0.0}ms restore={row.RestoreTimeMs:0.0}ms stop={row.StopTimeMs:0.0}ms " +
        $"criu: freezing={row.CriuFreezingTimeMs:0.0}ms frozen={row.CriuFrozenTimeMs:0.0}ms memdump={row.CriuMemdumpTimeMs:0.0}ms " +
        $"restore={row.CriuRestoreTimeMs:0.0}ms forking={row.CriuForkingTimeMs:0.0}ms pages={row.CriuPagesWritten} " +
        $"image={row.ImageBytes}B app-downtime={row.AppDowntimeMs:0.0}ms {row.FailureReason}");

    /// <summary>
    /// What of the containers is still there: cgroups of either host, processes in the lab besides
    /// its own infrastructure (sshd, and the ssh connection masters the lab reuses).
    /// </summary>
    public static IReadOnlyList<string> Leftovers(CriuBench.Hosts.Lab.Lab lab) =>
        [.. Cgroups(lab), .. Processes(ProcessSnapshot.Of(Namespaces(lab)))];

    private static IEnumerable<string> Cgroups(CriuBench.Hosts.Lab.Lab lab) =>
        from host in lab.Hosts
        from root in CgroupHierarchies()
        let scope = Path.Combine(root, HostCgroups.Top, host.Identity)
        where Directory.Exists(scope)
        select $"cgroup {scope}";

    /// <summary>Those of the processes still alive, but the lab's own ssh plumbing.</summary>
    private static IEnumerable<string> Processes(ProcessSnapshot processes) =>
        from pid in processes.Alive()
        let command = Comm(pid)
        where command is not null and not "sshd" and not "ssh" and not "nsenter" and not "enter-host"
        select $"process {pid} ({command})";

    /// <summary>The identities of the lab's network and mount namespaces.</summary>
    public static IReadOnlySet<string> Namespaces(CriuBench.Hosts.Lab.Lab lab) =>
        LabLayout.HostNames
            .SelectMany(name => new[]
            {
                NamespaceProcesses.IdentityOf(lab.Layout.NetworkNamespaceFile(name), "net"),
                NamespaceProcesses.IdentityOf(lab.Layout.MountNamespaceFile(name), "mnt"),
            })
            .OfType<string>().ToHashSet();

    /// <summary>
    /// Tears the lab down as `lab down` after a crash would (no engine shutdown), returns what
    /// survived, and brings the lab back up under the same name for the class's other tests.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CrashAndTearDownAsync(CriuBench.Hosts.Lab.Lab lab)
    {
        var before = ProcessSnapshot.Of(Namespaces(lab)); // taken before: see ProcessSnapshot
        await CriuBench.Hosts.Lab.Lab.DownAsync(lab.Layout.Name, ProcessRunner.Instance, NullLog.Instance);
        IReadOnlyList<string> survivors = [.. Cgroups(lab), .. Processes(before)];
        await CriuBench.Hosts.Lab.Lab.UpAsync(lab.Layout.Name, lab.Rate, ProcessRunner.Instance, NullLog.Instance);
        return survivors;
    }

    public static async Task<bool> ExistsAsync(IHost host, string path) =>
        (await host.RunAsync(Command.Of("test", "-e", path))).Succeeded;

    private static IEnumerable<string> CgroupHierarchies() =>
        File.ReadAllLines("/proc/self/mountinfo")
            .Select(line => line.Split(" - "))
            .Where(parts => parts.Length == 2 && parts[1].Split(' ')[0] is "cgroup" or "cgroup2")
            .Select(parts => parts[0].Split(' ')[4]);

    private static string? Comm(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return null; }
    }
}
