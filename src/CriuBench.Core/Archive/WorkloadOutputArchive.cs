using CriuBench.Workloads;

namespace CriuBench.Archive;

/// <summary>
/// Keeps a workload's whole output and its stderr in the run directory, as
/// results/&lt;run id&gt;/outputs/&lt;instance&gt;/output.log and stderr.log, copied from the host it
/// ends on. Call it before the hosts are torn down: the lab's disks go with them.
/// </summary>
public sealed class WorkloadOutputArchive(string runDirectory)
{
    public const string DirectoryName = "outputs";

    public string DirectoryOf(string instance) => Path.Combine(runDirectory, DirectoryName, instance);

    /// <summary>Copies what exists; returns the local paths written (stderr.log may be missing, e.g. for containers).</summary>
    public async Task<IReadOnlyList<string>> KeepAsync(RunningWorkload workload, CancellationToken ct)
    {
        var kept = new List<string>();
        foreach (var (host, remote, name) in Files(workload))
        {
            var local = Path.Combine(DirectoryOf(workload.Instance), name);
            if (await HostFileCopy.TryCopyAsync(host, remote, local, ct)) kept.Add(local);
        }
        return kept;
    }

    /// <summary>A service's output.log is its client's (what the analysis read); the service's own lines go beside it.</summary>
    private static IEnumerable<(Hosts.IHost Host, string Remote, string Name)> Files(RunningWorkload workload)
    {
        yield return (workload.OutputHost, workload.OutputFile, "output.log");
        yield return (workload.Host, workload.StderrFile, "stderr.log");
        if (workload.Client is { } client)
        {
            yield return (client.Host, client.StderrFile, "client-stderr.log");
            yield return (workload.Host, $"{workload.Directory}/output.log", "service-output.log");
        }
    }
}
