using System.Text.Json.Nodes;
using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// The files and command lines of one host's own dockerd: its data, exec root, socket, pid file,
/// log and daemon.json all on the host's disk, so two lab hosts run two independent daemons.
/// Every client call is Debian's /usr/bin/docker (a newer client on PATH may not speak to a 20.10 daemon).
/// </summary>
public static class DockerCommands
{
    public const string Client = "/usr/bin/docker";
    public const string Root = HostPaths.Disk + "/docker";
    public const string ConfigFile = Root + "/daemon.json";
    public const string DataRoot = Root + "/data";
    public const string ExecRoot = Root + "/exec";
    public const string Socket = Root + "/docker.sock";
    public const string PidFile = Root + "/dockerd.pid";
    public const string LogFile = Root + "/dockerd.log";

    /// <summary>Where workloads/docker-runc.sh keeps CRIU's logs and statistics, per container ID.</summary>
    public const string CriuLogs = Root + "/criu-logs";

    public const string Image = "busybox:local";
    public const string Runtime = "criubench-runc";

    /// <summary>The name of every checkpoint; each lives in its own directory, so one name is enough.</summary>
    public const string CheckpointName = "criubench";

    /// <summary>The workload's directory is bind-mounted here; its output goes to a file in it.</summary>
    public const string OutputMount = "/out";

    public static string OutputFile(string workloadDirectory) => $"{workloadDirectory}/{HostPaths.ContainerOutputFile}";

    /// <summary>
    /// Experimental on (for `docker checkpoint`), and runc behind the wrapper that keeps CRIU's
    /// statistics, which containerd would delete.
    /// </summary>
    public static string DaemonConfig(string runcWrapper) => new JsonObject
    {
        ["experimental"] = true,
        ["default-runtime"] = Runtime,
        ["runtimes"] = new JsonObject { [Runtime] = new JsonObject { ["path"] = runcWrapper } },
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    /// <summary>
    /// dockerd detached from the harness (own session, output to its log file): the command runner
    /// waits for its stdout to close, and a daemon would hold it open. Leaves the host's network
    /// alone (no bridge, no iptables, no forwarding); containers get cgroups under <paramref name="cgroupParent"/>.
    /// It works in its root directory, so a host's cleanup after a crashed run (which ends every
    /// process working in CriuBench's directory) ends it and its containerd too.
    /// </summary>
    public static Command StartDaemon(string cgroupParent) => Command.Of("bash", "-c",
        "log=$1; shift; cd \"${log%/*}\" && exec setsid -f \"$@\" </dev/null >>\"$log\" 2>&1", "daemonize", LogFile,
        "env", $"CRIUBENCH_CRIU_LOGS={CriuLogs}",
        "dockerd", "--config-file", ConfigFile, "--data-root", DataRoot, "--exec-root", ExecRoot,
        "--host", $"unix://{Socket}", "--pidfile", PidFile,
        "--exec-opt", "native.cgroupdriver=cgroupfs", "--cgroup-parent", cgroupParent, "--storage-driver", "overlay2",
        "--bridge=none", "--iptables=false", "--ip-forward=false", "--ip-masq=false");

    /// <summary>Stops the daemon of the pid file (TERM, then KILL after 20 s) and waits for it; a no-op without one.</summary>
    public static Command StopDaemon() => HostAssets.Script("stop-dockerd.sh", PidFile, $"{ExecRoot}/containerd/containerd.pid");

    /// <summary>Unmounts what the daemon left mounted below its root (its data root, a netns file), deepest first.</summary>
    public static Command UnmountAll() => HostAssets.Script("unmount-below.sh", Root);

    /// <summary>Imports a root filesystem as an image, without a registry.</summary>
    public static Command Import(string rootfs) => Command.Of("bash", "-c",
        "set -o pipefail; tar -C \"$1\" -c . | \"$2\" -H \"$3\" import - \"$4\" >/dev/null", "import", rootfs, Client, $"unix://{Socket}", Image);

    public static Command Docker(params IEnumerable<string> arguments) => Command.Of(Client, ["-H", $"unix://{Socket}", .. arguments]);

    /// <summary>
    /// The container as `docker run`/`docker create` takes it: the host's network (so a lab's
    /// teardown reaches it), the workload's directory's out/ mounted at /out for its output,
    /// and a label naming the instance.
    /// </summary>
    public static IReadOnlyList<string> Container(WorkloadSpec spec, string instance) =>
    [
        "--network", "host", "--label", $"criubench.instance={instance}",
        "--volume", $"{HostPaths.WorkloadDirectory(instance)}/out:{OutputMount}",
        Image, .. ContainerProcess.Arguments(spec.Command, $"{OutputMount}/output.log", $"{OutputMount}/stderr.log"),
    ];

    public static Command Run(WorkloadSpec spec, string instance) => Docker(["run", "--detach", .. Container(spec, instance)]);

    public static Command Create(WorkloadSpec spec, string instance) => Docker(["create", .. Container(spec, instance)]);

    /// <summary>Writes the checkpoint to &lt;images&gt;/&lt;name&gt;; <see cref="Flatten"/> moves it up into the images directory.</summary>
    public static Command Checkpoint(string containerId, string imagesDirectory) =>
        Docker("checkpoint", "create", "--checkpoint-dir", imagesDirectory, containerId, CheckpointName);

    /// <summary>The images directory must hold the images themselves, as for every engine (inventory, statistics).</summary>
    public static Command Flatten(string imagesDirectory) => Command.Of("bash", "-c",
        "find \"$1/$2\" -mindepth 1 -maxdepth 1 -exec mv -t \"$1\" {} + && rmdir \"$1/$2\"", "flatten", imagesDirectory, CheckpointName);

    /// <summary>Where the daemon looks for a container's checkpoints: `docker start --checkpoint-dir` is refused.</summary>
    public static string CheckpointsOf(string containerId) => $"{DataRoot}/containers/{containerId}/checkpoints";

    /// <summary>
    /// Puts the images into the new container's checkpoints, under <see cref="CheckpointName"/>: hard
    /// links (no bytes copied inside the stop window; the daemon only reads them), a copy where the
    /// two directories are on different filesystems.
    /// </summary>
    public static Command InstallCheckpoint(string imagesDirectory, string containerId) => Command.Of("bash", "-c",
        "mkdir -p \"$2\" && { cp -al \"$1\" \"$2/$3\" 2>/dev/null || { rm -rf \"$2/$3\" && cp -a \"$1\" \"$2/$3\"; }; }",
        "install-checkpoint", imagesDirectory, CheckpointsOf(containerId), CheckpointName);

    public static Command StartFromCheckpoint(string containerId) => Docker("start", "--checkpoint", CheckpointName, containerId);

    public static Command Remove(string containerId) => Docker("rm", "--force", containerId);

    /// <summary>CRIU's files of a restore, from the wrapper's keep, into the images directory as other engines leave them.</summary>
    public static Command KeepRestoreStatistics(string containerId, string imagesDirectory) => Command.Of("bash", "-c",
        "for f in stats-restore restore.log; do if [ -f \"$1/$f\" ]; then cp -p \"$1/$f\" \"$2/\" || exit 1; fi; done",
        "keep-restore-stats", $"{CriuLogs}/{containerId}", imagesDirectory);
}
