using CriuBench.Migration;
using CriuBench.Transfer;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Migration.Modes;

namespace CriuBench.Suites;

/// <summary>One experiment: which workloads move how, how often, over which link rates, between which hosts.</summary>
public sealed record Suite
{
    public string Name { get; init; } = "default";
    public required IReadOnlyList<WorkloadSpec> Workloads { get; init; }

    /// <summary>How checkpoints move, resolved from their names when the suite loads.</summary>
    public required IReadOnlyList<StrategyKind> Strategies { get; init; }

    /// <summary>How memory moves (cold, postcopy, ...): every workload runs under each, where the hosts support it.</summary>
    public IReadOnlyList<ModeKind> Modes { get; init; } = DefaultModes;

    /// <summary>What a suite that names no strategies runs.</summary>
    public static IReadOnlyList<StrategyKind> DefaultStrategies => [TransferStrategies.Resolve("tar"), TransferStrategies.Resolve("sshfs")];

    public static IReadOnlyList<ModeKind> DefaultModes => [MigrationModes.Resolve(ModeNames.Cold)];

    /// <summary>Where the hosts come from: "lab" (the embedded netns lab), "vm", or a hosts file.</summary>
    public string Hosts { get; init; } = CriuBench.Hosts.Kinds.HostProviders.Default;
    public int Repetitions { get; init; } = 5;
    public IReadOnlyList<LinkRate> LinkRates { get; init; } = [LinkRate.Default];
    public string LabName { get; init; } = "cb";

    /// <summary>Stop at the first failed migration instead of recording it and going on.</summary>
    public bool StopOnFailure { get; init; }

    /// <summary>The share of the suite's cells this run does (`run --shard I/N`); the whole suite by default.</summary>
    public Shard Shard { get; init; } = Shard.Whole;

    /// <summary>The CRIU build every host migrates with (`run --criu VERSION`); null: the hosts' own criu.</summary>
    public CriuBuild? CriuBuild { get; init; }

    /// <summary>Keep every migration's CRIU logs, not only those of failures.</summary>
    public bool KeepLogs { get; init; }

    /// <summary>The `precopy:` key: pre-copy's stop rule and its parameters.</summary>
    public Migration.PreCopy.PreCopySettings PreCopy { get; init; } = Migration.PreCopy.PreCopySettings.Default;

    public int MigrationCount => LinkRates.Sum(rate => Workloads.Count(w => w.RunsAt(rate))) * Strategies.Count * Modes.Count * Repetitions;
}
