using System.Collections.Concurrent;

namespace CriuBench.Timeline;

/// <summary>
/// Collects the spans of a run. Thread-safe: steps of one migration may run concurrently (a
/// post-copy restore while the source still serves pages).
/// </summary>
public sealed class MigrationTimeline(RunClock clock)
{
    private readonly ConcurrentQueue<TimelineSpan> spans = new();

    public RunClock Clock { get; } = clock;

    public IReadOnlyList<TimelineSpan> Spans => [.. spans.OrderBy(span => span.StartUs)];

    public void Add(TimelineSpan span) => spans.Enqueue(span);

    /// <summary>Times the step from now until the returned handle is disposed.</summary>
    public IDisposable Step(string migration, string track, string name, string category = "phase") =>
        new OpenSpan(this, migration, track, name, category, Clock.NowUs);

    /// <summary>A step already measured elsewhere (e.g. CRIU's own phases from its statistics), placed at <paramref name="startUs"/>.</summary>
    public void Add(string migration, string track, string name, string category, double startUs, double durationUs) =>
        Add(new TimelineSpan(migration, track, name, category, startUs, durationUs));

    private sealed class OpenSpan(MigrationTimeline timeline, string migration, string track, string name, string category, double startUs) : IDisposable
    {
        private bool closed;

        public void Dispose()
        {
            if (closed) return;
            closed = true;
            timeline.Add(new TimelineSpan(migration, track, name, category, startUs, timeline.Clock.NowUs - startUs));
        }
    }
}
