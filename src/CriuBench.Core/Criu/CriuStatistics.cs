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

    public MigrationRecord AddTo(MigrationRecord row) => row with
    {
        CriuFreezingTimeMs = Dump?.FreezingTime.TotalMilliseconds,
        CriuFrozenTimeMs = Dump?.FrozenTime.TotalMilliseconds,
        CriuMemdumpTimeMs = Dump?.MemdumpTime.TotalMilliseconds,
        CriuMemwriteTimeMs = Dump?.MemwriteTime.TotalMilliseconds,
        CriuPagesScanned = Dump?.PagesScanned,
        CriuPagesWritten = Dump?.PagesWritten,
        CriuRestoreTimeMs = Restore?.RestoreTime.TotalMilliseconds,
        CriuForkingTimeMs = Restore?.ForkingTime.TotalMilliseconds,
        CriuPagesRestored = Restore?.PagesRestored,
    };
}
