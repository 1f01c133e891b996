using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// Podman's command lines, each with the host's own storage and state: its image and container
/// store, run root, temporary directory, volumes and network configuration all below the host's
/// disk, so two lab hosts (which share one filesystem) are two independent Podmans, and removing
/// the host's disk removes every trace of them. Podman 4.3 as Debian ships it, with Debian's runc
/// (its crun is built without checkpoint support).
/// </summary>
public static class PodmanCommands
{
    public const string Client = "podman";
    public const string Root = HostPaths.PodmanRoot;
    public const string Storage = Root + "/storage";
    public const string RunRoot = Root + "/run";
    public const string TmpDir = Root + "/tmp";
    public const string Volumes = Root + "/volumes";
    public const string Networks = Root + "/networks";

    /// <summary>The busybox image's docker-archive directory on the host, loaded into its storage.</summary>
    public const string ImageArchive = Root + "/image";

    /// <summary>The busybox counter's image: built without a registry (workloads/build-podman-image.sh).</summary>
    public const string Image = "localhost/criubench-busybox:1";

    /// <summary>The checkpoint archive inside a migration's images directory: the one file that crosses the link.</summary>
    public const string ArchiveName = HostPaths.PodmanArchiveName;

    public static string Archive(string imagesDirectory) => $"{imagesDirectory}/{ArchiveName}";

    /// <summary>A pre-copy round's archive (`--pre-checkpoint --export`) inside the round's directory.</summary>
    public const string PreArchiveName = "podman-pre-checkpoint.tar";

    public static string PreArchive(string roundDirectory) => $"{roundDirectory}/{PreArchiveName}";

    /// <summary>The workload's directory is bind-mounted here; its output goes to a file in it.</summary>
    public const string OutputMount = "/out";

    public static string OutputFile(string workloadDirectory) => $"{workloadDirectory}/{HostPaths.ContainerOutputFile}";

    /// <summary>
    /// Podman asks for more than the hard limits by default, which root here cannot have (no
    /// CAP_SYS_RESOURCE: "error setting rlimit type 7"); explicit limits at or below any machine's hard
    /// limits start the container (ENVIRONMENT.md). runc's bundle uses the same NOFILE.
    /// </summary>
    public static IReadOnlyList<string> Ulimits { get; } = ["--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4096:4096"];

    /// <summary>
    /// Every command's global options: this host's storage and state, no events log (nothing reads
    /// it, and it is one more write per command), cgroupfs (no systemd on the hosts), runc.
    /// </summary>
    public static Command Podman(params IEnumerable<string> arguments) => Command.Of(Client, [.. GlobalOptions, .. arguments]);

    private static readonly string[] GlobalOptions =
    [
        "--root", Storage, "--runroot", RunRoot, "--tmpdir", TmpDir, "--volumepath", Volumes, "--network-config-dir", Networks,
        "--storage-driver", "overlay", "--events-backend", "none", "--cgroup-manager", "cgroupfs", "--runtime", "runc",
    ];

    /// <summary>
    /// Loads an image archive (a docker-archive directory, or a file `podman save` wrote); the same
    /// bytes on every host give the same image ID. workloads/host/podman-load.sh says why it removes
    /// /var/lib/containers where the load made it.
    /// </summary>
    public static Command Load(string source) => HostAssets.Script("podman-load.sh", [source, Client, .. GlobalOptions]);

    /// <summary>
    /// The container as `podman run` takes it: the host's network (a lab's teardown reaches it), the
    /// workload's directory's out/ mounted at /out for its output, explicit rlimits, cgroups below the
    /// host's subtree and no cgroup namespace of its own (<see cref="MoveToRuncCgroup"/> says why),
    /// never a registry.
    /// </summary>
    public static Command Run(WorkloadSpec spec, string instance, string image, string cgroupParent) => Podman(
    [
        "run", "--detach", "--pull", "never", "--name", instance, "--network", "host", "--cgroup-parent", cgroupParent, "--cgroupns", "host",
        .. Ulimits, "--label", $"criubench.instance={instance}",
        "--volume", $"{HostPaths.WorkloadDirectory(instance)}/out:{OutputMount}",
        image, .. ContainerProcess.Arguments(spec.Command, $"{OutputMount}/output.log", $"{OutputMount}/stderr.log"),
    ]);

