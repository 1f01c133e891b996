using CriuBench.Hosts;

namespace CriuBench.Preflight;

/// <summary>
/// What is checked once per run, before the first dump, for the two hosts: `criu check` on both
/// (from the probe), the same CRIU version, and each CPU able to run what the other dumps.
/// Every problem is reported at once, each with what to fix. The files a workload maps are
/// compared per cell, once it runs (by the workloads room): a mismatch ends that cell only.
/// </summary>
public static class HostPairPreflight
{
    public static async Task RunAsync(IReadOnlyList<IHost> hosts, IReadOnlyList<HostFeatures> features, CancellationToken ct)
    {
        var problems = new List<string>();
        foreach (var host in features.Where(host => host.CriuVersion is not null && !host.CriuWorks))
            problems.Add($"`criu check` fails on {host.Host}: {host.CriuCheckOutput?.Replace('\n', ' ') ?? "no output"}; fix what it names there (ENVIRONMENT notes for this kernel)");
        if (CriuVersionCheck.Problem(features) is { } versions) problems.Add(versions);
        if (problems.Count == 0)
        {
            foreach (var (from, to) in new[] { (hosts[0], hosts[1]), (hosts[1], hosts[0]) })
                if (await CpuinfoCheck.ProblemAsync(from, to, ct) is { } cpu) problems.Add(cpu);
        }
        if (problems.Count > 0)
            throw new PreflightFailedException($"preflight: these hosts cannot migrate yet: {string.Join(" | ", problems)}");
    }
}
