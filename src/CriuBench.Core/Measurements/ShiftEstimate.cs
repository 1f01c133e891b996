using Perfolizer;
using Perfolizer.Mathematics.GenericEstimators;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;

namespace CriuBench.Measurements;

/// <summary>
/// How much larger sample x is than sample y: the Hodges–Lehmann shift (the median of all pairwise
/// differences xᵢ − yⱼ) and its distribution-free confidence interval, the k-th smallest and k-th
/// largest of those differences with k read off the Mann–Whitney U distribution (Bauer 1972). No
/// random numbers are involved, so the same samples always give the same interval.
/// </summary>
/// <param name="Lower">Null when the samples are too small for the level asked (e.g. 3 and 3 give at best 90%).</param>
/// <param name="Confidence">The level the interval reaches (at least the one asked: U is discrete).</param>
public sealed record ShiftEstimate(double Shift, double? Lower, double? Upper, double? Confidence)
{
    /// <summary>Up to this many values in both samples together, U's distribution is exact; above, Edgeworth's approximation (Perfolizer's exact ones overflow past about 60).</summary>
    public const int ExactUpTo = 60;

    public bool HasInterval => Lower is not null;

    /// <summary>The interval lies wholly above or below 0. False without an interval.</summary>
    public bool IsSignificant => Lower is { } lower && Upper is { } upper && (lower > 0 || upper < 0);

    public static ShiftEstimate Of(IReadOnlyList<double> x, IReadOnlyList<double> y, double level = 0.95)
    {
        if (x.Count == 0 || y.Count == 0) throw new ArgumentException("both samples need at least one value");
        if (level is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(level), level, "must be within (0, 1)");

        var shift = HodgesLehmannEstimator.Instance.Shift(new Sample([.. x]), new Sample([.. y]));
        var differences = x.SelectMany(a => y.Select(b => a - b)).Order().ToArray();
        var (k, reached) = RankOfLowerBound(x.Count, y.Count, 1 - level);
        return k == 0
            ? new ShiftEstimate(shift, null, null, null)
            : new ShiftEstimate(shift, differences[k - 1], differences[^k], reached);
    }

    /// <summary>
    /// The largest k with P(U &lt; k) ≤ α/2 (0 if none), and the level 1 − 2·P(U &lt; k) that
    /// [d₍ₖ₎, d₍ₘₙ₊₁₋ₖ₎] then reaches. Perfolizer's Cdf(n, m, u) is P(U &lt; u): Cdf(5, 5, 1) = 1/252 = P(U = 0).
    /// </summary>
    internal static (int K, double Confidence) RankOfLowerBound(int n, int m, double alpha)
    {
        IMannWhitneyCdf cdf = n + m <= ExactUpTo ? MannWhitneyClassicExactCdf.Instance : MannWhitneyEdgeworthApproxCdf.Instance;
        var k = 0;
        var below = 0.0;
        // U is symmetric around nm/2, so the lower bound's rank never passes the middle.
        for (var u = 1; u <= n * m / 2; u++)
        {
            var p = cdf.Cdf(n, m, u);
            if (p > alpha / 2) break;
            (k, below) = (u, p);
        }
        return (k, 1 - 2 * below);
    }
}