    /// <summary>
    /// The checkpoint as one archive (CRIU's images, the root filesystem's changes, the container's
    /// config), uncompressed: compression would run while the workload is stopped (tar-zstd is the
    /// strategy for that). --keep leaves CRIU's dump.log in the container's directory for a failure's
    /// reason; --print-stats prints Podman's, the runtime's and CRIU's times as JSON.
    /// </summary>
    public static Command Checkpoint(string containerId, string archive, IReadOnlyList<string> flags) =>
        Podman(["container", "checkpoint", "--export", archive, "--compress", "none", "--keep", "--print-stats", .. flags, containerId]);

    /// <summary>
    /// Pre-copy's round while the container runs: CRIU's pre-dump into the container's one
    /// pre-checkpoint directory, exported as an archive (its pages, the root filesystem's changes,
    /// the config). A later `--with-previous` checkpoint holds only the pages changed since.
    /// </summary>
    public static Command PreCheckpoint(string containerId, string archive) =>
        Podman("container", "checkpoint", "--pre-checkpoint", "--export", archive, "--compress", "none", "--print-stats", containerId);

    /// <summary>
    /// A new container from the archive, under a new name (a new name brings a new ID, so the exited
    /// container the checkpoint left on a host never clashes with one restored there later). --keep
    /// leaves CRIU's restore.log and stats-restore in the container's directory.
    /// </summary>
    /// <param name="name">Null: the checkpointed container's own name and ID, as kept connections need.</param>
    public static Command Restore(string archive, string? name, IReadOnlyList<string> flags) =>
        Podman(["container", "restore", "--import", archive, .. name is null ? Array.Empty<string>() : ["--name", name], "--keep", "--print-stats", .. flags]);

    /// <summary>
    /// The restore's flags for the socket options its checkpoint had: a service's kept connections
    /// (`--tcp-established`, which Podman wants on both commands). Podman 4.3 has no --tcp-close:
    /// the engine does not offer it (ServiceSupport refuses such a service when the suite loads).
    /// </summary>
    public static IReadOnlyList<string> RestoreFlags(IReadOnlyList<CriuOption> socketOptions) =>
        [.. socketOptions.Select(option => option is CriuOption.TcpEstablished
            ? "--tcp-established"
            : throw new NotSupportedException($"the podman engine cannot pass the CRIU restore option '{CriuOptions.Describe([option])}' through `podman container restore`"))];

    /// <summary>The restore's flag for a checkpoint made `--with-previous`: the pre-checkpoint's archive, unpacked beside it.</summary>
    public static IReadOnlyList<string> ImportPrevious(string preArchive) => ["--import-previous", preArchive];

    /// <summary>The container's ID, by name or ID.</summary>
    public static Command Id(string nameOrId) => Podman("container", "inspect", "--format", "{{.Id}}", nameOrId);

    /// <summary>
    /// <see cref="IdAndPid"/> and the cgroup the container's own cgroup is made below (a host's
    /// scope, <see cref="HostCgroups"/>), on one line: one inspect for a rescue's restore.
    /// </summary>
    public static Command IdPidAndCgroupParent(string nameOrId) =>
        Podman("container", "inspect", "--format", "{{.Id}} {{.State.Pid}} {{.HostConfig.CgroupParent}}", nameOrId);

    /// <summary>The container's ID and its first process's PID, by name or ID, on one line.</summary>
    public static Command IdAndPid(string nameOrId) => Podman("container", "inspect", "--format", "{{.Id}} {{.State.Pid}}", nameOrId);

