using System.Diagnostics;

namespace CriuBench.Timeline;

/// <summary>
/// The run's one monotonic clock: every span is placed on it, whichever host it describes. The
/// wall-clock time of its origin places what a workload stamps with its own clock (unix ns).
/// </summary>
public sealed class RunClock
{
    private readonly long origin = Stopwatch.GetTimestamp();
    private readonly long originUnixNs = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;

    public double NowUs => Stopwatch.GetElapsedTime(origin).TotalMicroseconds;

    public double ToUs(long timestamp) => (timestamp - origin) * 1_000_000.0 / Stopwatch.Frequency;

    /// <summary>A wall-clock instant (ns since the unix epoch, as the workloads print it) on this clock.</summary>
    public double FromUnixNs(long unixNs) => (unixNs - originUnixNs) / 1000.0;
}
