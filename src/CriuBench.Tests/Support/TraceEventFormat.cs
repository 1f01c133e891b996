using System.Text.Json;

namespace CriuBench.Tests.Support;

/// <summary>
/// What a trace.json must be to open in Perfetto and chrome://tracing as the trace-event format
/// defines it: the object form, each event with its required fields and numbers as numbers, every
/// track named, and complete events of one thread nested (each lies wholly inside the one it
/// starts in). Returns every problem, so a test shows them all.
/// </summary>
internal static class TraceEventFormat
{
    /// <summary>Times are written to 0.1 µs: an end within this of its parent's is inside it.</summary>
    private const double Tolerance = 0.11;

    public static IReadOnlyList<string> Problems(JsonElement root)
    {
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("traceEvents", out var array) || array.ValueKind != JsonValueKind.Array)
            return ["not the object form with a traceEvents array"];
        var events = array.EnumerateArray().ToList();
        var named = events.Where(e => Str(e, "ph") == "M" && Str(e, "name") == "process_name").Select(e => Int(e, "pid")).ToHashSet();
        var threads = events.Where(e => Str(e, "ph") == "M" && Str(e, "name") == "thread_name").Select(e => (Int(e, "pid"), Int(e, "tid"))).ToHashSet();
        foreach (var e in events)
        {
            var ph = Str(e, "ph");
            if (e.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String) { } else problems.Add($"{e}: no name");
            if (!IsNumber(e, "pid") || !IsNumber(e, "tid")) { problems.Add($"{e}: pid and tid must be numbers"); continue; }
            switch (ph)
            {
                case "M":
                    if (Str(e, "name") is not ("process_name" or "process_sort_index" or "thread_name" or "thread_sort_index")) problems.Add($"{e}: unknown metadata");
                    if (!e.TryGetProperty("args", out var margs) || margs.ValueKind != JsonValueKind.Object) problems.Add($"{e}: metadata without args");
                    break;
                case "X" or "i" or "C":
                    if (!IsNumber(e, "ts") || e.GetProperty("ts").GetDouble() < 0) problems.Add($"{e}: ts must be a number from 0");
                    if (ph == "X" && (!IsNumber(e, "dur") || e.GetProperty("dur").GetDouble() < 0)) problems.Add($"{e}: a complete event needs a dur from 0");
                    if (ph == "i" && Str(e, "s") is not ("t" or "p" or "g")) problems.Add($"{e}: an instant needs a scope");
                    if (ph == "C" && !(e.TryGetProperty("args", out var cargs) && cargs.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.Number)))
                        problems.Add($"{e}: a counter's args must be numbers");
                    if (!named.Contains(Int(e, "pid"))) problems.Add($"{e}: its process has no name");
                    if (ph != "C" && !threads.Contains((Int(e, "pid"), Int(e, "tid")))) problems.Add($"{e}: its thread has no name");
                    break;
                default:
                    problems.Add($"{e}: phase '{ph}' is not one the trace uses");
                    break;
            }
        }
        problems.AddRange(NestingProblems(events));
        return problems;
    }

    /// <summary>Per thread, in start order (longer first at equal starts), each slice ends inside the one it starts in.</summary>
    public static IEnumerable<string> NestingProblems(IReadOnlyList<JsonElement> events)
    {
        foreach (var thread in events.Where(e => Str(e, "ph") == "X").GroupBy(e => (Int(e, "pid"), Int(e, "tid"))))
        {
            var open = new Stack<(double End, string Name)>();
            foreach (var e in thread.OrderBy(e => e.GetProperty("ts").GetDouble()).ThenByDescending(e => e.GetProperty("dur").GetDouble()))
            {
                var start = e.GetProperty("ts").GetDouble();
                var end = start + e.GetProperty("dur").GetDouble();
                while (open.Count > 0 && open.Peek().End <= start + Tolerance) open.Pop();
                if (open.Count > 0 && end > open.Peek().End + Tolerance)
                    yield return $"'{Str(e, "name")}' ({start}..{end} µs, pid {thread.Key.Item1} tid {thread.Key.Item2}) ends after '{open.Peek().Name}' it starts in (ends {open.Peek().End})";
                open.Push((end, Str(e, "name") ?? ""));
            }
        }
    }

    private static string? Str(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    private static int Int(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : -1;
    private static bool IsNumber(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number;
}
