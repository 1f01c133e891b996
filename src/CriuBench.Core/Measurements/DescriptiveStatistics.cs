namespace CriuBench.Measurements;

/// <summary>The handful of statistics every summary row reports, computed from one sample.</summary>
public sealed record DescriptiveStatistics(int N, double Median, double P95, double Min, double Max, double Mean, double StdDev)
{
    /// <summary>Statistics of a non-empty sample. Its order does not matter.</summary>
    public static DescriptiveStatistics Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("cannot describe an empty sample", nameof(values));
        if (values.Any(double.IsNaN)) throw new ArgumentException("the sample contains NaN", nameof(values));

        var sorted = values.Order().ToArray();
        var mean = sorted.Average();
        return new DescriptiveStatistics(
            sorted.Length,
            Quantile(sorted, 0.5),
            Quantile(sorted, 0.95),
            sorted[0],
            sorted[^1],
            mean,
            SampleStandardDeviation(sorted, mean));
    }

    /// <summary>
    /// Hyndman–Fan type 7 (R's default, Excel PERCENTILE.INC, NumPy's "linear"): the value at
    /// rank h = (n - 1)·p, interpolating linearly between the two closest ranks.
    /// </summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) throw new ArgumentException("cannot take a quantile of an empty sample", nameof(sorted));
        if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "must be within [0, 1]");

        var h = (sorted.Count - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>With the n - 1 denominator; 0 for a single value (no spread observed), as BenchmarkDotNet does.</summary>
    private static double SampleStandardDeviation(IReadOnlyList<double> values, double mean)
    {
        if (values.Count < 2) return 0;
        var sumOfSquares = values.Sum(v => (v - mean) * (v - mean));
        return Math.Sqrt(sumOfSquares / (values.Count - 1));
    }
}
