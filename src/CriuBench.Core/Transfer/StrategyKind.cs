using CriuBench.Logging;
using CriuBench.Preflight;
using CriuBench.Workloads;

namespace CriuBench.Transfer;

/// <summary>
/// A strategy as a suite names it, resolved once: what it can do and what it needs of the hosts
/// are asked here, without making one; <see cref="Create"/> makes the instance a run sets up on
/// its hosts and disposes after its last migration.
/// </summary>
public sealed class StrategyKind(StrategyCapabilities capabilities, Func<ILog?, ITransferStrategy> create, Func<Combination, Support>? supports = null)
{
    public string Name => Capabilities.Name;

    public StrategyCapabilities Capabilities { get; } = capabilities;

    /// <summary>Whether it can move this combination's checkpoints between these hosts (asked when the suite loads).</summary>
    public Support Supports(Combination combination) => supports?.Invoke(combination) ?? Support.Yes;

    /// <param name="log">Where a strategy that sets something up on the hosts says what it did (and what an earlier crash left).</param>
    public ITransferStrategy Create(ILog? log = null) => create(log);

    public override string ToString() => Name;
}
