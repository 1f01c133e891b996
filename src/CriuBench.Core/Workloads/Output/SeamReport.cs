namespace CriuBench.Workloads.Output;

/// <summary>
/// What a workload's output shows where a checkpoint cut it. <see cref="CounterGap"/> is
/// FirstAfter - LastBefore - 1: 0 is perfect, &gt;0 values lost, &lt;0 values repeated.
/// <see cref="DowntimeMs"/> is the largest gap between consecutive timestamps across the seam and after it
/// (timestamp output only); <see cref="LinesAfter"/> counts well-formed lines after the seam.
/// </summary>
public sealed record SeamReport(long LastBefore, long FirstAfter, long CounterGap, double? DowntimeMs, int LinesAfter)
{
    /// <summary>The workload's own time (unix ns) of its last line before the seam (timestamp output only).</summary>
    public long? LastBeforeUnixNs { get; init; }

    /// <summary>The workload's own time (unix ns) of its first line after the seam (timestamp output only).</summary>
    public long? FirstAfterUnixNs { get; init; }
}
