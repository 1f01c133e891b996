namespace CriuBench.Hosts.Lab;

/// <summary>
/// CRIU images still on a lab host's disk when the lab goes down: a workload lost mid-migration,
/// or a run killed in the middle of one. They are all that is left of that workload, so the
/// host's disk is moved out of the lab (with the workload's files, which a restore needs at the
/// same paths) instead of being deleted, and the user is told where.
/// </summary>
internal static class LeftoverImages
{
    public const string RescueRoot = "/var/lib/criubench/rescued";

    /// <summary>Directories on the host's disk that hold *.img files, as paths the host sees (below <see cref="HostPaths.Disk"/>).</summary>
    public static IReadOnlyList<string> Find(string disk)
    {
        if (!Directory.Exists(disk)) return [];
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        return Directory.EnumerateFiles(disk, "*.img", options)
            .Select(Path.GetDirectoryName)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(directory => HostPaths.Disk + directory[disk.Length..])
            .ToList();
    }

    /// <summary>Moves the host's disk to a rescue directory named after the lab, the time and the host; returns where it went.</summary>
    public static string Rescue(LabLayout layout, string host, DateTimeOffset now)
    {
        var target = Path.Combine(RescueRoot, $"{layout.Name}-{now:yyyyMMdd'T'HHmmss}", host);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Directory.Move(layout.DiskOf(host), target);
        return target;
    }
}
