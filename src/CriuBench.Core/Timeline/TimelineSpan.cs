namespace CriuBench.Timeline;

/// <summary>
/// One step of a migration on the run's monotonic clock: what ran, on which track (a host, or a
/// phase), when it started and how long it took, both in microseconds since the run began.
/// </summary>
/// <param name="Migration">The migration it belongs to (empty for run-level steps such as bringing hosts up).</param>
/// <param name="Category">What kind of step: "phase", "command", "criu", "transfer", "verify", "workload".</param>
public sealed record TimelineSpan(string Migration, string Track, string Name, string Category, double StartUs, double DurationUs)
{
    public double EndUs => StartUs + DurationUs;
}
