using CriuBench.Logging;
using CriuBench.Vocabulary;

namespace CriuBench.Hosts;

/// <summary>
/// Where a run's hosts come from: the embedded netns lab, a VM lab CriuBench boots, or machines
/// the user already has. Up cleans whatever a crashed earlier run of the same provider left.
/// </summary>
public interface IHostProvider
{
    /// <summary>As `--hosts` names it: "lab", "vm", or the hosts file.</summary>
    string Name { get; }

    /// <summary>The host kind its hosts report (<see cref="IHostSet.Kind"/>), known before they are up.</summary>
    string Kind { get; }

    /// <summary>Whether the link between its hosts can be shaped to a given rate.</summary>
    bool CanShapeLink { get; }

    /// <summary>
    /// Whether each of its hosts has a mount namespace of its own on the controller, so a bind mount
    /// made there (e.g. of another CRIU build over the hosts' criu) is that host's alone and goes
    /// with it. Only the embedded lab's do; other hosts are whole machines.
    /// </summary>
    bool HostsHaveOwnMounts => false;

    Task<IHostSet> UpAsync(LinkRate rate, ILog log, CancellationToken ct);
}
