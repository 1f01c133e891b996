using CriuBench.Measurements;

namespace CriuBench.Tests.Comparing;

[Trait("Category", "Unit")]
public sealed class MannWhitneyTestTests
{
    [Fact]
    public void Five_wholly_above_five_has_the_smallest_p_there_is()
    {
        // U = 25 of 25: the smaller tail is P(U = 0) = 1/252, two-sided 2/252.
        var test = MannWhitneyTest.Of([10, 11, 12, 13, 14], [0, 1, 2, 3, 4]);

        Assert.Equal(25, test.U);
        Assert.Equal(2.0 / 252, test.PValue, 12);
        Assert.True(test.IsSignificant());
    }

    [Fact]
    public void Three_overlaps_of_five_against_five_are_not_significant_at_5_percent()
    {
        // U = 22 (three pairs the other way round): P(U ≤ 3) = 7/252, two-sided 0.056.
        var test = MannWhitneyTest.Of([2.5, 3.5, 11, 12, 13], [0, 1, 2, 3, 4.5]);

        Assert.Equal(22, test.U);
        Assert.Equal(14.0 / 252, test.PValue, 12);
        Assert.False(test.IsSignificant());
    }

    [Fact]
    public void The_same_sample_gives_p_one()
    {
        double[] x = [1, 2, 3, 4, 5];

        Assert.Equal(1.0, MannWhitneyTest.Of(x, x).PValue, 12);
    }

    [Fact]
    public void The_ratio_of_a_sample_to_itself_scaled_is_the_scale()
    {
        double[] y = [100, 104, 98, 110, 101, 99];

        var ratio = RatioEstimate.Of(y.Select(v => v * 1.12).ToArray(), y)!;

        Assert.Equal(1.12, ratio.MedianRatio, 12);
        Assert.True(ratio.Lower <= 1.12 && ratio.Upper >= 1.12);
        Assert.Null(RatioEstimate.Of([0, 1], [1, 2]));
    }
}
