using CriuBench.Preflight;
using CriuBench.Transfer;
using CriuBench.Workloads;

namespace CriuBench.Migration.PreCopy;

/// <summary>What CRIU pre-copy needs of the hosts and the strategy, asked when the suite loads.</summary>
public static class PreCopySupport
{
    public const string NoSoftDirty =
        "this kernel has no soft-dirty tracking (CONFIG_MEM_SOFT_DIRTY): criu pre-dump cannot find changed pages; use the VM lab (--hosts vm) or real hosts";

    public static Support Check(Combination combination) =>
        Support.Unless(combination.HostsWithout(host => host.SoftDirty) is not { } lacking, $"{NoSoftDirty} (lacking: {combination.HostsWithout(host => host.SoftDirty)})")
            .Then(() => Support.Unless(combination.Strategy.MovesPreCopyRounds,
                $"the {combination.Strategy.Name} strategy cannot move pre-copy rounds while the workload runs"))
            // An engine that passes no CRIU options at all refuses every live mode itself, with its reason.
            .Then(() => Support.Unless(combination.Engine.PreDump || !combination.Engine.PassesCriuOptions,
                $"the {combination.Engine.Name} engine cannot pre-dump (write pre-copy rounds while the workload runs): use process or runc"));

    /// <summary>The strategy as one that moves rounds: the plan refused the others when the suite loaded.</summary>
    public static IPreCopyTransfer Rounds(ITransferStrategy strategy) =>
        strategy.PreCopyRounds ?? throw new InvalidOperationException($"the {strategy.Name} strategy cannot move pre-copy rounds (the plan should have refused it)");
}
