namespace CriuBench.Hosts.Lab.Rescue;

/// <summary>The directories of a host's disk (a lab host's, or one in a rescue) that hold CRIU images.</summary>
public static class ImageDirectories
{
    /// <summary>
    /// Directories below <paramref name="disk"/> that hold *.img files or a Podman checkpoint's
    /// archive, as paths the host sees (below <see cref="HostPaths.Disk"/>). Podman's own storage
    /// is passed over: the copy of a checkpoint it keeps there is in the archive too.
    /// </summary>
    public static IReadOnlyList<string> Find(string disk)
    {
        if (!Directory.Exists(disk)) return [];
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var podman = disk + HostPaths.PodmanRoot[HostPaths.Disk.Length..] + "/";
        return Directory.EnumerateFiles(disk, "*.img", options)
            .Concat(Directory.EnumerateFiles(disk, HostPaths.PodmanArchiveName, options))
            .Where(file => !file.StartsWith(podman, StringComparison.Ordinal))
            .Select(Path.GetDirectoryName)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(directory => HostPaths.Disk + directory[disk.Length..])
            .ToList();
    }
}
