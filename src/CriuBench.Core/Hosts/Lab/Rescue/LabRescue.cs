using System.Globalization;

namespace CriuBench.Hosts.Lab.Rescue;

/// <summary>
/// A rescue: a lab's host disks kept at its teardown because they held CRIU images, the only
/// state left of a workload whose migration was interrupted (Ctrl-C, SIGTERM, a killed run) or
/// lost. /var/lib/criubench/rescued/LAB-TIME/HOST is what that host had at /var/lib/criubench/host;
/// images and the workload's files may be on different hosts (a shared filesystem's export is on
/// the serving host, the workload's files where it ran), so every host's disk is kept together.
/// README.md in it says how to bring each workload back.
/// </summary>
public sealed record LabRescue(string Directory, IReadOnlyList<string> Hosts, IReadOnlyList<RescuedWorkload> Workloads)
{
    public const string Root = "/var/lib/criubench/rescued";
    public const string ReadmeName = "README.md";

    public string Name => Path.GetFileName(Directory);
    public string Readme => Path.Combine(Directory, ReadmeName);

    /// <summary>All rescues under <paramref name="root"/>, oldest first.</summary>
    public static IReadOnlyList<LabRescue> All(string root = Root) =>
        System.IO.Directory.Exists(root)
            ? System.IO.Directory.GetDirectories(root).Order(StringComparer.Ordinal).Select(Read).ToList()
            : [];

    /// <summary>Reads a rescue directory: each host's disk, its images, each workload's work directory.</summary>
    public static LabRescue Read(string directory)
    {
        directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(directory)) throw new DirectoryNotFoundException($"{directory} does not exist");
        var hosts = System.IO.Directory.GetDirectories(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var checkpoints = hosts
            .SelectMany(host => ImageDirectories.Find(Path.Combine(directory, host))
                .Select(hostPath => RescuedCheckpoint.Read(host, hostPath, Path.Combine(directory, host) + hostPath[HostPaths.Disk.Length..])))
            .ToList();
        var workloads = checkpoints
            .GroupBy(images => images.MigrationId)
            .Select(group => new RescuedWorkload(RescuedCheckpoint.InstanceOf(group.Key), group.Key,
                group.ToList(),
                WorkDirectoryOf(directory, hosts, RescuedCheckpoint.InstanceOf(group.Key), group.Key,
                    RescuedWorkload.OutputIn(podman: group.Any(images => images.PodmanArchive is not null)))))
            .OrderBy(workload => workload.MigrationId, StringComparer.Ordinal)
            .ToList();
        return new LabRescue(directory, hosts, workloads);
    }

    /// <summary>Bytes on disk below the rescue (a 256 MiB allocator leaves about 0.5 GB: its images on both hosts).</summary>
    public long SizeBytes() =>
        new DirectoryInfo(Directory).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Sum(file => file.Length);

    public DateTime CreatedUtc => System.IO.Directory.GetCreationTimeUtc(Directory);

    public static string DescribeSize(long bytes) =>
        bytes >= 1L << 30 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.00} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB");

    /// <summary>
    /// The copy of the workload's directory with the most output: the workload's own (where it ran
    /// and was dumped) or a moved copy (unpacked on the destination, or the shared filesystem's files/).
    /// </summary>
    private static string? WorkDirectoryOf(string directory, IReadOnlyList<string> hosts, string instance, string migrationId, string output)
    {
        var candidates = hosts.SelectMany(host => new[]
        {
            Path.Combine(directory, host, "work", instance),
            Path.Combine(directory, host, "export", migrationId, "files"),
            Path.Combine(directory, host, "nfs-export", migrationId, "files"),
        });
        return candidates
            .Where(candidate => File.Exists(Path.Combine(candidate, output)))
            .OrderByDescending(candidate => new FileInfo(Path.Combine(candidate, output)).Length)
            .FirstOrDefault();
    }
}
