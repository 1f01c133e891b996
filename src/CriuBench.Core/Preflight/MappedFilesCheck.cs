using System.Globalization;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Workloads;

namespace CriuBench.Preflight;

/// <summary>
/// The workload's executable and every file its processes map (shared libraries), compared
/// between the hosts: a restore fails where one differs ("File ... has bad size" or a build-id
/// mismatch), so a difference is found before the first dump, naming the file and both versions.
/// Read from /proc/PID/maps of the running workload and all its descendants. Containers carry
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
        var result = await workload.Host.RunCheckedAsync(Command.Of("bash", "-c", MapsScript, "mapped-files", workload.Id), ct);
        // Files in the workload's own directory move with it; they are not the host's to match.
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !path.StartsWith(HostPaths.Disk + "/work/", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Every process of the tree below the PID, then the sixth column of its maps when it is an
    /// absolute path (not [heap], not "(deleted)").
    /// </summary>
    private const string MapsScript = """
        tree() { echo "$1"; for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do tree "$child"; done; }
        for pid in $(tree "$1"); do
          awk '$6 ~ /^\// && $7 == "" {print $6}' /proc/"$pid"/maps 2>/dev/null
        done | sort -u
        """;

    private static async Task<IReadOnlyDictionary<string, MappedFile>> DescribeAsync(IHost host, IReadOnlyList<string> paths, CancellationToken ct)
    {
        var result = await host.RunCheckedAsync(Command.Of("bash", ["-c", DescribeScript, "describe-files",
            HeadBytes.ToString(CultureInfo.InvariantCulture), .. paths]), ct);
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

    /// <summary>Per file (by its index): its size and the base64 of its first bytes, or "-" where it is missing.</summary>
    private const string DescribeScript = """
        head_bytes=$1; shift
        i=0
        for path in "$@"; do
          if [ -f "$path" ]; then printf '%s\t%s\t%s\n' "$i" "$(stat -L -c %s "$path")" "$(head -c "$head_bytes" "$path" | base64 -w0)"
          else printf '%s\t-\t\n' "$i"; fi
          i=$((i + 1))
        done
        """;
}
