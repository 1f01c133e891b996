using CriuBench.Execution;
using CriuBench.Logging;
using CriuBench.Vocabulary;

namespace CriuBench.Hosts.Ssh;

/// <summary>
/// Two machines reached over ssh. Their link is whatever the network gives (it cannot be shaped).
/// Disposing removes what the run left on both (<see cref="HostCleanup"/>), then closes the reused
/// connections: the hosts' own to each other, and the controller's.
/// </summary>
public sealed class SshHostSet(IReadOnlyList<SshHost> hosts, string controlDirectory, ILog log) : IHostSet
{
    public string Kind => SshHostProvider.HostKind;
    public IReadOnlyList<SshHost> SshHosts { get; } = hosts;
    public IReadOnlyList<IHost> Hosts => SshHosts;
    public LinkRate Rate => LinkRate.Unshaped;
    public bool CanShapeLink => false;

    /// <summary>
    /// A hosts file names two hosts and no client host or floating service address (both hosts
    /// would carry it, and something would have to move it): service workloads are refused here.
    /// </summary>
    public string? ServicesMissing =>
        "a hosts file names only the two migration hosts: there is no client host to run the clients on and no service_address both hosts may carry, which service workloads need (a hosts file cannot name them yet); run them on the netns lab";

    public Task SetRateAsync(LinkRate rate, CancellationToken ct) =>
        throw new NotSupportedException($"the link between ssh hosts runs at whatever the network gives: it cannot be shaped to {rate}");

    /// <summary>What earlier (crashed) runs left on the hosts; also the first step of every run.</summary>
    public async Task CleanAsync(CancellationToken ct)
    {
        foreach (var host in SshHosts)
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
        }
        finally
        {
            foreach (var host in SshHosts) await host.CloseAsync(CancellationToken.None);
            if (Directory.Exists(controlDirectory)) Directory.Delete(controlDirectory, recursive: true);
        }
    }

    /// <summary>Both directions between the two hosts.</summary>
    public IEnumerable<(SshHost From, SshHost To)> Pairs() => [(SshHosts[0], SshHosts[1]), (SshHosts[1], SshHosts[0])];
}
