using System.Diagnostics;
using CriuBench.Hosts;
using CriuBench.Hosts.Kinds;
using CriuBench.Logging;
using CriuBench.Preflight;
using CriuBench.Vocabulary;

namespace CriuBench.Running;

/// <summary>
/// The hosts as a run would find them, without a run: brought up by the same provider, probed by
/// the same probe, the pair checked by the same preflight, then removed. `doctor` and
/// `run --dry-run` answer from this, so what they say can run is what a run would plan.
/// </summary>
public sealed record HostsPreview(string Kind, IReadOnlyList<HostFeatures> Features, bool CanShapeLink, TimeSpan UpTime, string? PairProblem)
{
    public static Task<HostsPreview> ProbeAsync(HostsChoice choice, LinkRate rate, ILog log, CancellationToken ct) =>
        ProbeAsync(HostProviders.Create(choice), rate, log, ct);

    public static async Task<HostsPreview> ProbeAsync(IHostProvider provider, LinkRate rate, ILog log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var hostSet = await provider.UpAsync(rate, log, ct);
        var upTime = clock.Elapsed;
        var features = new List<HostFeatures>();
        foreach (var host in hostSet.Hosts) features.Add(await HostProbe.ProbeAsync(host, ct));
        string? pairProblem = null;
        try { await HostPairPreflight.RunAsync(hostSet.Hosts, features, ct); }
        catch (PreflightFailedException e) { pairProblem = e.Message; }
        return new HostsPreview(hostSet.Kind, features, hostSet.CanShapeLink, upTime, pairProblem);
    }
}
