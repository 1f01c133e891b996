using CriuBench.Hosts.Lab.Rescue;

namespace CriuBench.Hosts.Lab;

/// <summary>
/// CRIU images still on a lab host's disk when the lab goes down: a workload lost mid-migration,
/// or a run killed in the middle of one. They are all that is left of that workload, so the
/// host's disk is moved out of the lab (with the workload's files, which a restore needs at the
/// same paths) instead of being deleted, and the user is told where.
/// </summary>
internal static class LeftoverImages
{
    public const string RescueRoot = LabRescue.Root;

    /// <summary>Directories on the host's disk that hold *.img files, as paths the host sees (below <see cref="HostPaths.Disk"/>).</summary>
    public static IReadOnlyList<string> Find(string disk) => ImageDirectories.Find(disk);

    /// <summary>A new rescue directory, named after the lab and the time.</summary>
    public static string RescueDirectory(LabLayout layout, DateTimeOffset now)
    {
        var target = Path.Combine(RescueRoot, $"{layout.Name}-{now:yyyyMMdd'T'HHmmss}");
        for (var n = 2; Directory.Exists(target); n++) target = Path.Combine(RescueRoot, $"{layout.Name}-{now:yyyyMMdd'T'HHmmss}-{n}");
        Directory.CreateDirectory(target);
        return target;
    }

    /// <summary>Moves the host's disk into the rescue directory <paramref name="rescue"/>; returns where it went (null: it had none).</summary>
    public static string? MoveDisk(LabLayout layout, string host, string rescue)
    {
        if (!Directory.Exists(layout.DiskOf(host))) return null;
        var target = Path.Combine(rescue, host);
        Directory.Move(layout.DiskOf(host), target);
        return target;
    }
}
