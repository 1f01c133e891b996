using CriuBench.Hosts;
using CriuBench.Measurements;

namespace CriuBench.Criu;

/// <summary>
/// CRIU's own numbers for one migration, read from stats-dump and stats-restore in the images
/// directory on the destination. Either may be missing (e.g. an engine that does not keep them).
/// </summary>
public sealed record CriuStatistics(DumpStats? Dump, RestoreStats? Restore)
{
    public const string DumpFile = "stats-dump";
    public const string RestoreFile = "stats-restore";

    public static Task<CriuStatistics> ReadAsync(IHost host, string imagesDirectory, CancellationToken ct) =>
        ReadAsync(host, imagesDirectory, host, imagesDirectory, ct);

    /// <summary>Where CRIU had work directories of its own, each file is where its run wrote it (stats-dump on the source).</summary>
    public static async Task<CriuStatistics> ReadAsync(IHost dumpHost, string dumpDirectory, IHost restoreHost, string restoreDirectory, CancellationToken ct)
    {
        var dump = await dumpHost.TryReadBytesAsync($"{dumpDirectory}/{DumpFile}", ct);
        var restore = await restoreHost.TryReadBytesAsync($"{restoreDirectory}/{RestoreFile}", ct);
        return new CriuStatistics(
            dump is null ? null : CriuStatsReader.ReadDump(dump),
            restore is null ? null : CriuStatsReader.ReadRestore(restore));
    }

    /// <summary>
    /// CRIU's times on the row, each only if it fits inside the attempt: a lazy dump (post-copy)
    /// writes stats-dump before its frozen timer stops, and its frozen time is then a reading of
    /// the clock itself (about the machine's uptime), which no migration can take.
    /// </summary>
    public MigrationRecord AddTo(MigrationRecord row, TimeSpan attemptLength) => row with
    {
        CriuFreezingTimeMs = Within(Dump?.FreezingTime, attemptLength),
        CriuFrozenTimeMs = Within(Dump?.FrozenTime, attemptLength),
        CriuMemdumpTimeMs = Within(Dump?.MemdumpTime, attemptLength),
        CriuMemwriteTimeMs = Within(Dump?.MemwriteTime, attemptLength),
        CriuPagesScanned = Dump?.PagesScanned,
        CriuPagesWritten = Dump?.PagesWritten,
        CriuRestoreTimeMs = Within(Restore?.RestoreTime, attemptLength),
        CriuForkingTimeMs = Within(Restore?.ForkingTime, attemptLength),
        CriuPagesRestored = Restore?.PagesRestored,
    };

    private static double? Within(TimeSpan? time, TimeSpan attemptLength) =>
        time is { } t && t <= attemptLength ? t.TotalMilliseconds : null;
}
