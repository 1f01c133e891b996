using CriuBench.Execution;
using CriuBench.Logging;
using CriuBench.Vocabulary;

namespace CriuBench.Hosts.Ssh;

/// <summary>
/// Two machines reached over ssh. Their link is whatever the network gives (it cannot be shaped).
/// Disposing removes what the run left on both (<see cref="HostCleanup"/>), then closes the reused
/// connections: the hosts' own to each other, and the controller's.
/// </summary>
public sealed class SshHostSet(IReadOnlyList<SshHost> hosts, string controlDirectory, ILog log, SshHost? client = null, ServiceAddress? service = null) : IHostSet
{
    private readonly SshServices? services = client is not null && service is not null ? new SshServices(client, service, hosts) : null;

    public string Kind => SshHostProvider.HostKind;
    public IReadOnlyList<SshHost> SshHosts { get; } = hosts;
    public IReadOnlyList<IHost> Hosts => SshHosts;
    public LinkRate Rate => LinkRate.Unshaped;
    public bool CanShapeLink => false;

    /// <summary>The hosts file's client host and floating service address, where it names them.</summary>
    public IServiceNetwork? Services => services;

    public string? ServicesMissing => services is not null ? null :
        "the hosts file names no 'client' (the host service clients run on) and 'service' (a floating address both hosts may carry, and its interface), which service workloads need";

    /// <summary>The service address on the first host before the first workload (where the hosts file names one).</summary>
    public Task PlaceServiceAddressAsync(CancellationToken ct) => services?.PlaceAsync(ct) ?? Task.CompletedTask;

    public Task SetRateAsync(LinkRate rate, CancellationToken ct) =>
        throw new NotSupportedException($"the link between ssh hosts runs at whatever the network gives: it cannot be shaped to {rate}");

    /// <summary>What earlier (crashed) runs left on the hosts; also the first step of every run.</summary>
    public async Task CleanAsync(CancellationToken ct)
    {
        foreach (var host in client is null ? SshHosts : [.. SshHosts, client])
        {
            var result = await host.RunAsync(HostCleanup.For(host), ct);
            if (!result.Succeeded) log.Warning($"cleaning {host.Name} failed: {result.StandardError.Trim()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var (from, to) in Pairs())
                await from.RunAsync(Command.Of("ssh", [.. to.Ssh.SshOptions, "-O", "exit", to.Ssh.Target]), CancellationToken.None);
            await CleanAsync(CancellationToken.None);
            if (services is not null) await services.RemoveAsync(CancellationToken.None);
        }
        finally
        {
            foreach (var host in SshHosts) await host.CloseAsync(CancellationToken.None);
            if (client is not null) await client.CloseAsync(CancellationToken.None);
            if (Directory.Exists(controlDirectory)) Directory.Delete(controlDirectory, recursive: true);
        }
    }

    /// <summary>Both directions between the two hosts.</summary>
    public IEnumerable<(SshHost From, SshHost To)> Pairs() => [(SshHosts[0], SshHosts[1]), (SshHosts[1], SshHosts[0])];
}
