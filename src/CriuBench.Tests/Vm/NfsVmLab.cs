using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Lab;
using CriuBench.Logging;

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
        return hosts;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (hosts is not null) await hosts.DisposeAsync();
    }
}
