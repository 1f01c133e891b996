using CriuBench.Vocabulary;

namespace CriuBench.Hosts;

/// <summary>
/// The hosts one run migrates between, brought up (or connected to) by an <see cref="IHostProvider"/>.
/// Disposing it removes everything the provider made (namespaces, VMs, connections) and
/// everything the run left on the hosts' disks.
/// </summary>
public interface IHostSet : IAsyncDisposable
{
    /// <summary>The host kind every row carries (e.g. "lab-netns", "vm-qemu", "ssh"): times are only comparable within one.</summary>
    string Kind { get; }

    /// <summary>The workload starts on the first host; migrations go back and forth between the first two.</summary>
    IReadOnlyList<IHost> Hosts { get; }

    /// <summary>The rate the link between the hosts runs at now.</summary>
    LinkRate Rate { get; }

    /// <summary>Whether <see cref="SetRateAsync"/> can shape the link; a real network runs at whatever it runs at.</summary>
    bool CanShapeLink { get; }

    Task SetRateAsync(LinkRate rate, CancellationToken ct);

    /// <summary>The client host and the moving service address, where these hosts have them; null: service workloads are refused here.</summary>
    IServiceNetwork? Services => null;

    /// <summary>Why <see cref="Services"/> is null, for the refusal ("the vm-qemu lab has no client host").</summary>
    string? ServicesMissing => Services is null ? $"the {Kind} hosts have no client host and service address" : null;
}
