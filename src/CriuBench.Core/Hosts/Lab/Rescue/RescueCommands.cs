using CriuBench.Execution;

namespace CriuBench.Hosts.Lab.Rescue;

/// <summary>
/// The command lines that bring a rescued workload back. A restore needs the workload's files and
/// programs at their paths below <see cref="HostPaths.Disk"/> (CRIU reopens files by path and
/// checks the programs it maps), the images anywhere, and a fresh directory for CRIU's log and
/// PID file, so that the rescue itself stays as it was and can be restored again.
/// </summary>
public static class RescueCommands
{
    /// <summary>CRIU's log of the restore, in <see cref="WorkDirectory"/> (named as the run's restores name it).</summary>
    public const string RestoreLog = "restore.log";

    /// <summary>Where a restore's log and PID file go on the restoring host.</summary>
    public static string WorkDirectory(RescuedWorkload workload) => $"{HostPaths.Disk}/rescue/{workload.MigrationId}";

    public static string PidFile(RescuedWorkload workload) => $"{WorkDirectory(workload)}/restored.pid";

    /// <summary>`criu restore` from the rescued images, detached, its log and PID file in <see cref="WorkDirectory"/>.</summary>
    public static Command Restore(RescuedWorkload workload) =>
        Command.Of("criu", "restore", "--restore-detached", "--images-dir", Images(workload).Path,
            "--work-dir", WorkDirectory(workload), "--log-file", RestoreLog, "--pidfile", PidFile(workload));

    /// <summary>
    /// By hand on the machine that holds the rescue: a mount namespace of its own in which the disk
    /// that holds the workload's files is <see cref="HostPaths.Disk"/> (its programs are there too,
    /// as the lab's host had them), then the restore. The workload then appends to the rescue's copy
    /// of its output.
    /// </summary>
    public static IReadOnlyList<string> ByHand(LabRescue rescue, RescuedWorkload workload)
    {
        var work = workload.WorkDirectory ?? throw new InvalidOperationException($"{workload.Instance}: {workload.Lacks}");
        var disk = DiskOf(rescue, work);
        var steps = new List<string> { ShellQuoting.CommandLine(Command.Of("mount", "--bind", disk, HostPaths.Disk)) };
        if (Path.Combine(disk, "work", workload.Instance) != work)
            steps.Add(ShellQuoting.CommandLine(Command.Of("cp", "-a", work.Replace(disk, HostPaths.Disk, StringComparison.Ordinal), workload.HostWorkDirectory)));
        if (workload.IsPodman)
        {
            // Podman's own storage of this machine: it must hold the container's image first.
            steps.Add(ShellQuoting.CommandLine(Command.Of("podman", "container", "restore", "--import", workload.Images!.PodmanArchive!)));
            return
            [
                "# a Podman checkpoint: this machine's Podman storage must hold the container's image (for the busybox counter, CriuBench's own,",
                "# which `criubench rescue restore` loads into a lab host's storage), and its runtime must be runc",
                $"unshare --mount --propagation private -- bash -c {ShellQuoting.Quote(string.Join(" && ", steps))}",
                $"# its output goes on in {Path.Combine(work, HostPaths.ContainerOutputFile)}",
            ];
        }
        steps.Add(ShellQuoting.CommandLine(Command.Of("mkdir", "-p", WorkDirectory(workload))));
        steps.Add(ShellQuoting.CommandLine(Restore(workload)));
        return
        [
            $"unshare --mount --propagation private -- bash -c {ShellQuoting.Quote(string.Join(" && ", steps))}",
            $"cat {PidFile(workload).Replace(HostPaths.Disk, disk, StringComparison.Ordinal)}   # the restored workload's PID; its output goes on in {Path.Combine(work, "output.log")}",
        ];
    }

    private static RescuedCheckpoint Images(RescuedWorkload workload) =>
        workload.Images ?? throw new InvalidOperationException($"{workload.Instance}: {workload.Lacks}");

    /// <summary>The rescued host disk (RESCUE/HOST) a path in the rescue lies on.</summary>
    public static string DiskOf(LabRescue rescue, string path)
    {
        var relative = Path.GetRelativePath(rescue.Directory, path);
        return Path.Combine(rescue.Directory, relative.Split('/')[0]);
    }
}
