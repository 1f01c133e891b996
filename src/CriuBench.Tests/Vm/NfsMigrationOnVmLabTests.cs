using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Transfer.SharedFilesystem;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Vm;

/// <summary>
/// Real NFS on the VM lab (the classic lab: the first VM exports, both mount at the same path):
/// the counter migrates there and back through it, and nothing NFS is left afterwards, also
/// after a run that "crashed" with everything mounted.
/// </summary>
[Collection(CriuBench.Tests.Vm.VmLabCollection.Name)]
public sealed class NfsMigrationOnVmLabTests(SharedVmLab fixture)
{
    [VmLabFact]
    public async Task Both_vms_pass_criu_check_over_ssh_with_host_keys_checked_and_have_soft_dirty_and_uffd()
    {
        var hostSet = await fixture.HostsAsync();
        Assert.Equal("vm-qemu", hostSet.Kind);
        foreach (var host in hostSet.Hosts.Cast<CriuBench.Hosts.Ssh.SshHost>())
        {
            Assert.Contains("StrictHostKeyChecking=yes", host.Control.SshOptions);
            var check = await host.RunAsync(Command.Of("criu", "check"));
            Assert.True(check.Succeeded, $"{host}: {check.StandardError}");
            Assert.Contains("Looks good", check.StandardOutput + check.StandardError);
            Assert.Equal(host.Name, (await host.RunCheckedAsync(Command.Of("hostname"))).StandardOutput.Trim());
            var features = await CriuBench.Preflight.HostProbe.ProbeAsync(host, default);
            Assert.True(features.SoftDirty && features.Uffd && features.NfsServer && features.NfsClient, $"{host}: {features}");
        }
    }

    [VmLabFact]
    public async Task Sshfs_makes_the_mount_point_a_vm_lacks_moves_the_counter_and_removes_it_again()
    {
        var hostSet = await fixture.HostsAsync();
        var (source, destination) = (hostSet.Hosts[0], hostSet.Hosts[1]);
        foreach (var host in hostSet.Hosts) // as on a fresh machine of the user's
            await host.RunCheckedAsync(Command.Of("bash", "-c", "! mountpoint -q \"$1\" && rm -rf \"$1\"", "_", HostPaths.SharedMount));
        var engine = new ProcessEngine();
        var running = (RunningWorkload?)null;
        await using (var strategy = TransferStrategies.Create("shared"))
        {
            await strategy.SetUpAsync(hostSet.Hosts, default);
            running = await engine.StartAsync(source, BuiltinWorkloads.ShellCounter(), "sshfs-counter", default);
            try
            {
                await WorkloadOutput.WaitForOutputOnVmAsync(running);
                var result = await new MigrationDriver(NullLog.Instance).RunAsync(
                    new MigrationRequest("sshfs-vm", 1, running, destination, engine, strategy, "unshaped") { HostKind = hostSet.Kind }, default);
                Assert.True(result.Record.Succeeded, result.Record.FailureReason);
                Assert.Equal(0, result.Record.CounterGap);
                running = result.Workload!;
            }
            finally
            {
                if (running is not null) await engine.StopAsync(running, default);
                foreach (var host in hostSet.Hosts) await host.RemoveAsync(HostPaths.WorkloadDirectory("sshfs-counter"));
            }
        }
        foreach (var host in hostSet.Hosts)
            Assert.False((await host.RunAsync(Command.Of("test", "-e", HostPaths.SharedMount))).Succeeded, $"{HostPaths.SharedMount} left on {host.Name}");
    }

