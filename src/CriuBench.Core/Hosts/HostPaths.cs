namespace CriuBench.Hosts;

/// <summary>
/// Paths that are the same on every host. A workload's files and images must be found at the
/// same path where it is restored, so hosts agree on these and differ only in what is behind them.
/// </summary>
public static class HostPaths
{
    /// <summary>The host's own disk: everything a host keeps for the harness lives below it.</summary>
    public const string Disk = "/var/lib/criubench/host";

    /// <summary>Where a shared (network) filesystem is mounted on every host.</summary>
    public const string SharedMount = "/var/lib/criubench/shared";

    /// <summary>The programs and scripts CriuBench copies to every host (<see cref="HostAssets"/>).</summary>
    public const string Assets = Disk + "/assets";

    public static string WorkloadDirectory(string instance) => $"{Disk}/work/{instance}";

    public static string ImagesDirectory(string migrationId) => $"{Disk}/images/{migrationId}";

    /// <summary>Podman's storage and state on a host (the podman engine's); what it keeps of a checkpoint, its archive holds too.</summary>
    public const string PodmanRoot = Disk + "/podman";

    /// <summary>
    /// Where a container's output is, in its workload directory: a directory bind-mounted into the
    /// container (Docker's and Podman's), which moves with the workload.
    /// </summary>
    public const string ContainerOutputFile = "out/output.log";

    /// <summary>The one file a Podman checkpoint writes into a migration's images directory.</summary>
    public const string PodmanArchiveName = "podman-checkpoint.tar";
}
