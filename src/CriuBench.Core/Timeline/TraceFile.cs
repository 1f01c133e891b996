using System.Text.Json;

namespace CriuBench.Timeline;

/// <summary>
/// The run's timeline as a Chrome trace-event file (the JSON object form with "traceEvents"),
/// which Perfetto and chrome://tracing open: complete events ("ph": "X") with microsecond times,
/// one process per host and one for the migrations' phases, named by metadata events.
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
        var tracks = spans.Select(span => span.Track).Distinct().ToList();
        var migrations = spans.Select(span => span.Migration).Distinct().ToList();
        var events = new List<Dictionary<string, object>>();
        foreach (var (track, index) in tracks.Select((track, index) => (track, index + 1)))
            events.Add(Metadata("process_name", index, 0, track));
        foreach (var span in spans)
        {
            events.Add(new Dictionary<string, object>
            {
                ["name"] = span.Name,
                ["cat"] = span.Category,
                ["ph"] = "X",
                ["ts"] = Math.Round(span.StartUs, 1),
                ["dur"] = Math.Round(span.DurationUs, 1),
                ["pid"] = tracks.IndexOf(span.Track) + 1,
                ["tid"] = migrations.IndexOf(span.Migration) + 1,
                ["args"] = new Dictionary<string, object> { ["migration"] = span.Migration },
            });
        }
        return new Dictionary<string, object> { ["traceEvents"] = events, ["displayTimeUnit"] = "ms" };
    }

    private static Dictionary<string, object> Metadata(string name, int pid, int tid, string value) => new()
    {
        ["name"] = name, ["ph"] = "M", ["pid"] = pid, ["tid"] = tid,
        ["args"] = new Dictionary<string, object> { ["name"] = value },
    };
}
