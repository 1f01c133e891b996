using CriuBench.Comparing;
using CriuBench.Measurements;
using static CriuBench.Tests.Comparing.ComparisonRuns;

namespace CriuBench.Tests.Comparing;

[Trait("Category", "Unit")]
public sealed class RunComparerTests
{
    [Fact]
    public void Identical_runs_change_nothing_and_pass_the_gate()
    {
        var records = Records();

        var comparison = RunComparer.Compare(Run("a", records), Run("b", records));

        Assert.Equal(6, comparison.Shared.Count);
        Assert.All(comparison.Changes, change =>
        {
            Assert.Equal(ChangeDirection.Unchanged, change.Direction);
            Assert.Equal(1.0, change.Ratio!.MedianRatio, 12);
            Assert.Equal(0, change.Shift.Shift, 9);
            Assert.Equal(1.0, change.Test.PValue, 9);
        });
        Assert.Equal(ComparisonVerdict.NoRegression, comparison.Verdict);
        Assert.Empty(comparison.OnlyInBase);
        Assert.Empty(comparison.OnlyInNew);
    }

    [Fact]
    public void A_copy_twenty_percent_slower_is_a_significant_regression_of_every_configuration()
    {
        var comparison = RunComparer.Compare(Run("base", Records()), Run("new", Records(scale: 1.2)));

        var stops = comparison.Changes.Where(c => c.Metric.Name == Metrics.StopTime.Name).ToList();
        Assert.Equal(6, stops.Count);
        Assert.All(stops, change =>
        {
            Assert.Equal(1.2, change.Ratio!.MedianRatio, 1);
            Assert.True(change.Ratio.Lower > 1.1 && change.Ratio.Upper < 1.3, $"{change.Ratio}");
            Assert.True(change.Shift.Shift > 0 && change.Shift.IsSignificant);
            Assert.True(change.Test.PValue < 0.05, $"p = {change.Test.PValue}");
            Assert.Equal(ChangeDirection.Worse, change.Direction);
            Assert.True(change.IsRegression);
        });
        // Only the stop time gates: its parts are worse too, but not regressions of their own.
        Assert.All(comparison.Changes.Where(c => c.Metric.Name != Metrics.StopTime.Name), c => Assert.False(c.IsRegression));
        Assert.Equal(ComparisonVerdict.Regression, comparison.Verdict);
        Assert.StartsWith("REGRESSION: counter (process) tar cold 1gbit stop time x1.2", comparison.VerdictLine);
    }

    [Fact]
    public void A_copy_twenty_percent_faster_is_better_and_passes_the_gate()
    {
        var comparison = RunComparer.Compare(Run("base", Records()), Run("new", Records(scale: 0.8)));

        Assert.All(comparison.Changes, change => Assert.Equal(ChangeDirection.Better, change.Direction));
        Assert.Equal(ComparisonVerdict.NoRegression, comparison.Verdict);
    }

    [Fact]
    public void A_significant_slowdown_within_the_threshold_passes_and_fails_a_lower_one()
    {
        // Each row 9% slower and the scatter ±4%: every value of NEW lies above every value of BASE (significant), by 9%.
        var slower = Records(scale: 1.09);

        var lenient = RunComparer.Compare(Run("base", Records()), Run("new", slower), threshold: 0.10);
        var strict = RunComparer.Compare(Run("base", Records()), Run("new", slower), threshold: 0.05);

        Assert.Contains(lenient.Changes, c => c.Direction == ChangeDirection.Worse);
        Assert.Equal(ComparisonVerdict.NoRegression, lenient.Verdict);
        Assert.Equal(ComparisonVerdict.Regression, strict.Verdict);
    }

    [Fact]
    public void Runs_with_disjoint_configurations_compare_nothing_and_say_so()
    {
        var comparison = RunComparer.Compare(Run("a", Records(workloads: ["counter"])), Run("b", Records(workloads: ["memory"])));

        Assert.Empty(comparison.Shared);
        Assert.Equal(2, comparison.OnlyInBase.Count);
        Assert.Equal(2, comparison.OnlyInNew.Count);
        Assert.Equal(ComparisonVerdict.NothingInCommon, comparison.Verdict);
        Assert.Contains("share no configuration", comparison.VerdictLine);
    }

    [Fact]
    public void Configurations_only_one_run_has_are_listed_and_the_shared_ones_compared()
    {
        var comparison = RunComparer.Compare(Run("a", Records(workloads: ["counter", "memory"])), Run("b", Records(workloads: ["memory", "timestamps"])));

        Assert.Equal(["memory"], comparison.Shared.Select(c => c.Workload).Distinct());
        Assert.Equal(["counter"], comparison.OnlyInBase.Select(c => c.Workload).Distinct());
        Assert.Equal(["timestamps"], comparison.OnlyInNew.Select(c => c.Workload).Distinct());
        Assert.Equal(ComparisonVerdict.NoRegression, comparison.Verdict);
    }

    [Fact]
    public void A_configuration_that_fails_in_the_new_run_is_a_regression()
    {
        var newRecords = Records().Select(r => r.Workload == "memory" && r.Strategy == "tar"
            ? r with { Succeeded = false, FailureReason = "checkpoint: criu dump failed", StopTimeMs = null } : r).ToList();

        var comparison = RunComparer.Compare(Run("a", Records()), Run("b", newRecords));

        var broken = Assert.Single(comparison.Broken);
        Assert.Equal("memory", broken.Configuration.Workload);
        Assert.Equal(ComparisonVerdict.Regression, comparison.Verdict);
        Assert.Contains("memory (process) tar cold 1gbit fails in b", comparison.VerdictLine);
    }

    [Fact]
    public void Two_against_two_is_too_few_to_call_a_change()
    {
        var comparison = RunComparer.Compare(Run("a", Records(repetitions: 2)), Run("b", Records(scale: 2, repetitions: 2)));

        Assert.All(comparison.Changes, change =>
        {
            Assert.False(change.Shift.HasInterval);
            Assert.Equal(ChangeDirection.Unchanged, change.Direction);
        });
        Assert.Equal(ComparisonVerdict.NoRegression, comparison.Verdict);
    }
}
