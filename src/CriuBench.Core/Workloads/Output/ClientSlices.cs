namespace CriuBench.Workloads.Output;

/// <summary>
/// A service client's answers around one migration cut into equal slices of time: how many
/// requests were answered in each and the slowest of them. The slices run from
/// <see cref="Before"/> ahead of the checkpoint to <see cref="After"/> past the restore's return,
/// empty ones included (they are the service not answering).
/// </summary>
public static class ClientSlices
{
    public static readonly TimeSpan Before = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan After = TimeSpan.FromSeconds(2);

    public readonly record struct Slice(int StartMs, int Requests, double? MaxLatencyMs);

    /// <param name="text">Client output, whole lines; lines outside the window are skipped.</param>
    /// <param name="checkpointNs">When the checkpoint began (unix ns): slice times count from it.</param>
    /// <param name="restoredNs">When the restore returned (unix ns).</param>
    public static IReadOnlyList<Slice> Of(ReadOnlySpan<byte> text, LineFormat format, ClientFields? fields, long checkpointNs, long restoredNs, int sliceMs)
    {
        var sliceNs = sliceMs * 1_000_000L;
        var firstNs = checkpointNs - (long)Before.TotalNanoseconds;
        var count = (int)Math.Max(1, (restoredNs + (long)After.TotalNanoseconds - firstNs + sliceNs - 1) / sliceNs);
        var requests = new int[count];
        var slowest = new double?[count];
        for (int nl; (nl = text.IndexOf((byte)'\n')) >= 0; text = text[(nl + 1)..])
        {
            var line = text[..nl];
            if (!OutputLine.TryParse(line, format, out _, out var ns) || ns < firstNs) continue;
            var index = (ns - firstNs) / sliceNs;
            if (index >= count) break;
            requests[index]++;
            if (ClientWindowAnalyzer.Field(line, fields?.LatencyUs) is { } latencyUs)
                slowest[index] = Math.Max(slowest[index] ?? 0, latencyUs / 1000.0);
        }
        var startMs = -(int)Before.TotalMilliseconds;
        return Enumerable.Range(0, count).Select(i => new Slice(startMs + i * sliceMs, requests[i], slowest[i])).ToList();
    }
}
