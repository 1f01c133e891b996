namespace CriuBench.Timeline;

/// <summary>
/// Puts the slices of one role into lanes (threads of its track) in which every slice lies wholly
/// inside the one it starts in, as the trace-event format draws complete events of one thread: a
/// CRIU command holds its process start and CRIU's own phases, a migration its phases. A command
/// that overlaps another without nesting (a lazy dump serving pages while the source runs other
/// commands) goes to the next lane, which exists only then. A slice placed from CRIU's statistics
/// (durations, not times) is cut at the end of the one it starts in; its args keep the measured time.
/// </summary>
public static class TraceLanes
{
    public static IReadOnlyList<(TraceSlice Slice, int Lane)> Assign(IEnumerable<TraceSlice> slices)
    {
        var lanes = new List<Stack<TraceSlice>>();
        var placed = new List<(TraceSlice, int)>();
        foreach (var slice in slices.OrderBy(s => s.StartUs).ThenByDescending(s => s.DurationUs).ThenBy(s => s.Measured))
        {
            if (slice.Instant)
            {
                placed.Add((slice, 0)); // a moment nests anywhere
                continue;
            }
            var lane = 0;
            var current = slice;
            for (; ; lane++)
            {
                if (lane == lanes.Count) lanes.Add(new Stack<TraceSlice>());
                var open = lanes[lane];
                while (open.Count > 0 && open.Peek().EndUs <= current.StartUs) open.Pop();
                if (open.Count == 0 || current.EndUs <= open.Peek().EndUs) break;
                if (current.Measured)
                {
                    current = Clamp(current, open.Peek().EndUs);
                    break;
                }
            }
            lanes[lane].Push(current);
            placed.Add((current, lane));
        }
        return placed;
    }

    private static TraceSlice Clamp(TraceSlice slice, double endUs) =>
        slice with
        {
            EndUs = endUs,
            Args = new Dictionary<string, object>(slice.Args) { ["measured_ms"] = Math.Round(slice.DurationUs / 1000, 3), ["cut_at_parent_end"] = true },
        };
}
