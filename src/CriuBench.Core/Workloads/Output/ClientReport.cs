namespace CriuBench.Workloads.Output;

/// <summary>
/// What a service's client saw around one migration, from its own lines: the largest gap between
/// completed requests (the downtime it saw) and the lines on either side of it, the counter's
/// breaks, and, where its lines carry them (<see cref="ClientFields"/>), the failed requests,
/// the connections it had to open again and the 99th percentile of its latency after the restore.
/// </summary>
public sealed record ClientReport
{
    public required double DowntimeMs { get; init; }

    /// <summary>Counter values lost (&gt;0) or repeated (&lt;0) over the window: each break's FirstAfter - LastBefore - 1, summed.</summary>
    public required long CounterGap { get; init; }

    /// <summary>The lines before and after the largest gap (counter, unix ns), and the file offset of the one after.</summary>
    public required long LastBefore { get; init; }
    public required long FirstAfter { get; init; }
    public required long LastBeforeUnixNs { get; init; }
    public required long FirstAfterUnixNs { get; init; }
    public required long FirstAfterOffset { get; init; }

    /// <summary>Lines after the largest gap, within the window.</summary>
    public required int LinesAfter { get; init; }

    public long? FailedRequests { get; init; }
    public long? Reconnects { get; init; }
    public double? P99AfterMs { get; init; }

    /// <summary>The client printed a line at or past the window's end: the window is complete.</summary>
    public required bool Complete { get; init; }

    /// <summary>The same as a <see cref="SeamReport"/>, for what reads seams (the timeline, the row's gap and downtime).</summary>
    public SeamReport AsSeam() => new(LastBefore, FirstAfter, CounterGap, DowntimeMs, LinesAfter)
    {
        LastBeforeUnixNs = LastBeforeUnixNs,
        FirstAfterUnixNs = FirstAfterUnixNs,
    };
}
