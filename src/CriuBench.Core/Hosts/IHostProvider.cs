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

    Task<IHostSet> UpAsync(LinkRate rate, ILog log, CancellationToken ct);
}
