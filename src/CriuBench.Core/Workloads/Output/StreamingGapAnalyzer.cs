using System.Buffers;

namespace CriuBench.Workloads.Output;

/// <summary>
/// Reads a whole output log in constant memory (one pooled buffer, nothing allocated per line) and
/// counts every place where the counter did not go up by one; optionally runs the workload's own
/// check on every line, attributed to the migration seams between which it was printed.
/// </summary>
public static class StreamingGapAnalyzer
{
    public const int DefaultBufferSize = 64 * 1024;
    public const int DefaultMaxRecorded = 100;

    /// <param name="bufferSize">Bytes read at a time; any size from 1 works (small sizes are for tests).</param>
    /// <param name="maxRecorded">How many discontinuities <see cref="GapSummary.First"/> keeps.</param>
    public static GapSummary Analyze(Stream log, LineFormat format,
        int bufferSize = DefaultBufferSize, int maxRecorded = DefaultMaxRecorded) =>
        Analyze(log, format, check: null, seams: [], bufferSize, maxRecorded).Gaps;

    /// <summary>The gaps, and <paramref name="check"/> (if any) over every well-formed line.</summary>
    public static OutputAnalysis Analyze(Stream log, LineFormat format, OutputCheck? check, IReadOnlyList<OutputSeam> seams,
        int bufferSize = DefaultBufferSize, int maxRecorded = DefaultMaxRecorded)
    {
        var run = Start(log, format, check, seams, bufferSize, maxRecorded);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            for (int n; (n = log.Read(buffer, 0, bufferSize)) > 0;)
                run.Lines.Feed(buffer.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return run.Finish();
    }

    /// <inheritdoc cref="Analyze(Stream, LineFormat, int, int)"/>
    public static async Task<GapSummary> AnalyzeAsync(Stream log, LineFormat format,
        int bufferSize = DefaultBufferSize, int maxRecorded = DefaultMaxRecorded, CancellationToken cancellationToken = default) =>
        (await AnalyzeAsync(log, format, check: null, seams: [], bufferSize, maxRecorded, cancellationToken).ConfigureAwait(false)).Gaps;

    /// <inheritdoc cref="Analyze(Stream, LineFormat, OutputCheck?, IReadOnlyList{OutputSeam}, int, int)"/>
    public static async Task<OutputAnalysis> AnalyzeAsync(Stream log, LineFormat format, OutputCheck? check, IReadOnlyList<OutputSeam> seams,
        int bufferSize = DefaultBufferSize, int maxRecorded = DefaultMaxRecorded, CancellationToken cancellationToken = default)
    {
        var run = Start(log, format, check, seams, bufferSize, maxRecorded);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            for (int n; (n = await log.ReadAsync(buffer.AsMemory(0, bufferSize), cancellationToken).ConfigureAwait(false)) > 0;)
                run.Lines.Feed(buffer.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return run.Finish();
    }

    private static Run Start(Stream log, LineFormat format, OutputCheck? check, IReadOnlyList<OutputSeam> seams, int bufferSize, int maxRecorded)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRecorded);
        var tally = check is null ? null : new CheckTally(check, seams);
        var gaps = new GapAccumulator(format, maxRecorded, tally);
        return new Run(gaps, new LineSplitter(gaps, format.MaxLength), tally);
    }

    private sealed record Run(GapAccumulator Gaps, LineSplitter Lines, CheckTally? Tally)
    {
        public OutputAnalysis Finish() => new(Gaps.ToSummary(), Tally?.ToSummary());
    }
}

/// <summary>A whole output read end to end: its gaps, and the workload's own check if it declares one.</summary>
public sealed record OutputAnalysis(GapSummary Gaps, CheckSummary? Check);
