using System.Text.Json;
using System.Text.Json.Nodes;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// An OCI bundle for runc inside a workload's directory: rootfs/ (a copy of the busybox rootfs)
/// and config.json. The bundle moves with the workload's directory, so it is at the same path on
/// whichever host restores it; only config.json is rewritten there (its cgroup path names the host).
/// </summary>
public sealed record RuncBundle(string Directory)
{
    public static RuncBundle In(string workloadDirectory) => new($"{workloadDirectory}/bundle");

    public string Rootfs => $"{Directory}/rootfs";
    public string ConfigFile => $"{Directory}/config.json";

    /// <summary>Inside the container the workload's stdout goes to this file in its root...</summary>
    public const string OutputInContainer = "/output.log";
    public const string ErrorsInContainer = "/stderr.log";

    /// <summary>...which the harness reads from the host here.</summary>
    public string OutputFile => Rootfs + OutputInContainer;

    /// <summary>
    /// config.json for <paramref name="command"/>, in the cgroup <paramref name="cgroupsPath"/>. Like
    /// `runc spec`, except: no network namespace (the container shares its host's, so a lab's
    /// teardown, which kills everything in the lab's namespaces, reaches it), no /sys and
    /// cgroup mounts (nothing needs them, and each mount is more for CRIU to dump), a writable root
    /// (the output file lives there), and no terminal.
    /// </summary>
    public static string Config(IReadOnlyList<string> command, string cgroupsPath, string hostname)
    {
        var capabilities = new JsonArray("CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE");
        var config = new JsonObject
        {
            ["ociVersion"] = "1.0.2-dev",
            ["process"] = new JsonObject
            {
                ["terminal"] = false,
                ["user"] = new JsonObject { ["uid"] = 0, ["gid"] = 0 },
                ["args"] = Strings(ContainerProcess.Arguments(command, OutputInContainer, ErrorsInContainer)),
                ["env"] = new JsonArray("PATH=/bin", "HOME=/root"),
                ["cwd"] = "/",
                ["capabilities"] = new JsonObject
                {
                    ["bounding"] = capabilities.DeepClone(),
                    ["effective"] = capabilities.DeepClone(),
                    ["permitted"] = capabilities.DeepClone(),
                    ["ambient"] = capabilities.DeepClone(),
                },
                ["rlimits"] = new JsonArray(new JsonObject { ["type"] = "RLIMIT_NOFILE", ["hard"] = 1024, ["soft"] = 1024 }),
                ["noNewPrivileges"] = true,
            },
            ["root"] = new JsonObject { ["path"] = "rootfs", ["readonly"] = false },
            ["hostname"] = hostname,
            ["mounts"] = new JsonArray(
                Mount("/proc", "proc", "proc", []),
                Mount("/dev", "tmpfs", "tmpfs", ["nosuid", "strictatime", "mode=755", "size=65536k"]),
                Mount("/dev/pts", "devpts", "devpts", ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]),
                Mount("/dev/shm", "shm", "tmpfs", ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]),
                Mount("/dev/mqueue", "mqueue", "mqueue", ["nosuid", "noexec", "nodev"])),
            ["linux"] = new JsonObject
            {
                ["cgroupsPath"] = cgroupsPath,
                ["resources"] = new JsonObject
                {
                    ["devices"] = new JsonArray(new JsonObject { ["allow"] = false, ["access"] = "rwm" }),
                },
                ["namespaces"] = new JsonArray(
                    Namespace("pid"), Namespace("ipc"), Namespace("uts"), Namespace("mount")),
                ["maskedPaths"] = Strings(["/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
                    "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi"]),
                ["readonlyPaths"] = Strings(["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]),
            },
        };
        return config.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Mount(string destination, string source, string type, IReadOnlyList<string> options)
    {
        var mount = new JsonObject { ["destination"] = destination, ["type"] = type, ["source"] = source };
        if (options.Count > 0) mount["options"] = Strings(options);
        return mount;
    }

    private static JsonObject Namespace(string type) => new() { ["type"] = type };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode?)JsonValue.Create(value))]);
}
