using System.Diagnostics;

namespace CriuBench.Timeline;

/// <summary>The run's one monotonic clock: every span is placed on it, whichever host it describes.</summary>
public sealed class RunClock
{
    private readonly long origin = Stopwatch.GetTimestamp();

    public double NowUs => Stopwatch.GetElapsedTime(origin).TotalMicroseconds;

    public double ToUs(long timestamp) => (timestamp - origin) * 1_000_000.0 / Stopwatch.Frequency;
}
