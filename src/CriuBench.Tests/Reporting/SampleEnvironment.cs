using CriuBench.Reporting;

namespace CriuBench.Tests.Reporting;

/// <summary>A run environment for tests, with values that need quoting in CSV.</summary>
internal static class SampleEnvironment
{
    public static RunEnvironment Create() => new(
        Kernel: "6.8.0-45-generic",
        CriuVersion: "4.0",
        RuncVersion: "1.1.12",
        HostKind: "lab",
        LinkRates: ["1gbit"],
        Cores: 8,
        MemoryGiB: 15.5,
        StartedAt: new DateTimeOffset(2025, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(1)),
        DotnetVersion: "10.0.0",
        CommandLine: "criubench run --suite \"suites/basic.yaml\", --reps 3");
}
