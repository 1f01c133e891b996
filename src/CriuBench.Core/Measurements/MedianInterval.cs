namespace CriuBench.Measurements;

/// <summary>
/// A sample's median with a distribution-free confidence interval: the k-th smallest and k-th
/// largest values, k the largest rank whose interval still covers the median with the level asked
/// (the binomial distribution of how many values fall below the median). Five values reach 93.8%
/// at most (the smallest to the largest), six reach 96.9%; <see cref="Confidence"/> says what was
/// reached. No random numbers, so a regenerated report gives the same interval.
/// </summary>
public sealed record MedianInterval(double Median, double Low, double High, double Confidence, int N)
{
    /// <summary>Null for an empty sample; one value is its own interval, at confidence 0.</summary>
    public static MedianInterval? Of(IReadOnlyCollection<double> values, double level = 0.95)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var median = DescriptiveStatistics.Quantile(sorted, 0.5);
        var n = sorted.Length;
        var (k, reached) = Rank(n, level);
        return new MedianInterval(median, sorted[k - 1], sorted[n - k], reached, n);
    }

    /// <summary>The largest k with coverage 1 − 2·P(B ≤ k − 1) ≥ level, B ~ Binomial(n, ½); k = 1 (the range) when none reaches it.</summary>
    internal static (int K, double Confidence) Rank(int n, double level)
    {
        var (k, reached) = (1, Coverage(n, 1));
        for (var candidate = 2; candidate <= (n + 1) / 2; candidate++)
        {
            var coverage = Coverage(n, candidate);
            if (coverage < level) break;
            (k, reached) = (candidate, coverage);
        }
        return (k, reached);
    }

    /// <summary>P(X₍ₖ₎ ≤ median ≤ X₍ₙ₊₁₋ₖ₎) = 1 − 2·P(B ≤ k − 1).</summary>
    private static double Coverage(int n, int k)
    {
        if (n < 2) return 0;
        var below = 0.0;
        for (var i = 0; i < k; i++) below += Binomial(n, i) * Math.Pow(0.5, n);
        return Math.Max(0, 1 - 2 * below);
    }

    private static double Binomial(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++) result = result * (n - k + i) / i;
        return result;
    }
}
