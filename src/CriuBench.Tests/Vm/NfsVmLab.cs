using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Lab;
using CriuBench.Logging;
using CriuBench.Workloads;

namespace CriuBench.Tests.Vm;

/// <summary>
/// The VM lab "nvm" brought up through the host-provider seam, once for the tests of a class and
/// only when one of them runs (a skipped test boots nothing).
/// </summary>
public sealed class NfsVmLab : IAsyncLifetime
{
    public const string Name = "nvm";

    private IHostSet? hosts;

    public async Task<IHostSet> HostsAsync()
    {
        Support.Requires.Root();
        if (hosts is not null) return hosts;
        hosts = await HostProviders.Create(new HostsChoice(VmLabFactAttribute.Provider, Name, ProcessRunner.Instance))
            .UpAsync(LinkRate.Unshaped, NullLog.Instance, CancellationToken.None);
        foreach (var host in hosts.Hosts) await PutCounterAsync(host);
        return hosts;
    }

    /// <summary>
    /// The shell counter's two scripts at the controller's path on a host that lacks them: until
    /// workload files reach every host by themselves (issue 7), a VM has only what its image holds.
    /// </summary>
    private static async Task PutCounterAsync(IHost host)
    {
        foreach (var script in new[] { WorkloadAssets.Launcher, WorkloadAssets.File("counter.sh") })
        {
            if ((await host.RunAsync(Command.Of("test", "-f", script))).Succeeded) continue;
            await host.MakeDirectoryAsync(Path.GetDirectoryName(script)!);
            await host.WriteTextAsync(script, await File.ReadAllTextAsync(script));
            await host.RunCheckedAsync(Command.Of("chmod", "755", script));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (hosts is not null) await hosts.DisposeAsync();
    }
}
