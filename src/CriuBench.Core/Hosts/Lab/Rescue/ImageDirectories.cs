namespace CriuBench.Hosts.Lab.Rescue;

/// <summary>The directories of a host's disk (a lab host's, or one in a rescue) that hold CRIU images.</summary>
public static class ImageDirectories
{
    /// <summary>Directories below <paramref name="disk"/> that hold *.img files, as paths the host sees (below <see cref="HostPaths.Disk"/>).</summary>
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
}
