using System.Globalization;
using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Transfer.SharedFilesystem;

/// <summary>
/// The commands of the kernel NFS server and client, as the classic lab types them: a directory
/// of the serving host's disk exported with exportfs (to the kernel's table only: /etc/exports is
/// never edited), mounted with NFSv4 at <see cref="HostPaths.SharedMount"/> on every host.
/// </summary>
public static class NfsCommands
{
    /// <summary>The exported directory, on the serving host's own disk.</summary>
    public const string Export = HostPaths.Disk + "/nfs-export";

    /// <summary>What the run started on the serving host (nfsd and its helpers), so it stops exactly those, also after a crash.</summary>
    public const string ServerState = HostPaths.Disk + "/nfs-server";

    /// <summary>
    /// The export's filesystem id: fixed, so a file's handle names the same file for as long as the
    /// export exists, whatever the underlying filesystem (one without a UUID, such as overlay or
    /// tmpfs, cannot be exported without it); unusual, so it does not collide with an
    /// administrator's own small fsid numbers. 0x43524942 is "CRIB".
    /// </summary>
    public const uint FilesystemId = 0x43524942;

    /// <summary>
    /// rw; sync: the server writes to its disk before it answers, so a dump that returned is on
    /// disk; no_root_squash: CRIU runs as root and its images are root's; no_subtree_check: the
    /// export is a whole directory tree that files are renamed within.
    /// </summary>
    public static string ExportOptions =>
        $"rw,sync,no_root_squash,no_subtree_check,fsid={FilesystemId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>One line as /etc/exports would hold it (for the log and the README; exportfs takes it as arguments).</summary>
    public static string ExportsLine(IEnumerable<string> clients) =>
        $"{Export} {string.Join(' ', clients.Select(client => $"{client}({ExportOptions})"))}";

    public static Command ExportTo(string client) => Command.Of("exportfs", "-o", ExportOptions, $"{client}:{Export}");

    public static Command Unexport(string client) => Command.Of("exportfs", "-u", $"{client}:{Export}");

    /// <summary>NFS versions to mount with, best first: 4.2 where both ends have it, else the newest 4.x they share.</summary>
    public static IReadOnlyList<string> Versions { get; } = ["4.2", "4.1", "4.0"];

    /// <summary>
    /// hard: an I/O that cannot reach the server waits (killably) instead of failing, so an image
    /// is never silently short; TCP; the version asked for and no other. Close-to-open
    /// consistency (the default) is what a dump on one host and a restore on another need: the
    /// dump closes its images before the restore opens them.
    /// </summary>
    public static string MountOptions(string version) => $"vers={version},proto=tcp,hard";

    public static string Source(string serverAddress) =>
        serverAddress.Contains(':') ? $"[{serverAddress}]:{Export}" : $"{serverAddress}:{Export}";

    public static Command Mount(string serverAddress, string version) =>
        Command.Of("mount", "-t", "nfs4", "-o", MountOptions(version), Source(serverAddress), HostPaths.SharedMount)
            .WithTimeout(TimeSpan.FromMinutes(2));

    /// <summary>A plain unmount, lazy if something still holds it (forced first: the server may be gone already).</summary>
    public static Command Unmount() => SharedMount.Run("unmount", HostPaths.SharedMount).WithTimeout(TimeSpan.FromMinutes(1));

    /// <summary>
    /// Starts the kernel NFS server (workloads/host/nfs-server.sh) unless nfsd already runs (then it is left alone and this prints
    /// "running"). It writes down what it starts before starting it, so a crash halfway still
    /// leaves a record: with systemd, the units that were not active (nfs-server pulls in rpcbind,
    /// mountd, nfsdcld); without, rpcbind and rpc.mountd by PID, then rpc.nfsd's threads. A server
    /// it started had no clients, so the NFSv4 grace period (90 s of refused opens) is ended at once.
    /// Prints "started" when it started one.
    /// </summary>
    public static Command StartServer() => HostAssets.Script("nfs-server.sh", "start", ServerState).WithTimeout(TimeSpan.FromMinutes(2));

    /// <summary>
    /// Stops what <see cref="StartServer"/> recorded, nothing else, and prints one line per thing
    /// stopped. A daemon is killed by its recorded PID only while that PID still runs that program.
    /// </summary>
    public static Command StopServer() => HostAssets.Script("nfs-server.sh", "stop", ServerState).WithTimeout(TimeSpan.FromMinutes(2));

    /// <summary>
    /// Unexports every client of <see cref="Export"/> that the kernel's export table (etab) still
    /// lists: what a crashed run exported. Prints one line per export removed.
    /// </summary>
    public static Command RemoveLeftoverExports() => HostAssets.Script("nfs-server.sh", "unexport-leftovers", Export);

    /// <summary>The version a mounted NFS filesystem runs, from the kernel's mount table ("4.2"), or null.</summary>
    public static Command MountedVersion() => Command.Of("bash", "-c",
        """findmnt -n -o OPTIONS --target "$1" | tr ',' '\n' | sed -n 's/^vers=//p' | head -n1""", "nfs-mounted-version", HostPaths.SharedMount);
}
