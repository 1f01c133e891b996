using System.Globalization;
using CriuBench.Hosts;
using CriuBench.Preflight;

namespace CriuBench.Workloads;

/// <summary>
/// The workload's executable and every file its processes map (shared libraries), compared
/// between the hosts: a restore fails where one differs ("File ... has bad size" or a build-id
/// mismatch), so a difference is found before the first dump, naming the file and both versions.
/// Read from /proc/PID/maps of the running workload and all its descendants (workloads/host/mapped-files.sh),
/// and compared by size and build-id (describe-files.sh). Containers carry
/// their root filesystem with them, so only bare processes are checked.
/// </summary>
public static class MappedFilesCheck
{
    /// <summary>How much of a file is read for its build-id: ELF notes sit right after the headers.</summary>
    private const int HeadBytes = 65536;

    public static async Task<string?> ProblemAsync(RunningWorkload workload, IReadOnlyList<IHost> hosts, CancellationToken ct)
    {
        if (!workload.Spec.Engine.Capabilities.UsesHostFiles) return null;
        var paths = await MappedPathsAsync(workload, ct);
        var source = await DescribeAsync(workload.Host, paths, ct);
        var problems = new List<string>();
        foreach (var other in hosts.Where(host => host != workload.Host))
        {
            var there = await DescribeAsync(other, paths, ct);
            foreach (var path in paths.Where(path => !source[path].SameAs(there[path])))
                problems.Add($"{path}: {workload.Host.Name} has {source[path].Describe()}, {other.Name} has {there[path].Describe()}");
        }
        return problems.Count == 0 ? null
            : $"workload {workload.Spec.Name} maps files that differ between the hosts, so its restore would fail: {string.Join("; ", problems)}. "
              + "Install the same versions of these packages on both hosts (or the same files at these paths)";
    }

    /// <summary>The files mapped by the workload's process tree (executables and libraries), sorted.</summary>
    public static async Task<IReadOnlyList<string>> MappedPathsAsync(RunningWorkload workload, CancellationToken ct)
    {
        var result = await workload.Host.RunCheckedAsync(HostAssets.Script("mapped-files.sh", workload.Id), ct);
        // Files in the workload's own directory move with it; they are not the host's to match.
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !path.StartsWith(HostPaths.Disk + "/work/", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }


    private static async Task<IReadOnlyDictionary<string, MappedFile>> DescribeAsync(IHost host, IReadOnlyList<string> paths, CancellationToken ct)
    {
        var result = await host.RunCheckedAsync(HostAssets.Script("describe-files.sh",
            [HeadBytes.ToString(CultureInfo.InvariantCulture), .. paths]), ct);
        var files = new Dictionary<string, MappedFile>(StringComparer.Ordinal);
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            var path = paths[int.Parse(fields[0], CultureInfo.InvariantCulture)];
            files[path] = fields[1] == "-"
                ? new MappedFile(path, null, null)
                : new MappedFile(path, long.Parse(fields[1], CultureInfo.InvariantCulture), ElfBuildId.Read(Convert.FromBase64String(fields[2])));
        }
        return files;
    }
}
