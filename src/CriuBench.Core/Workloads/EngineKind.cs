using CriuBench.Preflight;

namespace CriuBench.Workloads;

/// <summary>
/// An engine as a workload's `engine:` names it, resolved once: what it passes on to CRIU is asked
/// here; <see cref="Create"/> makes the one engine a run prepares on its hosts and shuts down at the end.
/// </summary>
public sealed class EngineKind(EngineCapabilities capabilities, Func<IWorkloadEngine> create)
{
    public string Name => Capabilities.Name;

    public EngineCapabilities Capabilities { get; } = capabilities;

    public IWorkloadEngine Create() => create();

    public override string ToString() => Name;
}
