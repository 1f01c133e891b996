using CriuBench.Lab;
using CriuBench.Workloads;

namespace CriuBench.Suites;

/// <summary>One experiment: which workloads move how, how often, over which link rates, between which hosts.</summary>
public sealed record Suite
{
    public string Name { get; init; } = "default";
    public required IReadOnlyList<WorkloadSpec> Workloads { get; init; }
    public required IReadOnlyList<string> Strategies { get; init; }

    /// <summary>How memory moves (cold, postcopy, ...): every workload runs under each, where the hosts support it.</summary>
    public IReadOnlyList<string> Modes { get; init; } = [Migration.MigrationModes.Cold];

    /// <summary>Where the hosts come from: "lab" (the embedded netns lab), "vm", or a hosts file.</summary>
    public string Hosts { get; init; } = CriuBench.Hosts.HostProviders.Default;
    public int Repetitions { get; init; } = 5;
    public IReadOnlyList<LinkRate> LinkRates { get; init; } = [LinkRate.Default];
    public string LabName { get; init; } = "cb";

    /// <summary>Stop at the first failed migration instead of recording it and going on.</summary>
    public bool StopOnFailure { get; init; }

    /// <summary>Keep every migration's CRIU logs, not only those of failures.</summary>
    public bool KeepLogs { get; init; }

    /// <summary>The `precopy:` key: pre-copy's stop rule and its parameters.</summary>
    public Migration.PreCopy.PreCopySettings PreCopy { get; init; } = Migration.PreCopy.PreCopySettings.Default;

    public int MigrationCount => LinkRates.Sum(rate => Workloads.Count(w => w.RunsAt(rate))) * Strategies.Count * Modes.Count * Repetitions;
}
