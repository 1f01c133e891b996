namespace CriuBench.Workloads.Output;

/// <summary>
/// A counter that did not go up by one: at 1-based <paramref name="LineNumber"/> (counting every
/// line) the value <paramref name="Next"/> followed <paramref name="Previous"/>.
/// <paramref name="TimestampDeltaMs"/> is the time between the two lines (timestamp output only).
/// </summary>
public readonly record struct Discontinuity(long LineNumber, long Previous, long Next, double? TimestampDeltaMs)
{
    /// <summary>Next - Previous - 1: &gt;0 values lost, &lt;0 values repeated.</summary>
    public long Gap => Next - Previous - 1;
}

/// <summary>
/// A whole output log read end to end. <paramref name="Lines"/> counts complete lines (malformed
/// ones too); <paramref name="First"/> holds the first discontinuities, up to the analyzer's cap,
/// while <paramref name="Discontinuities"/> counts them all.
/// </summary>
public sealed record GapSummary(
    long Lines,
    long Discontinuities,
    IReadOnlyList<Discontinuity> First,
    double? MaxTimestampDeltaMs,
    long MalformedLines)
{
    /// <summary>Every well-formed line followed its predecessor by exactly one (malformed lines are skipped: see <see cref="IsComplete"/>).</summary>
    public bool IsContinuous => Discontinuities == 0;

    /// <summary>Lines the format read.</summary>
    public long ParsedLines => Lines - MalformedLines;

    /// <summary>At least one line was read and none was malformed: without this, "continuous" proves nothing.</summary>
    public bool IsComplete => ParsedLines > 0 && MalformedLines == 0;

    /// <summary>1-based number of the first malformed line, and its start, to show in messages.</summary>
    public long? FirstMalformedLineNumber { get; init; }

    public string? FirstMalformedLine { get; init; }
}
