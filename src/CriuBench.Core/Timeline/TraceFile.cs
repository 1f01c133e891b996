using System.Text.Json;

namespace CriuBench.Timeline;

/// <summary>
/// The run's timeline as a Chrome trace-event file (the JSON object form with "traceEvents"),
/// which Perfetto and chrome://tracing open: complete events ("ph": "X") and instant events
/// ("ph": "i") with microsecond times, one process per track (a host, the phases, CRIU, the
/// transfer, the workload) and one thread per migration, named by metadata events ("ph": "M").
/// </summary>
public static class TraceFile
{
    public static async Task WriteAsync(string path, IReadOnlyList<TimelineSpan> spans, CancellationToken ct = default)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, Document(spans), cancellationToken: ct);
    }

    public static Dictionary<string, object> Document(IReadOnlyList<TimelineSpan> spans)
    {
        var tracks = spans.Select(span => span.Track).Distinct().OrderBy(TrackOrder).ToList();
        var migrations = spans.Select(span => span.Migration).Distinct().ToList();
        var events = new List<Dictionary<string, object>>();
        foreach (var (track, pid) in tracks.Select((track, index) => (track, index + 1)))
        {
            events.Add(Metadata("process_name", pid, 0, "name", track));
            events.Add(Metadata("process_sort_index", pid, 0, "sort_index", pid));
            foreach (var migration in spans.Where(span => span.Track == track).Select(span => span.Migration).Distinct())
                events.Add(Metadata("thread_name", pid, migrations.IndexOf(migration) + 1, "name", migration.Length == 0 ? "run" : migration));
        }
        foreach (var span in spans)
        {
            var args = new Dictionary<string, object> { ["migration"] = span.Migration };
            if (span.Host is { } host) args["host"] = host;
            var trace = new Dictionary<string, object>
            {
                ["name"] = span.Name,
                ["cat"] = span.Category,
                ["ph"] = span.Instant ? "i" : "X",
                ["ts"] = Math.Round(span.StartUs, 1),
                ["pid"] = tracks.IndexOf(span.Track) + 1,
                ["tid"] = migrations.IndexOf(span.Migration) + 1,
                ["args"] = args,
            };
            if (span.Instant) trace["s"] = "t";
            else trace["dur"] = Math.Round(Math.Max(span.DurationUs, 0), 1);
            events.Add(trace);
        }
        return new Dictionary<string, object> { ["traceEvents"] = events, ["displayTimeUnit"] = "ms" };
    }

    /// <summary>The phases first, then CRIU's and the transfer's steps, then the hosts, the workload last.</summary>
    private static int TrackOrder(string track) => track switch
    {
        Tracks.Phases => 0,
        Tracks.Criu => 1,
        Tracks.Transfer => 2,
        Tracks.Workload => 4,
        _ => 3,
    };

    private static Dictionary<string, object> Metadata(string name, int pid, int tid, string key, object value) => new()
    {
        ["name"] = name, ["ph"] = "M", ["pid"] = pid, ["tid"] = tid,
        ["args"] = new Dictionary<string, object> { [key] = value },
    };
}
