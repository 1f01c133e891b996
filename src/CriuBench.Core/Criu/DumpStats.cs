namespace CriuBench.Criu;

/// <summary>
/// CRIU's own account of a <c>criu dump</c>, from its stats-dump file. Times are CRIU's
/// microseconds. Values CRIU's format marks optional are null when the file lacks them
/// (older CRIU versions); CRIU 4.1.1 writes them all.
/// </summary>
public sealed record DumpStats(
    TimeSpan FreezingTime,
    TimeSpan FrozenTime,
    TimeSpan MemdumpTime,
    TimeSpan MemwriteTime,
    long PagesScanned,
    long PagesSkippedParent,
    long PagesWritten,
    long PagesLazy,
    TimeSpan? IrmapResolveTime,
    long? PagePipes,
    long? PagePipeBufs,
    long? ShpagesScanned,
    long? ShpagesSkippedParent,
    long? ShpagesWritten);
