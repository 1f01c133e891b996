using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Containers;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Vm;

/// <summary>
/// runc on cgroup v2 (the VM lab's Debian): CRIU restores a container's tasks into the cgroup they
/// were dumped from, the source host's path, while runc keeps the one it made on the destination;
/// the container's next checkpoint then failed ("Unseizable non-zombie ... state S"). The netns lab
/// runs on cgroup v1, where runc maps the paths itself, so only the VMs can show it. The engine
/// and driver directly, not a whole run: a runc migration takes about 10 s under TCG.
/// </summary>
[Collection(VmLabCollection.Name)]
public class RuncOnVmLabTests(SharedVmLab lab)
{
    [VmLabFact]
    public async Task A_runc_container_restored_on_the_other_vm_migrates_back()
    {
        var hostSet = await lab.HostsAsync();
        foreach (var host in hostSet.Hosts)
            Assert.Equal("cgroup2fs", (await host.RunCheckedAsync(Command.Of("stat", "-fc", "%T", "/sys/fs/cgroup"))).StandardOutput.Trim());
        var engine = new RuncEngine();
        foreach (var host in hostSet.Hosts) await engine.PrepareHostAsync(host, default);
        var running = (RunningWorkload?)null;
        await using var strategy = TransferStrategies.Create("tar");
        try
        {
            running = await engine.StartAsync(hostSet.Hosts[0], BuiltinWorkloads.Create("runc-counter", new Dictionary<string, string>()), "runc-vm", default);
            await WorkloadOutput.WaitForOutputOnVmAsync(running);
            // There, and back: the way back is the restored container's own checkpoint.
            foreach (var (repetition, destination) in new[] { (1, hostSet.Hosts[1]), (2, hostSet.Hosts[0]) })
            {
                var result = await new MigrationDriver(NullLog.Instance).RunAsync(
                    new MigrationRequest("runc-vm", repetition, running!, destination, engine, strategy, "unshaped") { HostKind = hostSet.Kind }, default);
                running = result.Workload;
                Assert.True(result.Record.Succeeded, result.Record.FailureReason);
                Assert.Equal(0, result.Record.CounterGap);
            }
        }
        finally
        {
            if (running is not null) await engine.StopAsync(running, default);
            foreach (var host in hostSet.Hosts)
            {
                await engine.ShutdownAsync(host, default);
                await host.RemoveAsync(HostPaths.WorkloadDirectory("runc-vm"));
            }
        }
    }
}
