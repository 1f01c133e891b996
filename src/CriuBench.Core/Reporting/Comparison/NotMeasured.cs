using CriuBench.Vocabulary;

namespace CriuBench.Reporting.Comparison;

/// <summary>
/// What these hosts could not measure and why: the run's refused cells (refused.csv), and the
/// features the probes found missing that rule out a strategy or mode the run did not ask for
/// (nfs without kernel NFS, pre-copy without soft-dirty, post-copy without userfaultfd).
/// </summary>
internal static class NotMeasured
{
    /// <summary>The VM lab has kernel NFS, soft-dirty and userfaultfd, which a netns lab on some kernels lacks.</summary>
    public const string HowToGetIt = "criubench run --hosts vm";

    /// <summary>One item per thing not measured: "nfs: the kernel of src has no NFS server ...".</summary>
    public static IReadOnlyList<string> Of(ComparisonData data)
    {
        var items = new List<string>();
        foreach (var reason in data.Refused.GroupBy(c => c.Reason, StringComparer.Ordinal))
        {
            var strategies = reason.Select(c => StrategyNames.Display(c.Strategy)).Distinct().ToList();
            var modes = reason.Select(c => c.Mode).Distinct().ToList();
            var what = strategies.Count == 1 && (modes.Count > 1 || modes[0] == ModeNames.Cold) ? strategies[0]
                : modes.Count == 1 ? (strategies.Count == 1 ? $"{strategies[0]} {modes[0]}" : modes[0])
                : string.Join(", ", strategies);
            var workloads = reason.Select(c => c.Workload).Distinct().Count();
            items.Add($"{what} ({ReportFormat.Count(workloads)} workload{(workloads == 1 ? "" : "s")}): {reason.Key.TrimEnd('.')}");
        }
        var asked = data.Records.Select(r => StrategyNames.Display(r.Strategy)).Concat(data.Refused.Select(c => StrategyNames.Display(c.Strategy))).ToHashSet(StringComparer.Ordinal);
        var askedModes = data.Records.Select(r => r.Mode).Concat(data.Refused.Select(c => c.Mode)).ToHashSet(StringComparer.Ordinal);
        var hosts = data.Environment.Hosts;
        if (hosts.Count > 0)
        {
            string Lacking(Func<Preflight.HostFeatures, bool> has) => string.Join(" and ", hosts.Where(h => !has(h)).Select(h => h.Host));
            if (!asked.Contains("nfs") && hosts.Any(h => !h.NfsServer) && hosts.Any(h => !h.NfsClient))
                items.Add($"nfs: no kernel NFS server or client on {Lacking(h => h.NfsServer && h.NfsClient)}");
            if (!askedModes.Contains("precopy") && hosts.Any(h => !h.SoftDirty))
                items.Add($"pre-copy modes: no soft-dirty page tracking on {Lacking(h => h.SoftDirty)}");
            if (!askedModes.Contains("postcopy") && hosts.Any(h => !h.Uffd))
                items.Add($"post-copy: no userfaultfd on {Lacking(h => h.Uffd)}");
        }
        return items;
    }
}
