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

    public static async Task<CriuStatistics> ReadAsync(IHost host, string imagesDirectory, CancellationToken ct)
    {
        var dump = await host.TryReadBytesAsync($"{imagesDirectory}/{DumpFile}", ct);
        var restore = await host.TryReadBytesAsync($"{imagesDirectory}/{RestoreFile}", ct);
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
