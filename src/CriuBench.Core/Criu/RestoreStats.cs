namespace CriuBench.Criu;

/// <summary>
/// CRIU's own account of a <c>criu restore</c>, from its stats-restore file. Times are CRIU's
/// microseconds; <see cref="PagesRestored"/> is null when the file lacks it (older CRIU versions).
/// </summary>
public sealed record RestoreStats(
    TimeSpan ForkingTime,
    TimeSpan RestoreTime,
    long PagesCompared,
    long PagesSkippedCow,
    long? PagesRestored);
