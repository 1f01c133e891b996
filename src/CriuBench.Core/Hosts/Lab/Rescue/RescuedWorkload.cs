namespace CriuBench.Hosts.Lab.Rescue;

/// <summary>
/// What a rescue holds of one workload: the images of its interrupted (or lost) migration, the
/// copy of its work directory a restore needs at <see cref="HostPaths.Disk"/>/work/INSTANCE (the
/// one with the most output: the workload's files as of the checkpoint), and what is missing, if
/// anything, for a restore to bring it back.
/// </summary>
public sealed record RescuedWorkload(string Instance, string MigrationId, IReadOnlyList<RescuedCheckpoint> Checkpoints, string? WorkDirectory)
{
    /// <summary>The images to restore from: finished, not already failed to restore; the source's dump first.</summary>
    public RescuedCheckpoint? Images => Checkpoints.FirstOrDefault(images => images.Usable);

    public bool Restorable => Lacks is null;

    /// <summary>Why it cannot be restored, or null.</summary>
    public string? Lacks =>
        Images is null
            ? Checkpoints.Any(images => images.Complete)
                ? "every finished set of images already failed to restore (restore.log says Restoring FAILED)"
                : "its images are incomplete: criu dump was interrupted before it finished (no stats-dump), so the workload was still running then and was stopped with the run"
            : WorkDirectory is null
                ? $"no copy of its work directory (work/{Instance} with {OutputIn(IsPodman)}) is in the rescue"
                : null;

    /// <summary>The images are a Podman checkpoint's archive: Podman restores it, not CRIU alone.</summary>
    public bool IsPodman => Images?.PodmanArchive is not null;

    /// <summary>The work directory's path inside the restoring host.</summary>
    public string HostWorkDirectory => HostPaths.WorkloadDirectory(Instance);

    /// <summary>The output file in the rescue (as of the checkpoint): the restored workload goes on after its last line.</summary>
    public string? OutputFile => WorkDirectory is null ? null : Path.Combine(WorkDirectory, OutputIn(IsPodman));

    /// <summary>Where the output is in a workload directory: a container's in the directory bind-mounted into it.</summary>
    public static string OutputIn(bool podman) => podman ? HostPaths.ContainerOutputFile : "output.log";
}
