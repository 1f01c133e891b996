using CriuBench.Measurements;

namespace CriuBench.Tests.Measurements;

[Trait("Category", "Unit")]
public sealed class ShiftEstimateTests
{
    private const int Precision = 9;

    [Fact]
    public void The_shift_is_the_median_of_all_pairwise_differences()
    {
        // x − y: 1−0 1−0.5 1−7 2−0 ... sorted: -6 -5 -4 0.5 1 1.5 2 2.5 3 3 9.5 10 → median (1.5 + 2) / 2.
        var estimate = ShiftEstimate.Of([1, 2, 3, 10], [0, 0.5, 7]);

        Assert.Equal(1.75, estimate.Shift, Precision);
    }

    [Fact]
    public void Five_against_five_gives_the_third_smallest_and_third_largest_difference_at_96_8_percent()
    {
        // Textbook value: for m = n = 5 the two-sided 5% critical U is 2, so k = 3 and
        // the interval reaches 1 − 2·P(U ≤ 2) = 1 − 2·4/252 = 0.968.
        double[] x = [10, 11, 12, 13, 14];
        double[] y = [0, 1, 2, 3, 4];

        var estimate = ShiftEstimate.Of(x, y);

        // Differences run from 6 to 14; sorted: 6, 7, 7, 8, 8, 8, ... the third is 7, the 23rd is 13.
        Assert.Equal(10, estimate.Shift, Precision);
        Assert.Equal(7, estimate.Lower);
        Assert.Equal(13, estimate.Upper);
        Assert.Equal(1 - 2 * 4.0 / 252, estimate.Confidence!.Value, Precision);
        Assert.True(estimate.IsSignificant);
    }

    [Theory]
    [InlineData(4, 4, 1, 1 - 2.0 / 70)]
    [InlineData(5, 5, 3, 1 - 8.0 / 252)]
    [InlineData(10, 10, 24, 0.95)]
    public void The_rank_of_the_lower_bound_matches_the_mann_whitney_tables(int n, int m, int k, double atLeast)
    {
        var (rank, confidence) = ShiftEstimate.RankOfLowerBound(n, m, 0.05);

        Assert.Equal(k, rank);
        Assert.True(confidence >= atLeast - 1e-9, $"{confidence} < {atLeast}");
    }

    [Fact]
    public void Three_against_three_is_too_few_for_a_95_percent_interval()
    {
        var estimate = ShiftEstimate.Of([10, 11, 12], [1, 2, 3]);

        Assert.False(estimate.HasInterval);
        Assert.Null(estimate.Upper);
        Assert.Null(estimate.Confidence);
        Assert.False(estimate.IsSignificant);
        Assert.Equal(9, estimate.Shift, Precision);
    }

    [Fact]
    public void Overlapping_samples_give_an_interval_that_contains_zero()
    {
        var estimate = ShiftEstimate.Of([10, 12, 14, 16, 18], [11, 13, 15, 17, 19]);

        Assert.True(estimate.Lower < 0 && estimate.Upper > 0);
        Assert.False(estimate.IsSignificant);
    }

    [Fact]
    public void Large_samples_use_an_approximation_and_still_give_an_interval()
    {
        var x = Enumerable.Range(0, 40).Select(i => 100.0 + i).ToArray();
        var y = Enumerable.Range(0, 40).Select(i => 50.0 + i).ToArray();

        var estimate = ShiftEstimate.Of(x, y);

        Assert.Equal(50, estimate.Shift, Precision);
        Assert.True(estimate.Lower is > 40 and < 50, $"lower {estimate.Lower}");
        Assert.True(estimate.Upper is > 50 and < 60, $"upper {estimate.Upper}");
    }

    [Fact]
    public void The_same_samples_always_give_the_same_interval()
    {
        double[] x = [5.1, 4.9, 6.3, 5.5, 5.0, 7.2];
        double[] y = [4.0, 4.4, 3.9, 5.2, 4.1, 4.6];

        Assert.Equal(ShiftEstimate.Of(x, y), ShiftEstimate.Of(x, y));
    }
}