    [VmLabFact]
    public async Task The_counter_migrates_there_and_back_over_nfs_4_2_without_losing_a_value_and_nfs_is_gone_afterwards()
    {
        var hostSet = await fixture.HostsAsync();
        var (source, destination) = (hostSet.Hosts[0], hostSet.Hosts[1]);
        var before = await NfsStateAsync(source);
        var engine = new ProcessEngine();
        var running = (RunningWorkload?)null;
        await using (var strategy = TransferStrategies.Create("nfs"))
        {
            await strategy.SetUpAsync(hostSet.Hosts, default);
            foreach (var host in hostSet.Hosts)
            {
                var mount = (await host.RunCheckedAsync(Command.Of("findmnt", "-n", "-r", "-o", "FSTYPE,SOURCE,OPTIONS", HostPaths.SharedMount))).StandardOutput;
                Assert.StartsWith($"nfs4 {source.Ssh.Address}:{NfsCommands.Export} ", mount);
                Assert.Contains("vers=4.2", mount);
            }

            running = await engine.StartAsync(source, BuiltinWorkloads.ShellCounter(), "nfs-counter", default);
            try
            {
                await WorkloadOutput.WaitForOutputOnVmAsync(running);
                foreach (var (repetition, to) in new[] { (1, destination), (2, source) })
                {
                    var result = await new MigrationDriver(NullLog.Instance).RunAsync(
                        new MigrationRequest("nfs-vm", repetition, running, to, engine, strategy, "unshaped") { HostKind = hostSet.Kind }, default);
                    var row = result.Record;
                    Assert.True(row.Succeeded, row.FailureReason);
                    Assert.Equal(to.Name, row.WorkloadRunsOn);
                    Assert.Equal(0, row.CounterGap);
                    running = result.Workload!;
                    await Task.Delay(running.Spec.Interval * 3);
                }
            }
            finally
            {
                if (running is not null) await engine.StopAsync(running, default);
                foreach (var host in hostSet.Hosts) await host.RemoveAsync(HostPaths.WorkloadDirectory("nfs-counter"));
            }
        }

        await AssertNothingNfsLeftAsync(hostSet, before);
    }

    [VmLabFact]
    public async Task A_start_after_a_crash_with_nfs_mounted_removes_the_mounts_and_exports_and_says_so()
    {
        var hostSet = await fixture.HostsAsync();
        var before = await NfsStateAsync(hostSet.Hosts[0]);
        var crashed = TransferStrategies.Create("nfs");
        await crashed.SetUpAsync(hostSet.Hosts, default); // never disposed: the run "crashed" here

        var log = new CollectingLog();
        await using (var next = TransferStrategies.Create("nfs", log))
        {
            await next.SetUpAsync(hostSet.Hosts, default);

            foreach (var host in hostSet.Hosts)
                Assert.Contains(log.Infos, line => line.StartsWith($"{host.Name}: unmounted nfs4 ", StringComparison.Ordinal));
            Assert.Contains(log.Infos, line => line.StartsWith($"{hostSet.Hosts[0].Name}: unexported {NfsCommands.Export} from ", StringComparison.Ordinal));
            Assert.Contains($"{hostSet.Hosts[0].Name}: removed {NfsCommands.Export} (left by an earlier run that did not finish)", log.Infos);
        }

        await AssertNothingNfsLeftAsync(hostSet, before);
    }

    /// <summary>No mount at the shared path on any host, no export of ours, no export directory, and nfsd as it was before.</summary>
    private static async Task AssertNothingNfsLeftAsync(IHostSet hostSet, string before)
    {
        foreach (var host in hostSet.Hosts)
        {
            var mounted = (await host.RunCheckedAsync(SharedMount.List())).StandardOutput;
            Assert.True(mounted.Length == 0, $"still mounted at {HostPaths.SharedMount} on {host.Name}: {mounted}");
        }
        var server = hostSet.Hosts[0];
        var etab = await server.TryReadTextAsync("/var/lib/nfs/etab") ?? "";
        Assert.DoesNotContain(NfsCommands.Export, etab);
        Assert.Null(await server.FileSizeAsync(NfsCommands.Export));
        Assert.Null(await server.FileSizeAsync(NfsCommands.ServerState));
        Assert.Equal(before, await NfsStateAsync(server));
    }

    /// <summary>Whether nfsd runs (has threads), so a test can check that a server it found running still runs and one it started is stopped.</summary>
    private static async Task<string> NfsStateAsync(IHost host) =>
        int.TryParse((await host.TryReadTextAsync("/proc/fs/nfsd/threads"))?.Trim(), out var threads) && threads > 0 ? "running" : "stopped";
}
