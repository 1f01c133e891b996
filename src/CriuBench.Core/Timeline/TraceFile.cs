using System.Text.Json;

namespace CriuBench.Timeline;

/// <summary>
/// The run's timeline as a Chrome trace-event file (the JSON object form with "traceEvents"),
/// which Perfetto and chrome://tracing open. One track (process) per role: the controller (one
/// top-level slice per migration, with its workload, strategy, mode, rate, stop time and bytes,
/// and the harness's phases inside it), each host by name (every command it ran, named by its
/// program, with its process start and CRIU's own phases inside it), and the link (the transfer's
/// steps, and a counter of the bytes sent over it). Complete events ("ph": "X") of one thread
/// nest (<see cref="TraceLanes"/>); instants ("ph": "i") mark the workload's lines around the
/// seam; times are microseconds since the run began.
/// </summary>
public static class TraceFile
{
    public const string LinkCounter = "bytes over the link";

    public static async Task WriteAsync(string path, IReadOnlyList<TimelineSpan> spans, IReadOnlyList<TraceMigration>? migrations = null, CancellationToken ct = default)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, Document(spans, migrations), cancellationToken: ct);
    }

    public static Dictionary<string, object> Document(IReadOnlyList<TimelineSpan> spans, IReadOnlyList<TraceMigration>? migrations = null)
    {
        var described = (migrations ?? []).GroupBy(m => m.Id).ToDictionary(group => group.Key, group => group.Last());
        var slices = spans.Select(Slice).Concat(MigrationSlices(spans, described)).ToList();
        var counter = LinkBytes(spans, described.Values);
        var roles = slices.Select(slice => slice.Role).Concat(counter.Count > 0 ? [Roles.Link] : []).Distinct()
            .OrderBy(Roles.Order).ThenBy(role => role, StringComparer.Ordinal).ToList();

        var events = new List<Dictionary<string, object>>();
        foreach (var (role, pid) in roles.Select((role, index) => (role, index + 1)))
        {
            events.Add(Metadata("process_name", pid, 0, "name", role));
            events.Add(Metadata("process_sort_index", pid, 0, "sort_index", pid));
            var placed = TraceLanes.Assign(slices.Where(slice => slice.Role == role));
            foreach (var lane in placed.Select(p => p.Lane).Distinct().Order())
                events.Add(Metadata("thread_name", pid, lane + 1, "name", lane == 0 ? role : $"{role} ({lane + 1})"));
            foreach (var (slice, lane) in placed)
                events.Add(Event(slice, pid, lane + 1));
        }
        if (counter.Count > 0)
        {
            var link = roles.IndexOf(Roles.Link) + 1;
            events.AddRange(counter.Select(point => new Dictionary<string, object>
            {
                ["name"] = LinkCounter, ["ph"] = "C", ["ts"] = point.AtUs, ["pid"] = link, ["tid"] = 0,
                ["args"] = new Dictionary<string, object> { ["bytes"] = point.Bytes },
            }));
        }
        return new Dictionary<string, object> { ["traceEvents"] = events, ["displayTimeUnit"] = "ms" };
    }

    /// <summary>Where a span is drawn: phases on the controller, the transfer's steps on the link, CRIU's phases and the workload's lines on their host.</summary>
    private static TraceSlice Slice(TimelineSpan span)
    {
        var role = span.Track switch
        {
            Tracks.Phases => Roles.Controller,
            Tracks.Transfer => Roles.Link,
            Tracks.Criu or Tracks.Workload => span.Host ?? Roles.Controller,
            _ => span.Track,
        };
        var args = new Dictionary<string, object>();
        if (span.Migration.Length > 0) args["migration"] = span.Migration;
        if (span.Host is { } host && span.Track == Tracks.Phases) args["host"] = host;
        if (span.Detail is { } detail) args["command"] = detail;
        var start = Round(span.StartUs);
        return new TraceSlice(role, span.Name, span.Category, start, span.Instant ? start : Round(span.StartUs + Math.Max(span.DurationUs, 0)), args,
            span.Instant, Measured: span.Track is Tracks.Criu);
    }

    /// <summary>One slice per migration on the controller, from its first step to its last, with what the run's row says of it.</summary>
    private static IEnumerable<TraceSlice> MigrationSlices(IReadOnlyList<TimelineSpan> spans, Dictionary<string, TraceMigration> described) =>
        spans.Where(span => span.Migration.Length > 0).GroupBy(span => span.Migration).Select(group =>
        {
            var args = new Dictionary<string, object> { ["migration"] = group.Key };
            if (described.TryGetValue(group.Key, out var migration))
                foreach (var (key, value) in migration.Args) args[key] = value;
            return new TraceSlice(Roles.Controller, group.Key, "migration", Round(group.Min(s => s.StartUs)), Round(group.Max(s => s.EndUs)), args);
        });

    /// <summary>
    /// The bytes sent over the link so far, rising by each migration's bytes over its transfer
    /// phase (a shared filesystem has none: its bytes cross inside the stop window, which is used then).
    /// </summary>
    private static List<(double AtUs, long Bytes)> LinkBytes(IReadOnlyList<TimelineSpan> spans, IEnumerable<TraceMigration> migrations)
    {
        var windows = migrations.Where(m => m.LinkBytes > 0).Select(m => (Migration: m, Window: Window(spans, m.Id))).Where(w => w.Window is not null)
            .OrderBy(w => w.Window!.StartUs).ToList();
        if (windows.Count == 0) return [];
        var points = new List<(double, long)> { (0, 0) };
        var total = 0L;
        foreach (var (migration, window) in windows)
        {
            points.Add((Round(window!.StartUs), total));
            total += migration.LinkBytes!.Value;
            points.Add((Round(window.EndUs), total));
        }
        return points;
    }

    private static TimelineSpan? Window(IReadOnlyList<TimelineSpan> spans, string migration)
    {
        var phases = spans.Where(span => span.Migration == migration && span.Track == Tracks.Phases).ToList();
        return phases.LastOrDefault(span => span.Name == "transfer") ?? phases.LastOrDefault(span => span.Name == "stopped");
    }

    private static Dictionary<string, object> Event(TraceSlice slice, int pid, int tid)
    {
        var trace = new Dictionary<string, object>
        {
            ["name"] = slice.Name,
            ["cat"] = slice.Category,
            ["ph"] = slice.Instant ? "i" : "X",
            ["ts"] = slice.StartUs,
            ["pid"] = pid,
            ["tid"] = tid,
            ["args"] = slice.Args,
        };
        if (slice.Instant) trace["s"] = "t";
        else trace["dur"] = Round(slice.DurationUs);
        return trace;
    }

    private static double Round(double us) => Math.Round(us, 1);

    private static Dictionary<string, object> Metadata(string name, int pid, int tid, string key, object value) => new()
    {
        ["name"] = name, ["ph"] = "M", ["pid"] = pid, ["tid"] = tid,
        ["args"] = new Dictionary<string, object> { [key] = value },
    };
}
