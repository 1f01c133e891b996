namespace CriuBench.Measurements;

/// <summary>
/// How many times larger sample x is than sample y: the ratio of their medians, with a
/// distribution-free interval for the ratio of their locations, taken from the Hodges–Lehmann
/// shift of the logarithms (<see cref="ShiftEstimate"/>) and turned back with exp. Under a pure
/// change of scale (every time 1.12× longer) that is the ratio of the medians. Only for positive
/// samples (times); null from <see cref="Of"/> otherwise.
/// </summary>
public sealed record RatioEstimate(double MedianRatio, double? Lower, double? Upper, double? Confidence)
{
    public bool HasInterval => Lower is not null;

    public static RatioEstimate? Of(IReadOnlyList<double> x, IReadOnlyList<double> y, double level = 0.95)
    {
        if (x.Count == 0 || y.Count == 0 || x.Concat(y).Any(v => !(v > 0))) return null;
        var medianX = DescriptiveStatistics.Of(x.ToArray()).Median;
        var medianY = DescriptiveStatistics.Of(y.ToArray()).Median;
        var logShift = ShiftEstimate.Of(x.Select(v => Math.Log(v)).ToArray(), y.Select(v => Math.Log(v)).ToArray(), level);
        return new RatioEstimate(medianX / medianY,
            logShift.Lower is { } lower ? Math.Exp(lower) : null,
            logShift.Upper is { } upper ? Math.Exp(upper) : null,
            logShift.Confidence);
    }
}
