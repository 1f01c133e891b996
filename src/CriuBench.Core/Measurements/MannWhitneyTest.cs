using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;

namespace CriuBench.Measurements;

/// <summary>
/// The two-sided Mann–Whitney U test of "x and y come from the same distribution": U counts the
/// pairs with xᵢ &gt; yⱼ (ties count half), and the p-value is twice the smaller tail of U's
/// distribution under the null, exact up to <see cref="ShiftEstimate.ExactUpTo"/> values (as the
/// shift's interval is), Edgeworth's approximation above. Distribution-free, no random numbers.
/// </summary>
public sealed record MannWhitneyTest(double U, double PValue)
{
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha;

    public static MannWhitneyTest Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count == 0 || y.Count == 0) throw new ArgumentException("both samples need at least one value");
        var u = 0.0;
        foreach (var a in x)
        foreach (var b in y)
            u += a > b ? 1 : a == b ? 0.5 : 0;
        int n = x.Count, m = y.Count;
        IMannWhitneyCdf cdf = n + m <= ShiftEstimate.ExactUpTo ? MannWhitneyClassicExactCdf.Instance : MannWhitneyEdgeworthApproxCdf.Instance;
        // U is symmetric around nm/2: the smaller tail is P(U ≤ min(U, nm − U)); Cdf(n, m, k) is P(U < k).
        var tail = Math.Min(u, n * m - u);
        var p = Math.Min(1.0, 2 * cdf.Cdf(n, m, (int)Math.Floor(tail) + 1));
        return new MannWhitneyTest(u, p);
    }
}
