using System.Globalization;
using CriuBench.Hosts;

namespace CriuBench.Preflight;

/// <summary>
/// Probes a host in one command (over ssh a new command costs a round trip, under emulation
/// seconds): workloads/host/probe.sh prints key=value lines, parsed here.
/// </summary>
public static class HostProbe
{
    public static async Task<HostFeatures> ProbeAsync(IHost host, CancellationToken ct)
    {
        var result = await host.RunAsync(HostAssets.Script("probe.sh").WithTimeout(TimeSpan.FromMinutes(2)), ct);
        if (!result.Succeeded)
            throw new InvalidOperationException($"probing {host.Name} failed: {result.StandardError.Trim()}");
        return Parse(host.Name, host.Kind, result.StandardOutput);
    }

    public static HostFeatures Parse(string host, string kind, string output)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var check = new List<string>();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("check|", StringComparison.Ordinal)) { check.Add(line[6..]); continue; }
            var equals = line.IndexOf('=');
            if (equals > 0) values[line[..equals]] = line[(equals + 1)..].Trim();
        }
        string? Get(string key) => values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        bool Yes(string key) => Get(key) == "yes";
        return new HostFeatures
        {
            Host = host,
            Kind = kind,
            Kernel = Get("kernel") ?? "unknown",
            Distribution = Get("distribution") ?? "unknown",
            CriuVersion = Get("criu"),
            RuncVersion = Get("runc"),
            PodmanVersion = Get("podman"),
            Cores = int.TryParse(Get("cores"), CultureInfo.InvariantCulture, out var cores) ? cores : 0,
            MemoryGiB = long.TryParse(Get("mem_kib"), CultureInfo.InvariantCulture, out var kib) ? Math.Round(kib / 1048576.0, 1) : 0,
            CriuWorks = Yes("criu_check"),
            CriuCheckOutput = check.Count > 0 ? string.Join('\n', check) : null,
            SoftDirty = Yes("soft_dirty"),
            Uffd = Yes("uffd"),
            NfsClientKernel = Yes("nfs_client_kernel"),
            NfsServerKernel = Yes("nfs_server_kernel"),
            NfsClient = Yes("nfs_client_kernel") && Yes("nfs_client_tools"),
            NfsServer = Yes("nfs_server_kernel") && Yes("nfs_server_tools"),
            Sshfs = Yes("sshfs"),
            Docker = Yes("docker"),
            DumpsSockets = Yes("socket_dump"),
            SocketDumpProblem = Get("socket_dump_problem"),
            PipeMaxSize = long.TryParse(Get("pipe_max_size"), CultureInfo.InvariantCulture, out var pipe) ? pipe : null,
        };
    }
}
