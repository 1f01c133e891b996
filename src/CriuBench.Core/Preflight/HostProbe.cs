using System.Globalization;
using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Preflight;

/// <summary>
/// Probes a host in one command (over ssh a new command costs a round trip, under emulation
/// seconds): a script prints key=value lines, parsed here.
/// </summary>
public static class HostProbe
{
    public static async Task<HostFeatures> ProbeAsync(IHost host, CancellationToken ct)
    {
        var result = await host.RunAsync(Command.Of("bash", "-c", Script).WithTimeout(TimeSpan.FromMinutes(2)), ct);
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
            PipeMaxSize = long.TryParse(Get("pipe_max_size"), CultureInfo.InvariantCulture, out var pipe) ? pipe : null,
        };
    }

    /// <summary>
    /// Each feature by the tool that uses it: `criu check --feature` answers for the kernel CRIU
    /// runs on. NFS counts where the filesystem (nfs4 for a client, nfsd for a server) is registered
    /// or its module can be loaded, not where /proc/fs/nfsd exists (procfs makes that directory on
    /// kernels without nfsd too, as on the netns lab's); and apart from the kernel, whether its
    /// tools are installed: a client mounts with mount.nfs4 (nfs-common), a server needs rpc.nfsd
    /// and exportfs (nfs-kernel-server).
    /// sshfs needs the program and /dev/fuse on the host that mounts.
    /// </summary>
    private const string Script = """
        yes_no() { if "$@" >/dev/null 2>&1; then echo yes; else echo no; fi; }
        has_fs() { grep -qw "$1" /proc/filesystems 2>/dev/null || modprobe -q "$1" 2>/dev/null && grep -qw "$1" /proc/filesystems; }
        has_tools() { for tool; do command -v "$tool" || [ -x "/sbin/$tool" ] || [ -x "/usr/sbin/$tool" ] || return 1; done; }
        echo "kernel=$(uname -r)"
        echo "distribution=$(. /etc/os-release 2>/dev/null; echo "${PRETTY_NAME:-unknown}")"
        echo "cores=$(nproc)"
        echo "mem_kib=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
        echo "pipe_max_size=$(cat /proc/sys/fs/pipe-max-size 2>/dev/null)"
        if command -v runc >/dev/null; then echo "runc=$(runc --version | awk 'NR==1 {print $3}')"; fi
        if command -v criu >/dev/null; then
          echo "criu=$(criu --version | awk 'NR==1 {print $2}')"
          if out=$(criu check 2>&1); then echo criu_check=yes; else echo criu_check=no; printf '%s\n' "$out" | grep -v RLIMIT_NOFILE | tail -n 5 | sed 's/^/check|/'; fi
          echo "soft_dirty=$(yes_no criu check --feature mem_dirty_track)"
          echo "uffd=$(yes_no criu check --feature uffd-noncoop)"
        fi
        echo "nfs_client_kernel=$(yes_no has_fs nfs4)"
        echo "nfs_client_tools=$(yes_no has_tools mount.nfs4)"
        echo "nfs_server_kernel=$(yes_no has_fs nfsd)"
        echo "nfs_server_tools=$(yes_no has_tools exportfs rpc.nfsd)"
        echo "sshfs=$(if command -v sshfs >/dev/null && [ -c /dev/fuse ]; then echo yes; else echo no; fi)"
        exit 0
        """;
}
