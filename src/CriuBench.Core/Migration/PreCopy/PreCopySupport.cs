using CriuBench.Preflight;
using CriuBench.Transfer;

namespace CriuBench.Migration.PreCopy;

/// <summary>What CRIU pre-copy needs of the hosts and the strategy, asked when the suite loads.</summary>
public static class PreCopySupport
{
    public const string NoSoftDirty =
        "this kernel has no soft-dirty tracking (CONFIG_MEM_SOFT_DIRTY): criu pre-dump cannot find changed pages; use the VM lab (--hosts vm) or real hosts";

    public static Support Check(Combination combination) =>
        Support.Unless(combination.HostsWithout(host => host.SoftDirty) is not { } lacking, $"{NoSoftDirty} (lacking: {combination.HostsWithout(host => host.SoftDirty)})")
            .Then(() => Support.Unless(MovesRounds(combination.Strategy),
                $"the {combination.Strategy} strategy cannot move pre-copy rounds while the workload runs"));

    private static bool MovesRounds(string strategyName)
    {
        var strategy = TransferStrategies.Create(strategyName);
        try { return strategy is IPreCopyTransfer; }
        finally { strategy.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }
}
