using CriuBench.Preflight;
using CriuBench.Reporting;
using CriuBench.Vocabulary;

namespace CriuBench.Running;

/// <summary>What a report must state about where it was measured: the hosts as probed, and the run.</summary>
public static class EnvironmentProbe
{
    public static RunEnvironment Describe(string hostKind, IReadOnlyList<HostFeatures> hosts, IReadOnlyList<LinkRate> rates, string commandLine)
    {
        var first = hosts.Count > 0 ? hosts[0] : HostFeatures.Unknown("?", hostKind);
        return new RunEnvironment(
            Kernel: first.Kernel,
            CriuVersion: first.CriuVersion ?? "not installed",
            RuncVersion: first.RuncVersion,
            HostKind: hostKind,
            LinkRates: rates.Select(rate => rate.Label).ToList(),
            Cores: first.Cores > 0 ? first.Cores : Environment.ProcessorCount,
            MemoryGiB: first.MemoryGiB > 0 ? first.MemoryGiB : Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1L << 30), 1),
            StartedAt: DateTimeOffset.UtcNow,
            DotnetVersion: Environment.Version.ToString(),
            CommandLine: commandLine) { Hosts = hosts };
    }
}
