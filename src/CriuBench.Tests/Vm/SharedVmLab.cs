using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Vm;
using CriuBench.Logging;
using CriuBench.Vocabulary;
using CriuBench.Hosts.Kinds;

namespace CriuBench.Tests.Vm;

/// <summary>
/// The one VM lab "nvm" of the whole VM test collection, brought up through the host-provider
/// seam when a test first asks for it (a skipped test boots nothing) and taken down after the
/// collection's last test: a boot costs about 90 s under TCG, too much to pay per class.
/// </summary>
public sealed class SharedVmLab : IAsyncLifetime
{
    public const string Name = "nvm";

    private readonly SemaphoreSlim booting = new(1, 1);
    private IHostSet? hosts;

    public async Task<IHostSet> HostsAsync()
    {
        Support.Requires.Root();
        await booting.WaitAsync();
        try
        {
            if (hosts is null)
                hosts = await HostProviders.Create(new HostsChoice(VmLabFactAttribute.Provider, Name, ProcessRunner.Instance))
                    .UpAsync(LinkRate.Unshaped, NullLog.Instance, CancellationToken.None);
            else // a suite run through the hosts file removed the workloads' programs when it ended, as it must
                await HostAssets.InstallAsync(hosts.Hosts, CancellationToken.None);
            return hosts;
        }
        finally { booting.Release(); }
    }

    /// <summary>
    /// The lab as a hosts file, for a whole suite run through the ssh provider: a run with
    /// `hosts: vm` would boot (and first tear down) a lab of its own.
    /// </summary>
    public async Task<string> HostsFileAsync()
    {
        await HostsAsync();
        return await VmHostsFile.WriteAsync(VmLayout.For(Name), CancellationToken.None);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (hosts is not null) await hosts.DisposeAsync();
        booting.Dispose();
    }
}
