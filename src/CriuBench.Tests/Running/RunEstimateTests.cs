using CriuBench.Measurements;
using CriuBench.Preflight;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Vocabulary;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Running;

/// <summary>`run --dry-run`'s estimate: an earlier run's typical migration where there is one, the model otherwise, and the sum says its parts.</summary>
[Trait("Category", "Unit")]
public class RunEstimateTests
{
    private static readonly HostFeatures[] Hosts =
        [.. new[] { "src", "dst" }.Select(name => HostFeatures.Unknown(name, "lab-netns") with { CriuWorks = true, Sshfs = true })];

    private static RunPlan Plan(params string[] strategies) => RunPlan.Build(new Suite
    {
        Workloads = [BuiltinWorkloads.ShellCounter(), BuiltinWorkloads.MemoryHog(256)],
        Strategies = Resolved.Strategies(strategies),
        LinkRates = [LinkRate.Parse("1gbit")],
    }, Hosts, canShapeLink: true);

    private static MigrationRecord Row(string workload, double totalMs) => new()
    {
        RunId = "r", Repetition = 1, Workload = workload, Engine = "process", Strategy = "tar", Source = "src", Destination = "dst",
        LinkRate = "1gbit", HostKind = "lab-netns", Succeeded = true, WorkloadRunsOn = "dst", TotalTimeMs = totalMs,
    };

    [Fact]
    public void Without_an_earlier_run_each_migration_is_modelled_from_its_memory_and_the_link()
    {
        var plan = Plan("tar");
        var memory = plan.Cells.Single(c => c.Spec.Name.StartsWith("memory", StringComparison.Ordinal));

        // 256 MiB over 1 Gbit/s (125 MB/s, above one ssh stream's 100 MB/s: 2.68 s) and restored at 150 MB/s (1.79 s), plus 0.5 s of phases.
        Assert.Equal(4.97, RunEstimate.Modelled(memory).TotalSeconds, 2);
        var estimate = RunEstimate.For(plan, 5, TimeSpan.FromSeconds(4), []);
        Assert.Equal((0, 2), (estimate.MeasuredCells, estimate.ModelledCells));
        var counter = plan.Cells.Single(c => c.Spec.Name == "counter");
        double Settle(PlannedCell cell) => SuiteRunner.SettleTime(cell.Spec).TotalSeconds;
        var expected = 4 + 2 + 1.5 + 2 * 1 + (Settle(counter) + 5 * (RunEstimate.Modelled(counter).TotalSeconds + Settle(counter)))
            + (Settle(memory) + 5 * (RunEstimate.Modelled(memory).TotalSeconds + Settle(memory)));
        Assert.Equal(expected, estimate.Total.TotalSeconds, 2);
        Assert.Contains(estimate.How, line => line.Contains("a model"));
        Assert.Contains(estimate.How, line => line.Contains("measured just now"));
    }

    [Fact]
    public void An_earlier_run_of_the_same_cell_gives_its_median_whole_migration_time()
    {
        var plan = Plan("tar");
        var earlier = new[] { Row("counter", 400), Row("counter", 900), Row("counter", 500), Row("counter", 100_000) with { Succeeded = false } };

        var measured = RunEstimate.For(plan, 1, TimeSpan.Zero, earlier, "results/20261203-x");
        var modelled = RunEstimate.For(plan, 1, TimeSpan.Zero, []);

        Assert.Equal((1, 1), (measured.MeasuredCells, measured.ModelledCells));
        var counter = plan.Cells.Single(c => c.Spec.Name == "counter");
        Assert.Equal(0.5 - RunEstimate.Modelled(counter).TotalSeconds, (measured.Total - modelled.Total).TotalSeconds, 3);
        Assert.Contains(measured.How, line => line.Contains("median total_time_ms") && line.Contains("results/20261203-x"));
    }

    [Theory]
    [InlineData(45.2, "about 46 s")]
    [InlineData(200, "about 3 min 20 s")]
    public void The_total_reads_in_minutes_and_seconds(double seconds, string expected) =>
        Assert.Equal(expected, RunEstimate.Describe(TimeSpan.FromSeconds(seconds)));
}
