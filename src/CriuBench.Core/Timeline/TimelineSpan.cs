namespace CriuBench.Timeline;

/// <summary>
/// One step of a migration on the run's monotonic clock: what ran, on which track (a host, or a
/// phase), when it started and how long it took, both in microseconds since the run began.
/// </summary>
/// <param name="Migration">The migration it belongs to (empty for run-level steps such as bringing hosts up).</param>
/// <param name="Category">What kind of step: "phase", "command", "spawn", "criu", "transfer", "verify", "workload".</param>
/// <param name="Instant">A moment rather than a step (the workload's last line before the seam): <see cref="DurationUs"/> is 0.</param>
/// <param name="Host">Where a phase ran, for a step on a track that is not a host's own (the phases'); null where the track says it.</param>
/// <param name="Detail">What exactly ran (a command's whole argument list), for the trace's args; null for none.</param>
public sealed record TimelineSpan(string Migration, string Track, string Name, string Category, double StartUs, double DurationUs, bool Instant = false,
    string? Host = null, string? Detail = null)
{
    public double EndUs => StartUs + DurationUs;
}
