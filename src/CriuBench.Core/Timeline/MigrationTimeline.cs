using System.Collections.Concurrent;

namespace CriuBench.Timeline;

/// <summary>
/// Collects the spans of a run. Thread-safe: steps of one migration may run concurrently (a
/// post-copy restore while the source still serves pages).
/// </summary>
public sealed class MigrationTimeline(RunClock clock)
{
    private readonly ConcurrentQueue<TimelineSpan> spans = new();
    private readonly AsyncLocal<string?> current = new();

    public RunClock Clock { get; } = clock;

    public IReadOnlyList<TimelineSpan> Spans => [.. spans.OrderBy(span => span.StartUs)];

    /// <summary>The migration the calling flow works on, so a host's commands land on its row; empty between migrations.</summary>
    public string CurrentMigration => current.Value ?? "";

    /// <summary>Marks the calling async flow (and what it awaits) as working on <paramref name="migration"/>.</summary>
    public IDisposable Within(string migration)
    {
        var previous = current.Value;
        current.Value = migration;
        return new Restore(() => current.Value = previous);
    }

    public void Add(TimelineSpan span) => spans.Enqueue(span);

    /// <summary>Times the step from now until the returned handle is disposed; <paramref name="host"/> says where it ran.</summary>
    public IDisposable Step(string migration, string track, string name, string category = "phase", string? host = null) =>
        new OpenSpan(this, migration, track, name, category, host, Clock.NowUs);

    /// <summary>A step already measured elsewhere (e.g. CRIU's own phases from its statistics), placed at <paramref name="startUs"/>.</summary>
    public void Add(string migration, string track, string name, string category, double startUs, double durationUs) =>
        Add(new TimelineSpan(migration, track, name, category, startUs, durationUs));

    /// <summary>A moment (the workload's last line before the seam), placed at <paramref name="atUs"/>.</summary>
    public void Mark(string migration, string track, string name, string category, double atUs) =>
        Add(new TimelineSpan(migration, track, name, category, atUs, 0, Instant: true));

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    private sealed class OpenSpan(MigrationTimeline timeline, string migration, string track, string name, string category, string? host, double startUs)
        : IDisposable
    {
        private bool closed;

        public void Dispose()
        {
            if (closed) return;
            closed = true;
            timeline.Add(new TimelineSpan(migration, track, name, category, startUs, timeline.Clock.NowUs - startUs, Host: host));
        }
    }
}
