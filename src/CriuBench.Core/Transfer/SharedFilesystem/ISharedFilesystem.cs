using CriuBench.Hosts;
using CriuBench.Preflight;
using CriuBench.Workloads;

namespace CriuBench.Transfer.SharedFilesystem;

/// <summary>
/// A network filesystem that every host of a run mounts at <see cref="HostPaths.SharedMount"/>, so
/// a checkpoint written there on one host is read at the same path on another (the "how the
/// filesystem moves" driver, as p.haul's fs_haul_shared). The first host serves it.
/// </summary>
public interface ISharedFilesystem
{
    /// <summary>"sshfs", "nfs": for logs and refusals.</summary>
    string Name { get; }

    /// <summary>Whether these hosts can serve (the first) and mount (every one) it; asked when the suite loads.</summary>
    Support Supports(Combination combination);

    /// <summary>
    /// Serves it from <c>hosts[0]</c> and mounts it on every host. What it made so far is
    /// recorded, so <see cref="UnmountAsync"/> removes it even when this fails halfway.
    /// </summary>
    Task MountAsync(IReadOnlyList<IHost> hosts, CancellationToken ct);

    /// <summary>Unmounts it everywhere and removes everything <see cref="MountAsync"/> made; safe to call when nothing was.</summary>
    Task UnmountAsync();

    /// <summary>
    /// What a run that crashed left on this host (mounts, exports, a server it started,
    /// directories): removes it and says what it removed, one line each (empty: nothing was left).
    /// </summary>
    Task<IReadOnlyList<string>> RemoveLeftoversAsync(IHost host, CancellationToken ct);
}
