namespace CriuBench.Hosts.Lab.Rescue;

/// <summary>
/// One set of CRIU images in a rescue: where its host kept it (<paramref name="HostPath"/>, a path
/// below <see cref="HostPaths.Disk"/>) and where it is now (<paramref name="Path"/>), whether CRIU
/// finished writing it (stats-dump is written last, after "Dumping finished successfully"), and
/// whether a restore from it already failed (restore.log says "Restoring FAILED", e.g. the
/// source's images were damaged and the fallback restore on the source failed).
/// </summary>
public sealed record RescuedCheckpoint(string Host, string HostPath, string Path, string MigrationId, bool Complete, bool RestoreFailed)
{
    public const string CompletionMarker = "stats-dump";
    public const string FailedRestoreLine = "Restoring FAILED";

    public bool Usable => Complete && !RestoreFailed;

    /// <summary>Reads what is in <paramref name="path"/>, which its host saw as <paramref name="hostPath"/>.</summary>
    public static RescuedCheckpoint Read(string host, string hostPath, string path)
    {
        var restoreLog = System.IO.Path.Combine(path, RescueCommands.RestoreLog);
        var failed = File.Exists(restoreLog) && File.ReadLines(restoreLog).Any(line => line.Contains(FailedRestoreLine, StringComparison.Ordinal));
        return new(host, hostPath, path, MigrationIdOf(hostPath), File.Exists(System.IO.Path.Combine(path, CompletionMarker)), failed);
    }

    /// <summary>
    /// The migration an images directory belongs to, from its path: images/ID (the copying
    /// strategies), export/ID/images or nfs-export/ID/images (a shared filesystem's export).
    /// </summary>
    public static string MigrationIdOf(string hostPath)
    {
        var parts = hostPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts[^1] == "images" ? parts[^2] : parts[^1];
    }

    /// <summary>The instance a migration id names (ID is INSTANCE-rNNN, see Migration.MigrationRequest.MigrationId).</summary>
    public static string InstanceOf(string migrationId) =>
        System.Text.RegularExpressions.Regex.Match(migrationId, @"^(.+)-r\d+") is { Success: true } match ? match.Groups[1].Value : migrationId;
}
