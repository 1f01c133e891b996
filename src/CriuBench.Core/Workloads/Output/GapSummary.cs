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
    /// <summary>Every well-formed line followed its predecessor by exactly one.</summary>
    public bool IsContinuous => Discontinuities == 0;
}