    /// <summary>
    /// After a restore, outside the stop window: on a cgroup v2 host, the restored tasks into the
    /// cgroup runc keeps for the new container, for its next checkpoint (workloads/host/podman-cgroup.sh).
    /// </summary>
    public static Command MoveToRuncCgroup(string containerId, int pid) =>
        HostAssets.Script("podman-cgroup.sh", UserData(containerId), pid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Removes a container at once: --time 0, since a shell as PID 1 ignores SIGTERM (10 s otherwise).</summary>
    public static Command Remove(params IEnumerable<string> containers) => Podman(["rm", "--force", "--time", "0", .. containers]);

    public static Command RemoveAll() => Podman("rm", "--all", "--force", "--time", "0");

    /// <summary>Where Podman keeps a container's files (--keep leaves CRIU's logs and statistics here).</summary>
    public static string UserData(string containerId) => $"{Storage}/overlay-containers/{containerId}/userdata";

    /// <summary>
    /// After the stop window, into the images directory as other engines leave it: CRIU's images and
    /// stats-dump from the archive (the images' inventory and CRIU's dump statistics are read there),
    /// and CRIU's restore.log and stats-restore from the restored container's directory. A checkpoint
    /// made `--with-previous` links to Podman's own ../pre-checkpoint, which is not there: the link is
    /// left out.
    /// </summary>
    public static Command CollectFiles(string imagesDirectory, string containerId) => Command.Of("bash", "-c",
        "set -e; tar -C \"$1\" -xf \"$1/$2\" --strip-components=1 --exclude=checkpoint/parent checkpoint/; tar -C \"$1\" -xf \"$1/$2\" stats-dump; " +
        "for f in stats-restore restore.log; do if [ -f \"$3/$f\" ]; then cp -p \"$3/$f\" \"$1/\"; fi; done",
        "collect", imagesDirectory, ArchiveName, UserData(containerId));

    /// <summary>
    /// A pre-copy round's stats-dump into the round's directory, where the rounds read it: copied from
    /// the container's directory, where CRIU wrote it and Podman read it for --print-stats and the
    /// archive (reading it back out of the archive would read the whole archive once more).
    /// </summary>
    public static Command CollectPreCheckpointStats(string containerId, string roundDirectory) =>
        Command.Of("cp", "-p", $"{UserData(containerId)}/stats-dump", roundDirectory);

    /// <summary>Unmounts what Podman left mounted below its root (overlay layers, shm), deepest first.</summary>
    public static Command UnmountAll() => HostAssets.Script("unmount-below.sh", Root);

    /// <summary>
    /// The CRIU options a migration asks for, as `podman container checkpoint` flags. Podman sets
    /// CRIU's work directory and log level itself; it has no page server and no lazy pages (the
    /// engine refuses those when the suite loads). A dump chained to a pre-copy round is
    /// `--with-previous`: Podman links it to the container's one pre-checkpoint, wherever the
    /// round's directory is, and runc tracks memory for it.
    /// </summary>
    public static IReadOnlyList<string> CheckpointFlags(IReadOnlyList<CriuOption> options)
    {
        var flags = new List<string>();
        foreach (var option in options)
        {
            switch (option)
            {
                case CriuOption.LeaveRunning:
                    flags.Add("--leave-running");
                    break;
                case CriuOption.ParentImages:
                    flags.Add("--with-previous");
                    break;
                case CriuOption.TcpEstablished:
                    flags.Add("--tcp-established");
                    break;
                case CriuOption.LogLevel or CriuOption.WorkDirectory or CriuOption.TrackMemory:
                    break; // Podman and runc choose these themselves
                default:
                    throw new NotSupportedException($"the podman engine cannot pass the CRIU dump option '{CriuOptions.Describe([option])}' through `podman container checkpoint`");
            }
        }
        return flags;
    }
}
