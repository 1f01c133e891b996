using CriuBench.Measurements;

namespace CriuBench.Tests.Measurements;

[Trait("Category", "Unit")]
public sealed class DescriptiveStatisticsTests
{
    private const int Precision = 12;

    [Fact]
    public void A_single_value_is_its_own_median_percentile_min_max_and_mean_with_no_spread()
    {
        var s = DescriptiveStatistics.Of([7.5]);

        Assert.Equal(new DescriptiveStatistics(N: 1, Median: 7.5, P95: 7.5, Min: 7.5, Max: 7.5, Mean: 7.5, StdDev: 0), s);
    }

    [Fact]
    public void The_median_of_an_even_count_is_halfway_between_the_middle_two()
    {
        // sorted 1 2 3 4: rank (4-1)*0.5 = 1.5, halfway between 2 and 3.
        var s = DescriptiveStatistics.Of([4, 1, 3, 2]);

        Assert.Equal(4, s.N);
        Assert.Equal(2.5, s.Median, Precision);
        Assert.Equal(1, s.Min);
        Assert.Equal(4, s.Max);
        Assert.Equal(2.5, s.Mean, Precision);
    }

    [Fact]
    public void The_95th_percentile_interpolates_between_the_closest_ranks_like_excel_percentile_inc()
    {
        // sorted 1 2 3 4: rank (4-1)*0.95 = 2.85 → 3 + 0.85*(4-3) = 3.85 (=PERCENTILE.INC({1,2,3,4},0.95)).
        Assert.Equal(3.85, DescriptiveStatistics.Of([4, 1, 3, 2]).P95, Precision);
        // 10 20 30 40 50: rank 4*0.95 = 3.8 → 40 + 0.8*10 = 48.
        Assert.Equal(48, DescriptiveStatistics.Of([50, 10, 40, 20, 30]).P95, Precision);
        // 1..20: rank 19*0.95 = 18.05 → 19 + 0.05*1 = 19.05.
        Assert.Equal(19.05, DescriptiveStatistics.Of([.. Enumerable.Range(1, 20).Select(i => (double)i)]).P95, Precision);
    }

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value()
    {
        Assert.Equal(30, DescriptiveStatistics.Of([50, 10, 40, 20, 30]).Median);
    }

    [Fact]
    public void The_standard_deviation_is_the_sample_one_with_n_minus_one()
    {
        // 1 2 3 4: squared deviations 2.25+0.25+0.25+2.25 = 5; 5/3; sqrt.
        Assert.Equal(Math.Sqrt(5.0 / 3), DescriptiveStatistics.Of([1, 2, 3, 4]).StdDev, Precision);
        // 10..50: 400+100+0+100+400 = 1000; 1000/4 = 250; sqrt.
        Assert.Equal(15.811388300841896, DescriptiveStatistics.Of([10, 20, 30, 40, 50]).StdDev, Precision);
    }

    [Fact]
    public void Two_values_give_their_mean_as_median_and_interpolate_the_percentile()
    {
        var s = DescriptiveStatistics.Of([100, 200]);

        Assert.Equal(150, s.Median, Precision);
        Assert.Equal(195, s.P95, Precision);
        Assert.Equal(Math.Sqrt(5000), s.StdDev, Precision);
    }

    [Fact]
    public void An_empty_sample_or_one_with_nan_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DescriptiveStatistics.Of([]));
        Assert.Throws<ArgumentException>(() => DescriptiveStatistics.Of([1, double.NaN]));
    }
}
