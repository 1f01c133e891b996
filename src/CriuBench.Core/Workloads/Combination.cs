using CriuBench.Preflight;

namespace CriuBench.Workloads;

/// <summary>
/// One cell of a run as the capability checks see it: what the mode needs, what the engine passes
/// on to CRIU and what the strategy can do, for which workload between hosts with these features.
/// Migrations go both ways, so every host counts.
/// </summary>
public sealed record Combination(ModeNeeds Mode, EngineCapabilities Engine, StrategyCapabilities Strategy, WorkloadSpec Workload, IReadOnlyList<HostFeatures> Hosts)
{
    public string HostKind => Hosts.Count > 0 ? Hosts[0].Kind : "unknown";

    /// <summary>The hosts that lack something, by name, for a reason that says where.</summary>
    public string? HostsWithout(Func<HostFeatures, bool> has) =>
        Hosts.Where(host => !has(host)).Select(host => host.Host).ToList() is { Count: > 0 } lacking ? string.Join(" and ", lacking) : null;

    public string Describe() => $"{Workload.Name} ({Engine.Name}) {Mode.Name} with {Strategy.Name}";
}
