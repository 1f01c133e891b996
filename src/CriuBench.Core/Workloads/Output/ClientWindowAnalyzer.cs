using System.Text;

namespace CriuBench.Workloads.Output;

/// <summary>
/// Reads a service client's output around one migration. The client keeps printing up to the
/// freeze and again after the restore, so there is no one cut as with a workload that is itself
/// dumped: the window runs from the client's output size just before the checkpoint until
/// <c>windowAfter</c> past the restore's return, and the downtime is its largest gap between
/// consecutive completed requests.
/// </summary>
public static class ClientWindowAnalyzer
{
    /// <param name="text">The output from <paramref name="textOffset"/> (a line start) to its end.</param>
    /// <param name="before">The output's size just before the checkpoint; the last line before it is the baseline.</param>
    /// <param name="restoredNs">When the restore returned (unix ns, the client's clock).</param>
    /// <returns>Null when the window holds no line after <paramref name="before"/> or none before it.</returns>
    public static ClientReport? Analyze(ReadOnlySpan<byte> text, long textOffset, long before, LineFormat format, ClientFields? fields,
        long restoredNs, TimeSpan windowAfter)
    {
        var windowEndNs = restoredNs + (long)windowAfter.TotalNanoseconds;
        Line? baseline = null, previous = null;
        (Line Before, Line After)? largest = null;
        long counterGap = 0;
        var linesAfter = 0;
        var complete = false;
        var latencies = new List<double>();
        var offset = textOffset;
        for (int nl; (nl = text.IndexOf((byte)'\n')) >= 0; offset += nl + 1, text = text[(nl + 1)..])
        {
            var raw = text[..nl];
            if (!OutputLine.TryParse(raw, format, out var counter, out var ns)) continue;
            var line = new Line(counter, ns, offset, Field(raw, fields?.Failed), Field(raw, fields?.Connects));
            if (offset < before)
            {
                baseline = line;
                previous = line;
                continue;
            }
            if (previous is null) { previous = line; baseline = line; continue; }
            if (ns > windowEndNs) { complete = true; break; }
            counterGap += counter - previous.Counter - 1;
            if (largest is null || ns - previous.Ns > largest.Value.After.Ns - largest.Value.Before.Ns)
            {
                largest = (previous, line);
                linesAfter = 0;
            }
            linesAfter++;
            if (ns >= restoredNs && Field(raw, fields?.LatencyUs) is { } latency) latencies.Add(latency / 1000.0);
            previous = line;
        }
        if (largest is not { } gap || baseline is null || previous is null) return null;
        return new ClientReport
        {
            DowntimeMs = (gap.After.Ns - gap.Before.Ns) / 1e6,
            CounterGap = counterGap,
            LastBefore = gap.Before.Counter,
            FirstAfter = gap.After.Counter,
            LastBeforeUnixNs = gap.Before.Ns,
            FirstAfterUnixNs = gap.After.Ns,
            FirstAfterOffset = gap.After.Offset,
            LinesAfter = linesAfter,
            FailedRequests = previous.Failed - baseline.Failed,
            Reconnects = previous.Connects - baseline.Connects,
            P99AfterMs = latencies.Count > 0 ? Percentile(latencies, 0.99) : null,
            Complete = complete,
        };
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least that share of values at or below it.</summary>
    public static double Percentile(List<double> values, double share)
    {
        values.Sort();
        var rank = (int)Math.Ceiling(share * values.Count);
        return values[Math.Clamp(rank - 1, 0, values.Count - 1)];
    }

    internal static long? Field(ReadOnlySpan<byte> line, int? number) =>
        number is { } n && OutputFields.TryGet(line, n, out var field) && long.TryParse(Encoding.ASCII.GetString(field), out var value) ? value : null;

    private sealed record Line(long Counter, long Ns, long Offset, long? Failed, long? Connects);
}
