using System.Buffers;

namespace CriuBench.Workloads.Output;

/// <summary>
/// Reads a whole output log in constant memory (one pooled buffer, nothing allocated per line) and
/// counts every place where the counter did not go up by one.
/// </summary>
public static class StreamingGapAnalyzer
{
    public const int DefaultBufferSize = 64 * 1024;
    public const int DefaultMaxRecorded = 100;

    /// <param name="bufferSize">Bytes read at a time; any size from 1 works (small sizes are for tests).</param>
    /// <param name="maxRecorded">How many discontinuities <see cref="GapSummary.First"/> keeps.</param>
    public static GapSummary Analyze(Stream log, OutputFormat format,
        int bufferSize = DefaultBufferSize, int maxRecorded = DefaultMaxRecorded)
    {
        var (gaps, lines) = Start(log, format, bufferSize, maxRecorded);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            for (int n; (n = log.Read(buffer, 0, bufferSize)) > 0;)
                lines.Feed(buffer.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return gaps.ToSummary();
    }

    /// <inheritdoc cref="Analyze"/>
    public static async Task<GapSummary> AnalyzeAsync(Stream log, OutputFormat format,
        int bufferSize = DefaultBufferSize, int maxRecorded = DefaultMaxRecorded, CancellationToken cancellationToken = default)
    {
        var (gaps, lines) = Start(log, format, bufferSize, maxRecorded);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            for (int n; (n = await log.ReadAsync(buffer.AsMemory(0, bufferSize), cancellationToken).ConfigureAwait(false)) > 0;)
                lines.Feed(buffer.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return gaps.ToSummary();
    }

    private static (GapAccumulator, LineSplitter) Start(Stream log, OutputFormat format, int bufferSize, int maxRecorded)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRecorded);
        var gaps = new GapAccumulator(format, maxRecorded);
        return (gaps, new LineSplitter(gaps));
    }
}
