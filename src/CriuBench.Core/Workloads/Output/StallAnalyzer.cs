namespace CriuBench.Workloads.Output;

/// <summary>
/// The stall of a post-copy migration: after the restore the workload runs while its memory is
/// still arriving, and each touch of a missing page waits for the network. Its own timestamps show
/// that as gaps between consecutive lines. The gap across the seam is the downtime, not a stall.
/// </summary>
public static class StallAnalyzer
{
    /// <summary>
    /// The largest gap (ms) between consecutive timestamped lines of <paramref name="afterSeam"/>
    /// (the output from the seam on) whose earlier line was printed before <paramref name="untilNs"/>
    /// (when the last page arrived, by the same clock); every line when it is null. Null when fewer
    /// than two lines qualify. Malformed lines and a trailing line without '\n' are skipped.
    /// </summary>
    public static double? LargestGapMs(ReadOnlySpan<byte> afterSeam, long? untilNs) =>
        LargestGapMs(afterSeam, untilNs, OutputFormat.CounterTimestamp);

    /// <summary>As above, with lines in <paramref name="format"/> (the allocator's carry its memory verdict after the timestamp).</summary>
    public static double? LargestGapMs(ReadOnlySpan<byte> afterSeam, long? untilNs, LineFormat format)
    {
        long? previous = null, largest = null;
        for (int nl; (nl = afterSeam.IndexOf((byte)'\n')) >= 0; afterSeam = afterSeam[(nl + 1)..])
        {
            if (!OutputLine.TryParse(afterSeam[..nl], format, out _, out var ns)) continue;
            if (previous is { } before)
            {
                largest = Math.Max(largest ?? long.MinValue, ns - before);
                if (untilNs is { } end && ns >= end) break;
            }
            else if (untilNs is { } end && ns >= end) break; // the first line already came after the last page
            previous = ns;
        }
        return largest / 1e6;
    }
}
