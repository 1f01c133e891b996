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

    /// <summary>
    /// The checkpoint is a Podman archive (the podman engine's): complete when it reads to its end
    /// and holds CRIU's stats-dump (Podman exports it after the dump finished).
    /// </summary>
    public string? PodmanArchive { get; init; }

    /// <summary>Reads what is in <paramref name="path"/>, which its host saw as <paramref name="hostPath"/>.</summary>
    public static RescuedCheckpoint Read(string host, string hostPath, string path)
    {
        var archive = System.IO.Path.Combine(path, HostPaths.PodmanArchiveName);
        if (File.Exists(archive))
            return new(host, hostPath, path, MigrationIdOf(hostPath), ArchiveHoldsCompletionMarker(archive), RestoreFailed: false) { PodmanArchive = archive };
        var restoreLog = System.IO.Path.Combine(path, RescueCommands.RestoreLog);
        var failed = File.Exists(restoreLog) && File.ReadLines(restoreLog).Any(line => line.Contains(FailedRestoreLine, StringComparison.Ordinal));
        return new(host, hostPath, path, MigrationIdOf(hostPath), File.Exists(System.IO.Path.Combine(path, CompletionMarker)), failed);
    }

    /// <summary>A cut-short archive ends inside an entry (the reader throws) or before CRIU's stats-dump.</summary>
    private static bool ArchiveHoldsCompletionMarker(string archive)
    {
        try
        {
            using var reader = new System.Formats.Tar.TarReader(File.OpenRead(archive));
            var marker = false;
            while (reader.GetNextEntry() is { } entry)
            {
                marker |= entry.Name.TrimStart('.', '/') == CompletionMarker;
                entry.DataStream?.CopyTo(Stream.Null); // a truncated entry throws here
            }
            return marker;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException) { return false; }
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
