namespace CriuBench.Reporting;

/// <summary>Where and how a run happened, so a report says what its numbers were measured on.</summary>
/// <param name="HostKind">e.g. "lab" (network namespaces) or "ssh".</param>
/// <param name="LinkRates">The shaped link rates the run used, as given (e.g. "1gbit", "unlimited").</param>
public sealed record RunEnvironment(
    string Kernel,
    string CriuVersion,
    string? RuncVersion,
    string HostKind,
    IReadOnlyList<string> LinkRates,
    int Cores,
    double MemoryGiB,
    DateTimeOffset StartedAt,
    string DotnetVersion,
    string CommandLine)
{
    /// <summary>Each host as probed (kernel, CRIU, features); the top-level values are the first host's.</summary>
    public IReadOnlyList<Preflight.HostFeatures> Hosts { get; init; } = [];

    /// <summary>The criu binary the hosts migrated with (`run --criu`: the build's path); null in runs from before it was recorded.</summary>
    public string? CriuBuild { get; init; }

    /// <summary>The suite's name, and the digest of its whole plan (Running/RunPlan.SuiteCells): shards of one suite share both.</summary>
    public string? Suite { get; init; }

    public string? SuiteCells { get; init; }

    /// <summary>"I/N" when the run was one shard of the suite (`run --shard`), null for the whole suite.</summary>
    public string? Shard { get; init; }
}
